package dev.toggltrackmcp.analytics;

import dev.toggltrackmcp.analytics.TimesheetFinding.Change;
import dev.toggltrackmcp.analytics.TimesheetFinding.Create;
import dev.toggltrackmcp.analytics.TimesheetFinding.Delete;
import dev.toggltrackmcp.analytics.TimesheetFinding.Kind;
import dev.toggltrackmcp.analytics.TimesheetFinding.SetTimes;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import dev.toggltrackmcp.toggl.model.TimeEntryConstraints;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a person's own entries in a range for what makes a timesheet wrong: exact duplicates,
 * overlaps, entries longer than {@value #LONGEST_HOURS} hours, a timer running since an earlier
 * day, entries across midnight, gaps inside their usual hours, and entries without project,
 * description or tags where the workspace requires them or the person usually sets them.
 *
 * <p>Each problem is reported once: a duplicate pair is not also an overlap, and a long or
 * forgotten entry that crosses midnight is not also reported as crossing midnight (setting its real
 * stop fixes both).
 */
public final class TimesheetCheck {
  static final int LONGEST_HOURS = 10;
  private static final Duration LONGEST = Duration.ofHours(LONGEST_HOURS);

  private final List<TimeEntry> entries;
  private final TimeRange range;
  private final WorkHabits habits;
  private final UsualValues usual;
  private final Map<Long, TimeEntryConstraints> rules;
  private final Account account;
  private final Instant now;
  private final ZoneId zone;
  private final FindingText text;

  /**
   * @param entries the person's entries starting in {@code range}, and any before it that reach
   *     into it (only problems touching the range are reported)
   * @param rules each workspace's time entry constraints, where known
   */
  public TimesheetCheck(
      List<TimeEntry> entries,
      TimeRange range,
      WorkHabits habits,
      UsualValues usual,
      Map<Long, TimeEntryConstraints> rules,
      Account account,
      Instant now) {
    this.entries =
        entries.stream()
            .filter(e -> !e.isDeleted())
            .sorted(Comparator.comparing(TimeEntry::start).thenComparingLong(TimeEntry::id))
            .toList();
    this.range = range;
    this.habits = habits;
    this.usual = usual;
    this.rules = Map.copyOf(rules);
    this.account = account;
    this.now = now;
    this.zone = range.zone();
    this.text = new FindingText(account, zone);
  }

  /** Every finding, in time order. */
  public List<TimesheetFinding> findings() {
    List<TimesheetFinding> out = new ArrayList<>();
    Set<Long> duplicated = new HashSet<>();
    duplicates(out, duplicated);
    overlaps(out, duplicated);
    Set<Long> tooLong = new HashSet<>();
    lengths(out, tooLong);
    midnights(out, tooLong);
    gaps(out);
    new MissingFields(habits, usual, rules, text)
        .addTo(out, entries.stream().filter(this::inRange).toList());
    out.sort(
        Comparator.comparing(TimesheetFinding::start)
            .thenComparing(TimesheetFinding::kind)
            .thenComparing(f -> f.entryIds().get(0)));
    return out;
  }

  private boolean inRange(TimeEntry e) {
    return range.contains(e.start());
  }

  private Instant end(TimeEntry e) {
    return Gaps.end(e, now);
  }

  /** Entries equal in start, stop, description, project, task, tags and billable. */
  private void duplicates(List<TimesheetFinding> out, Set<Long> duplicated) {
    Map<List<Object>, List<TimeEntry>> same = new LinkedHashMap<>();
    for (TimeEntry e : entries) {
      if (e.isRunning()) {
        continue;
      }
      List<Object> key =
          List.of(
              e.workspaceId(),
              e.start(),
              e.stop(),
              e.description().trim(),
              String.valueOf(e.projectId()),
              String.valueOf(e.taskId()),
              EntryView.tagNames(e, account).stream().sorted().toList(),
              e.billable());
      same.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
    }
    for (List<TimeEntry> group : same.values()) {
      if (group.size() < 2 || group.stream().noneMatch(this::inRange)) {
        continue;
      }
      group.forEach(e -> duplicated.add(e.id()));
      TimeEntry kept = group.get(0);
      List<TimeEntry> copies = group.subList(1, group.size());
      out.add(
          new TimesheetFinding(
              Kind.DUPLICATE,
              group.stream().map(TimeEntry::id).toList(),
              kept.start(),
              kept.stop(),
              text.duplicate(kept, group.size()),
              copies.size() == 1
                  ? "Delete the copy (entry " + copies.get(0).id() + ") and keep " + kept.id() + "."
                  : "Delete the " + copies.size() + " copies and keep " + kept.id() + ".",
              copies.stream().<Change>map(c -> new Delete(c.id())).toList()));
    }
  }

  /** Pairs whose times overlap by at least a second (a duplicate pair is reported as such). */
  private void overlaps(List<TimesheetFinding> out, Set<Long> duplicated) {
    for (int i = 0; i < entries.size(); i++) {
      TimeEntry a = entries.get(i);
      for (int j = i + 1; j < entries.size(); j++) {
        TimeEntry b = entries.get(j);
        if (!b.start().isBefore(end(a))) {
          break; // sorted by start: nothing later can overlap a
        }
        boolean bothCopies = duplicated.contains(a.id()) && duplicated.contains(b.id());
        Instant overlapEnd = end(a).isBefore(end(b)) ? end(a) : end(b);
        if (bothCopies
            || !overlapEnd.isAfter(b.start())
            || !(inRange(a) || inRange(b))
            || !end(b).isAfter(b.start())) {
          continue;
        }
        out.add(overlap(a, b, overlapEnd));
      }
    }
  }

  private TimesheetFinding overlap(TimeEntry a, TimeEntry b, Instant overlapEnd) {
    boolean inside = !end(b).isAfter(end(a)) && !a.isRunning();
    List<Change> fix = new ArrayList<>();
    String fixText;
    if (inside) {
      fix.add(new SetTimes(a.id(), null, b.start()));
      if (end(a).isAfter(end(b))) {
        fix.add(
            new Create(
                a.workspaceId(),
                end(b),
                end(a),
                a.projectId(),
                a.description(),
                EntryView.tagNames(a, account)));
      }
      fixText =
          "Cut "
              + text.name(a)
              + " around "
              + text.name(b)
              + ": stop it at "
              + text.time(b.start())
              + (fix.size() > 1 ? " and log " + text.span(end(b), end(a)) + " as a new entry" : "")
              + ".";
    } else {
      fix.add(new SetTimes(a.id(), null, b.start()));
      fixText =
          "Stop "
              + text.name(a)
              + " at "
              + text.time(b.start())
              + ", or start "
              + text.name(b)
              + " at "
              + text.time(end(a))
              + ".";
    }
    return new TimesheetFinding(
        Kind.OVERLAP,
        List.of(a.id(), b.id()),
        b.start(),
        overlapEnd,
        text.overlap(a, b, inside, Duration.between(b.start(), overlapEnd)),
        fixText,
        fix);
  }

  /** Finished entries over the limit, and a timer still running since an earlier day. */
  private void lengths(List<TimesheetFinding> out, Set<Long> tooLong) {
    LocalDate today = LocalDate.ofInstant(now, zone);
    for (TimeEntry e : entries) {
      if (!inRange(e)) {
        continue;
      }
      Duration length = Duration.between(e.start(), end(e));
      boolean running = e.isRunning();
      boolean overnight = running && LocalDate.ofInstant(e.start(), zone).isBefore(today);
      if (!(running ? overnight || length.compareTo(LONGEST) > 0 : length.compareTo(LONGEST) > 0)) {
        continue;
      }
      tooLong.add(e.id());
      Instant likelyStop = likelyStop(e);
      out.add(
          new TimesheetFinding(
              running ? Kind.RUNNING_OVERNIGHT : Kind.LONG_ENTRY,
              List.of(e.id()),
              e.start(),
              running ? null : e.stop(),
              running ? text.runningSince(e, length) : text.tooLong(e, length, LONGEST_HOURS),
              "Set the stop to when you really stopped"
                  + (habits.knowsHours()
                      ? " (your usual end of day is " + habits.usualEnd() + ")"
                      : "")
                  + ", e.g. "
                  + text.time(likelyStop)
                  + ".",
              List.of(new SetTimes(e.id(), null, likelyStop))));
    }
  }

  /** The usual end of the day it started, or an hour after its start when that is later. */
  private Instant likelyStop(TimeEntry e) {
    Instant anHourOn = e.start().plus(Duration.ofHours(1));
    if (!habits.knowsHours()) {
      return anHourOn;
    }
    Instant usualEnd =
        LocalDate.ofInstant(e.start(), zone).atTime(habits.usualEnd()).atZone(zone).toInstant();
    return usualEnd.isAfter(anHourOn) ? usualEnd : anHourOn;
  }

  private void midnights(List<TimesheetFinding> out, Set<Long> tooLong) {
    for (TimeEntry e : entries) {
      if (!inRange(e) || tooLong.contains(e.id()) || e.isRunning()) {
        continue;
      }
      LocalDate first = LocalDate.ofInstant(e.start(), zone);
      LocalDate last = LocalDate.ofInstant(e.stop().minusNanos(1), zone);
      if (!last.isAfter(first)) {
        continue;
      }
      Instant midnight = first.plusDays(1).atStartOfDay(zone).toInstant();
      out.add(
          new TimesheetFinding(
              Kind.CROSSES_MIDNIGHT,
              List.of(e.id()),
              e.start(),
              e.stop(),
              text.acrossMidnight(e),
              "Nothing to fix if it really ran past midnight; to count it on both days, split it"
                  + " at midnight ("
                  + text.time(midnight)
                  + ").",
              List.of(
                  new SetTimes(e.id(), null, midnight),
                  new Create(
                      e.workspaceId(),
                      midnight,
                      e.stop(),
                      e.projectId(),
                      e.description(),
                      EntryView.tagNames(e, account)))));
    }
  }

  /** Untracked time inside the usual hours of each working day of the range, up to now. */
  private void gaps(List<TimesheetFinding> out) {
    if (!habits.knowsHours()) {
      return;
    }
    Duration threshold = habits.gapThreshold();
    LocalDate today = LocalDate.ofInstant(now, zone);
    for (LocalDate d = range.firstDay();
        !d.isAfter(range.lastDay()) && !d.isAfter(today);
        d = d.plusDays(1)) {
      if (!habits.workingDays().contains(d.getDayOfWeek())) {
        continue;
      }
      Instant from = d.atTime(habits.usualStart()).atZone(zone).toInstant();
      Instant to = d.atTime(habits.usualEnd()).atZone(zone).toInstant();
      for (Gaps.Gap g : Gaps.inside(entries, from, to, now)) {
        if (g.length().compareTo(threshold) < 0) {
          continue;
        }
        TimeEntry before = byId(g.entryBefore());
        out.add(
            new TimesheetFinding(
                Kind.GAP,
                List.of(g.entryBefore(), g.entryAfter()),
                g.from(),
                g.to(),
                text.gap(g, byId(g.entryAfter()), before, habits),
                "If you worked then, log it as a new entry; if it was a break, nothing to do.",
                List.of(
                    new Create(before.workspaceId(), g.from(), g.to(), null, null, List.of()))));
      }
    }
  }

  private TimeEntry byId(long id) {
    return entries.stream().filter(e -> e.id() == id).findFirst().orElseThrow();
  }
}
