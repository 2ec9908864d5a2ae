package dev.toggltrackmcp.sandbox;

import dev.toggltrackmcp.sandbox.ProjectMix.Activity;
import dev.toggltrackmcp.sandbox.World.Entry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Plants the {@link PlantedCases} into Ana's last full week. The days are chosen before the week is
 * laid out (the gap day needs a long break instead of lunch, the late-deploy day a shorter day),
 * the entries are changed or added after.
 */
final class PlantedWeek {
  static final Duration DEPLOY = Duration.ofMinutes(135);
  static final Duration FORGOTTEN_DAY_SHORTER = Duration.ofHours(1);

  final LocalDate week;
  final LocalDate overlapDay;
  final LocalDate gapDay;
  final LocalDate missingDay;
  final LocalDate longDay;
  final LocalDate duplicateDay;
  final LocalDate midnightDay;

  /** Spreads the cases over the workdays of the week starting on {@code monday}. */
  PlantedWeek(LocalDate monday, Predicate<LocalDate> works) {
    this.week = monday;
    List<LocalDate> days = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      if (works.test(monday.plusDays(i))) {
        days.add(monday.plusDays(i));
      }
    }
    if (days.isEmpty()) {
      throw new IllegalStateException("no workday in the planted week of " + monday);
    }
    int n = days.size();
    overlapDay = days.get(0);
    gapDay = days.get(1 % n);
    missingDay = days.get(2 % n);
    longDay = days.get(3 % n);
    duplicateDay = days.get(4 % n);
    LocalDate midnight = days.get(1 % n);
    for (int i = 1; midnight.equals(longDay) && i < n; i++) {
      midnight = days.get((1 + i) % n);
    }
    midnightDay = midnight.equals(longDay) ? monday.plusDays(5) : midnight;
  }

  WorkingLife.Options options(LocalDate day, WorkingLife.Options base) {
    WorkingLife.Options o = base.cleanOnly();
    if (day.equals(gapDay)) {
      o = o.withBigGap();
    }
    if (day.equals(midnightDay)) {
      o = o.reserving(DEPLOY);
    }
    if (day.equals(longDay)) {
      o = o.reserving(FORGOTTEN_DAY_SHORTER);
    }
    return o;
  }

  /** Changes and adds entries on the laid-out days; {@code days} holds each day's entries. */
  PlantedCases plant(
      Map<LocalDate, List<Entry>> days,
      EntryBook book,
      Activity deploy,
      List<Long> meetingTags,
      ZoneId zone,
      Random random,
      LocalDate cleanWeek) {
    Instant[] gap = widestGap(days.get(gapDay));
    List<Entry> longDayEntries = days.get(longDay);
    Entry last = longDayEntries.get(longDayEntries.size() - 1);
    // two overlapping entries: a call logged inside the day's longest entry
    Entry longest =
        days.get(overlapDay).stream()
            .filter(e -> e.id() != last.id())
            .max(Comparator.comparingLong(Entry::duration))
            .orElseThrow();
    Instant callStart = longest.start().plusSeconds(longest.duration() / 4);
    long callSeconds = Math.max(1, Math.min(30 * 60, longest.duration() / 2));
    Entry call =
        book.add(
            new Activity(longest.workspaceId(), null, null, "Client call", meetingTags, 1),
            callStart,
            callStart.plusSeconds(callSeconds));
    call = withProjectOf(longest, call);
    book.replace(call);
    // missing project, description, tags: three complete entries each lose one
    Set<Long> used = new HashSet<>(List.of(longest.id(), last.id()));
    List<Entry> candidates = new ArrayList<>(days.get(missingDay));
    for (LocalDate d = week; d.isBefore(week.plusDays(5)); d = d.plusDays(1)) {
      if (!d.equals(missingDay)) {
        candidates.addAll(days.getOrDefault(d, List.of()));
      }
    }
    List<Entry> three =
        candidates.stream()
            .skip(candidates.size() > 3 ? 1 : 0)
            .filter(e -> !used.contains(e.id()) && e.projectId() != null && !e.tagIds().isEmpty())
            .limit(3)
            .toList();
    Entry noProject = three.get(0);
    Entry noDescription = three.get(1);
    Entry noTags = three.get(2);
    three.forEach(e -> used.add(e.id()));
    book.replace(
        new Entry(
            noProject.id(),
            noProject.workspaceId(),
            noProject.userId(),
            null,
            null,
            false,
            noProject.start(),
            noProject.stop(),
            noProject.description(),
            noProject.tagIds(),
            noProject.at(),
            null));
    book.replace(noDescription.withDescription("", noDescription.at()));
    book.replace(noTags.withTags(List.of(), noTags.at()));
    // a timer forgotten overnight: the day's last entry, stopped only at the next morning's start
    List<Entry> next = days.getOrDefault(longDay.plusDays(1), List.of());
    Instant nextMorning = longDay.plusDays(1).atTime(LocalTime.of(8, 45)).atZone(zone).toInstant();
    Instant timerStop =
        next.isEmpty() || next.get(0).start().isAfter(nextMorning)
            ? nextMorning
            : next.get(0).start().minusSeconds(90);
    Entry forgotten = book.get(last.id()).stoppedAt(timerStop);
    book.replace(forgotten);
    // an exact duplicate of a mid-day entry
    List<Entry> dupDay =
        days.get(duplicateDay).stream().filter(e -> !used.contains(e.id())).toList();
    if (dupDay.isEmpty()) { // a sparse world (demo --entries 300): any free entry of the week
      dupDay = candidates.stream().filter(e -> !used.contains(e.id())).toList();
    }
    Entry original = dupDay.get(dupDay.size() / 2);
    Entry copy = book.duplicate(original);
    // the late deploy that ends after midnight
    Instant deployStart =
        midnightDay.atTime(22, 40).atZone(zone).toInstant().plusSeconds(random.nextInt(300));
    Entry lateDeploy = book.add(deploy, deployStart, deployStart.plus(DEPLOY));
    return new PlantedCases(
        week,
        cleanWeek,
        List.of(longest.id(), call.id()),
        gap[0],
        gap[1],
        noProject.id(),
        noDescription.id(),
        noTags.id(),
        forgotten.id(),
        List.of(original.id(), copy.id()),
        lateDeploy.id());
  }

  private static Entry withProjectOf(Entry source, Entry target) {
    return new Entry(
        target.id(),
        target.workspaceId(),
        target.userId(),
        source.projectId(),
        null,
        source.billable(),
        target.start(),
        target.stop(),
        target.description(),
        target.tagIds(),
        target.at(),
        null);
  }

  private static Instant[] widestGap(List<Entry> day) {
    Instant[] widest = {day.get(0).stop(), day.get(0).stop()};
    for (int i = 1; i < day.size(); i++) {
      Instant from = day.get(i - 1).stop();
      Instant to = day.get(i).start();
      if (Duration.between(from, to).compareTo(Duration.between(widest[0], widest[1])) > 0) {
        widest = new Instant[] {from, to};
      }
    }
    return widest;
  }
}
