package dev.toggltrackmcp.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The timesheet problems planted on purpose in Ana's last full week before "now" (Monday to Sunday,
 * her {@code last_week}), so a timesheet check can be tested against a known answer. Nothing else
 * in that week or in the week before it ({@code cleanWeek}) has any of these problems: every other
 * entry there has a project, a description and tags, lies within one local day, is at most a few
 * hours long, and overlaps nothing.
 *
 * @param week the Monday of the planted week
 * @param cleanWeek the Monday of the week before, which has none of these cases
 * @param overlapping two entries whose times overlap (one lies inside the other)
 * @param gapStart start of a gap of at least two hours inside working hours on a workday: the stop
 *     of the entry before it
 * @param gapEnd end of that gap: the start of the entry after it
 * @param withoutProject an entry with description and tags but no project
 * @param withoutDescription an entry with project and tags but an empty description
 * @param withoutTags an entry with project and description but no tags
 * @param forgottenTimer an entry longer than ten hours: a timer left running overnight, so it also
 *     crosses midnight
 * @param duplicates two entries with the same start, stop, description, project, task and tags
 *     (they overlap each other too, being identical)
 * @param crossingMidnight the one other entry that starts on one local day and stops on the next
 */
public record PlantedCases(
    LocalDate week,
    LocalDate cleanWeek,
    List<Long> overlapping,
    Instant gapStart,
    Instant gapEnd,
    long withoutProject,
    long withoutDescription,
    long withoutTags,
    long forgottenTimer,
    List<Long> duplicates,
    long crossingMidnight) {

  public PlantedCases {
    overlapping = List.copyOf(overlapping);
    duplicates = List.copyOf(duplicates);
  }

  /** Every planted entry id, each once. */
  public List<Long> entryIds() {
    return java.util.stream.Stream.of(
            overlapping.stream(),
            java.util.stream.Stream.of(
                withoutProject, withoutDescription, withoutTags, forgottenTimer, crossingMidnight),
            duplicates.stream())
        .flatMap(s -> s)
        .distinct()
        .toList();
  }
}
