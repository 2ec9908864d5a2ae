package dev.toggltrackmcp.analytics;

import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import dev.toggltrackmcp.toggl.model.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The sentences a timesheet finding says, with times in the person's zone ("Tue 12:50"). */
final class FindingText {
  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final Account account;
  private final ZoneId zone;
  private final Labels labels;

  FindingText(Account account, ZoneId zone) {
    this.account = account;
    this.zone = zone;
    this.labels = Labels.of(account);
  }

  String time(Instant t) {
    return DAY_TIME.format(t.atZone(zone));
  }

  /** "Tue 12:50–15:28", the day shown again only when the span ends on another day. */
  String span(Instant from, Instant to) {
    boolean sameDay = LocalDate.ofInstant(from, zone).equals(LocalDate.ofInstant(to, zone));
    return time(from) + "–" + (sameDay ? TIME.format(to.atZone(zone)) : time(to));
  }

  /** How an entry is called in a sentence: its description, else its project, else its id. */
  String name(TimeEntry e) {
    if (!e.description().isBlank()) {
      return "\"" + e.description().trim() + "\"";
    }
    if (e.projectId() != null) {
      return "the " + labels.project(e.projectId()) + " entry";
    }
    return "entry " + e.id();
  }

  /** "\"Email\" (Tue 09:00–09:40)". */
  String entry(TimeEntry e) {
    return name(e)
        + " ("
        + (e.isRunning() ? "since " + time(e.start()) : span(e.start(), e.stop()))
        + ")";
  }

  String workspace(long id) {
    return account.workspace(id).map(Workspace::name).orElse("Workspace " + id);
  }

  String project(long id) {
    return "\"" + labels.project(id) + "\"";
  }

  String duplicate(TimeEntry e, int copies) {
    return copies
        + " identical entries "
        + entry(e)
        + " (same project, task, tags and billable): "
        + Hours.hm(Duration.between(e.start(), e.stop()).toSeconds())
        + " counted "
        + copies
        + " times.";
  }

  String overlap(TimeEntry a, TimeEntry b, boolean inside, Duration twice) {
    return entry(b)
        + (inside ? " lies inside " : " overlaps ")
        + entry(a)
        + ": "
        + Hours.hm(twice.toSeconds())
        + " counted twice.";
  }

  String tooLong(TimeEntry e, Duration length, int hours) {
    boolean midnight =
        LocalDate.ofInstant(e.stop().minusNanos(1), zone)
            .isAfter(LocalDate.ofInstant(e.start(), zone));
    return entry(e)
        + " ran "
        + Hours.hm(length.toSeconds())
        + ", longer than "
        + hours
        + " h"
        + (midnight ? " and across midnight" : "")
        + ": probably a timer left running.";
  }

  String runningSince(TimeEntry e, Duration length) {
    return name(e)
        + " has been running since "
        + time(e.start())
        + " ("
        + Hours.hm(length.toSeconds())
        + " so far): probably a timer left on overnight.";
  }

  String acrossMidnight(TimeEntry e) {
    return entry(e)
        + " runs across midnight; it counts on "
        + DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ENGLISH)
            .format(e.start().atZone(zone))
        + ", the day it starts.";
  }

  String gap(Gaps.Gap g, TimeEntry after, TimeEntry before, WorkHabits habits) {
    return Hours.hm(g.length().toSeconds())
        + " untracked "
        + span(g.from(), g.to())
        + ", between "
        + name(before)
        + " and "
        + name(after)
        + ", inside your usual hours "
        + habits.usualStart()
        + "–"
        + habits.usualEnd()
        + " (your longest break on most days is "
        + Hours.hm(habits.usualLongestBreak().toSeconds())
        + ").";
  }
}
