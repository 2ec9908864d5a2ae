package dev.toggltrackmcp.analytics;

import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Untracked time inside a window (one day's usual working hours): the spans no entry covers between
 * the first and the last tracked moment of the window. Time before the first entry or after the
 * last one is a later start or an earlier end, not a gap, so it is never reported.
 */
final class Gaps {
  private Gaps() {}

  /** A span nobody tracked, with the entries that end before it and start after it. */
  record Gap(Instant from, Instant to, long entryBefore, long entryAfter) {
    Duration length() {
      return Duration.between(from, to);
    }
  }

  static List<Gap> inside(List<TimeEntry> entries, Instant from, Instant to, Instant now) {
    Instant windowEnd = to.isAfter(now) ? now : to;
    List<TimeEntry> covering = new ArrayList<>();
    for (TimeEntry e : entries) {
      Instant end = end(e, now);
      if (end.isAfter(from) && e.start().isBefore(windowEnd) && end.isAfter(e.start())) {
        covering.add(e);
      }
    }
    covering.sort(Comparator.comparing(TimeEntry::start));
    List<Gap> gaps = new ArrayList<>();
    if (covering.isEmpty()) {
      return gaps;
    }
    TimeEntry reaching = covering.get(0);
    Instant coveredTo = end(reaching, now);
    for (TimeEntry e : covering.subList(1, covering.size())) {
      // every covering entry overlaps the window, so a gap found here lies inside it
      if (e.start().isAfter(coveredTo)) {
        gaps.add(new Gap(coveredTo, e.start(), reaching.id(), e.id()));
      }
      if (end(e, now).isAfter(coveredTo)) {
        coveredTo = end(e, now);
        reaching = e;
      }
    }
    return gaps;
  }

  /** Where an entry ends: its stop, or now while it runs. */
  static Instant end(TimeEntry e, Instant now) {
    return e.isRunning() || e.stop() == null ? now : e.stop();
  }
}
