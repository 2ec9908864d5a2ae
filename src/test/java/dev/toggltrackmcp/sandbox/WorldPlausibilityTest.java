package dev.toggltrackmcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.sandbox.World.Entry;
import dev.toggltrackmcp.sandbox.World.Member;
import java.time.DayOfWeek;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated account reads like a real working life (issue #16): nothing overlaps but what was
 * planted, workdays last 5–10 hours, weekends are mostly free, totals are human, and the planted
 * timesheet week holds exactly its cases while the week before holds none. Checked at several seeds
 * and "now"s (Mondays, after DST switches, around New Year), for Ana and her team.
 */
@Timeout(120)
class WorldPlausibilityTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final long HOUR = 3600;

  static Stream<Arguments> worlds() {
    return Stream.of(
        Arguments.of(20261125L, "2026-11-25T09:00:00Z"),
        Arguments.of(1L, "2026-11-23T08:30:00Z"),
        Arguments.of(2L, "2026-11-24T14:00:00Z"),
        Arguments.of(3L, "2027-01-04T09:00:00Z"),
        Arguments.of(4L, "2026-11-02T10:00:00Z"),
        Arguments.of(5L, "2026-03-30T09:00:00Z"),
        Arguments.of(6L, "2026-12-28T09:00:00Z"));
  }

  private static Dataset world(long seed, String now) {
    return Dataset.generate(SimulatorOptions.defaults().withSeed(seed), Instant.parse(now));
  }

  @ParameterizedTest(name = "seed {0} at {1}")
  @MethodSource("worlds")
  void nothingOverlapsButThePlantedPairs(long seed, String at) {
    Dataset data = world(seed, at);
    Instant now = Instant.parse(at);
    PlantedCases p = data.planted();
    assertThat(overlappingPairs(data.liveEntries(), now))
        .containsExactlyInAnyOrder(pair(p.overlapping()), pair(p.duplicates()));
    for (Member m : data.members()) {
      if (m.id() != data.user().id()) {
        assertThat(overlappingPairs(data.entriesOf(m.id()), now)).as(m.user().fullname()).isEmpty();
      }
    }
  }

  @ParameterizedTest(name = "seed {0} at {1}")
  @MethodSource("worlds")
  void workdaysLastFiveToTenHoursAndDaysOffAreFree(long seed, String at) {
    Dataset data = world(seed, at);
    Instant now = Instant.parse(at);
    LocalDate today = LocalDate.ofInstant(now, BERLIN);
    for (Member m : data.members()) {
      Set<LocalDate> skip = m.id() == data.user().id() ? plantedDays(data) : Set.of(today);
      Map<LocalDate, Long> days = secondsPerDay(data.entriesOf(m.id()), now);
      Map<LocalDate, World.Absence> off = data.daysOffOf(m.id());
      int worked = 0;
      for (LocalDate d = today.minusDays(SeedCatalog.HISTORY_DAYS);
          d.isBefore(today);
          d = d.plusDays(1)) {
        long seconds = days.getOrDefault(d, 0L);
        if (off.containsKey(d)) {
          assertThat(seconds).as(m.user().fullname() + " is off on " + d).isZero();
        } else if (!weekend(d) && seconds > 0 && !skip.contains(d)) {
          worked++;
          assertThat(seconds).as(m.user().fullname() + " on " + d).isBetween(5 * HOUR, 10 * HOUR);
        }
      }
      assertThat(worked).as(m.user().fullname()).isGreaterThan(50);
    }
    // Ana is off a plausible number of weekdays: a few holidays, a couple of vacation weeks
    assertThat(data.daysOff()).hasSizeBetween(18, 45);
    assertThat(data.daysOff()).containsValue(World.Absence.PUBLIC_HOLIDAY);
    assertThat(data.daysOff()).containsValue(World.Absence.VACATION);
  }

  @ParameterizedTest(name = "seed {0} at {1}")
  @MethodSource("worlds")
  void weekendsAreMostlyFreeAndTotalsAreHuman(long seed, String at) {
    Dataset data = world(seed, at);
    Instant now = Instant.parse(at);
    LocalDate today = LocalDate.ofInstant(now, BERLIN);
    Set<Long> planted = new HashSet<>(data.planted().entryIds());
    List<Entry> ordinary =
        data.liveEntries().stream().filter(e -> !planted.contains(e.id())).toList();
    Map<LocalDate, Long> days = secondsPerDay(ordinary, now);
    int weekendDays = 0;
    int weekendsWorked = 0;
    List<Long> workdays = new ArrayList<>();
    for (LocalDate d = today.minusDays(SeedCatalog.HISTORY_DAYS);
        d.isBefore(today);
        d = d.plusDays(1)) {
      long seconds = days.getOrDefault(d, 0L);
      if (weekend(d)) {
        weekendDays++;
        weekendsWorked += seconds > 0 ? 1 : 0;
        assertThat(seconds).as("weekend " + d).isLessThan(5 * HOUR);
      } else if (seconds > 0) {
        workdays.add(seconds);
      }
    }
    assertThat(weekendsWorked).isLessThan(weekendDays / 4);
    double average = workdays.stream().mapToLong(s -> s).average().orElseThrow() / HOUR;
    assertThat(average).isBetween(6.5, 8.5);
    long last30 = total(days, today.minusDays(29), today);
    assertThat(last30).isBetween(100 * HOUR, 190 * HOUR);
    LocalDate week = data.planted().week();
    for (LocalDate monday : List.of(week, data.planted().cleanWeek())) {
      long workdaysThatWeek =
          Stream.iterate(monday, d -> d.plusDays(1))
              .limit(5)
              .filter(d -> !data.daysOff().containsKey(d))
              .count();
      assertThat(total(days, monday, monday.plusDays(6)))
          .as("week of " + monday)
          .isBetween(workdaysThatWeek * 5 * HOUR - 6 * HOUR, 50 * HOUR);
    }
  }

  @ParameterizedTest(name = "seed {0} at {1}")
  @MethodSource("worlds")
  void entriesLastFifteenMinutesToThreeHoursExceptThePlantedAndZeroLengthOnes(
      long seed, String at) {
    Dataset data = world(seed, at);
    Instant now = Instant.parse(at);
    long forgotten = data.planted().forgottenTimer();
    for (Entry e : data.teamEntries()) {
      long seconds = seconds(e, now);
      if (e.id() == forgotten) {
        assertThat(seconds).isGreaterThan(10 * HOUR);
      } else if (seconds > 0 && !e.running()) {
        assertThat(seconds).as(e.toString()).isBetween(15 * 60L, 3 * HOUR);
      }
    }
    assertThat(data.liveEntries()).filteredOn(e -> seconds(e, now) == 0).hasSize(2);
    assertThat(data.liveEntries()).filteredOn(Entry::running).hasSize(1);
  }

  @ParameterizedTest(name = "seed {0} at {1}")
  @MethodSource("worlds")
  void thePlantedWeekHoldsExactlyItsCasesAndTheWeekBeforeNone(long seed, String at) {
    Dataset data = world(seed, at);
    Instant now = Instant.parse(at);
    PlantedCases p = data.planted();
    LocalDate today = LocalDate.ofInstant(now, BERLIN);
    LocalDate thisMonday =
        today.with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    assertThat(p.week()).isEqualTo(thisMonday.minusWeeks(1));
    assertThat(p.cleanWeek()).isEqualTo(thisMonday.minusWeeks(2));

    Findings planted = Findings.of(inWeek(data.liveEntries(), p.week()), now);
    assertThat(planted.overlaps)
        .containsExactlyInAnyOrder(pair(p.overlapping()), pair(p.duplicates()));
    assertThat(planted.duplicates).containsExactly(pair(p.duplicates()));
    assertThat(planted.withoutProject).containsExactly(p.withoutProject());
    assertThat(planted.withoutDescription).containsExactly(p.withoutDescription());
    assertThat(planted.withoutTags).containsExactly(p.withoutTags());
    assertThat(planted.longerThanTenHours).containsExactly(p.forgottenTimer());
    assertThat(planted.crossingMidnight)
        .containsExactlyInAnyOrder(p.forgottenTimer(), p.crossingMidnight());
    assertThat(planted.gaps).containsExactly(List.of(p.gapStart(), p.gapEnd()));
    assertThat(Duration.between(p.gapStart(), p.gapEnd()))
        .isGreaterThanOrEqualTo(Duration.ofHours(2));
    assertThat(data.daysOff()).doesNotContainKey(LocalDate.ofInstant(p.gapStart(), BERLIN));

    Findings clean = Findings.of(inWeek(data.liveEntries(), p.cleanWeek()), now);
    assertThat(clean.isEmpty()).as(clean.toString()).isTrue();
    assertThat(inWeek(data.liveEntries(), p.cleanWeek())).hasSizeGreaterThan(30);
  }

  @Test
  void theLargeBenchAccountStillHasNoUnplannedOverlap() {
    Instant now = Instant.parse("2026-11-25T09:00:00Z");
    Dataset big =
        Dataset.generate(
            SimulatorOptions.defaults().withEntryCount(50_000).withProjectCount(2_000), now);
    assertThat(big.liveEntries()).hasSizeGreaterThan(40_000);
    PlantedCases p = big.planted();
    assertThat(overlappingPairs(big.liveEntries(), now))
        .containsExactlyInAnyOrder(pair(p.overlapping()), pair(p.duplicates()));
  }

  /** What a timesheet check would find in a set of entries, computed here independently. */
  private record Findings(
      Set<Set<Long>> overlaps,
      Set<Set<Long>> duplicates,
      List<Long> withoutProject,
      List<Long> withoutDescription,
      List<Long> withoutTags,
      List<Long> longerThanTenHours,
      List<Long> crossingMidnight,
      List<List<Instant>> gaps) {

    static Findings of(List<Entry> entries, Instant now) {
      Set<Set<Long>> duplicates = new HashSet<>();
      for (Entry a : entries) {
        for (Entry b : entries) {
          if (a.id() < b.id()
              && a.start().equals(b.start())
              && java.util.Objects.equals(a.stop(), b.stop())
              && a.description().equals(b.description())
              && java.util.Objects.equals(a.projectId(), b.projectId())
              && a.tagIds().equals(b.tagIds())) {
            duplicates.add(Set.of(a.id(), b.id()));
          }
        }
      }
      return new Findings(
          overlappingPairs(entries, now),
          duplicates,
          ids(entries.stream().filter(e -> e.projectId() == null)),
          ids(entries.stream().filter(e -> e.description().isBlank())),
          ids(entries.stream().filter(e -> e.tagIds().isEmpty())),
          ids(entries.stream().filter(e -> seconds(e, now) > 10 * HOUR)),
          ids(
              entries.stream()
                  .filter(e -> e.stop() != null)
                  .filter(
                      e ->
                          !LocalDate.ofInstant(e.start(), BERLIN)
                              .equals(LocalDate.ofInstant(e.stop(), BERLIN)))),
          workingHourGaps(entries));
    }

    boolean isEmpty() {
      return overlaps.isEmpty()
          && duplicates.isEmpty()
          && withoutProject.isEmpty()
          && withoutDescription.isEmpty()
          && withoutTags.isEmpty()
          && longerThanTenHours.isEmpty()
          && crossingMidnight.isEmpty()
          && gaps.isEmpty();
    }

    private static List<Long> ids(Stream<Entry> entries) {
      return entries.map(Entry::id).toList();
    }

    /** Untracked stretches of two hours or more between 08:00 and 18:00 on weekdays. */
    private static List<List<Instant>> workingHourGaps(List<Entry> entries) {
      Map<LocalDate, List<Entry>> byDay = new TreeMap<>();
      for (Entry e : entries) {
        byDay
            .computeIfAbsent(LocalDate.ofInstant(e.start(), BERLIN), k -> new ArrayList<>())
            .add(e);
      }
      List<List<Instant>> gaps = new ArrayList<>();
      byDay.forEach(
          (day, list) -> {
            if (weekend(day)) {
              return;
            }
            list.sort(Comparator.comparing(Entry::start));
            Instant covered = list.get(0).stop();
            for (Entry e : list.subList(1, list.size())) {
              LocalTime from = covered.atZone(BERLIN).toLocalTime();
              if (Duration.between(covered, e.start()).compareTo(Duration.ofHours(2)) >= 0
                  && !from.isBefore(LocalTime.of(8, 0))
                  && e.start().atZone(BERLIN).toLocalTime().isBefore(LocalTime.of(18, 0))) {
                gaps.add(List.of(covered, e.start()));
              }
              if (e.stop() != null && e.stop().isAfter(covered)) {
                covered = e.stop();
              }
            }
          });
      return gaps;
    }
  }

  private static List<Entry> inWeek(List<Entry> entries, LocalDate monday) {
    return entries.stream()
        .filter(
            e -> {
              LocalDate d = LocalDate.ofInstant(e.start(), BERLIN);
              return !d.isBefore(monday) && d.isBefore(monday.plusWeeks(1));
            })
        .toList();
  }

  static Set<Set<Long>> overlappingPairs(List<Entry> entries, Instant now) {
    List<Entry> sorted = entries.stream().sorted(Comparator.comparing(Entry::start)).toList();
    Set<Set<Long>> pairs = new HashSet<>();
    for (int i = 0; i < sorted.size(); i++) {
      Entry a = sorted.get(i);
      for (int j = i + 1; j < sorted.size() && sorted.get(j).start().isBefore(end(a, now)); j++) {
        if (a.overlaps(sorted.get(j), now)) {
          pairs.add(Set.of(a.id(), sorted.get(j).id()));
        }
      }
    }
    return pairs;
  }

  private static Set<LocalDate> plantedDays(Dataset data) {
    Set<LocalDate> days = new HashSet<>();
    for (long id : data.planted().entryIds()) {
      days.add(LocalDate.ofInstant(data.entry(id).orElseThrow().start(), BERLIN));
    }
    days.add(LocalDate.ofInstant(data.planted().gapStart(), BERLIN));
    return days;
  }

  private static Map<LocalDate, Long> secondsPerDay(List<Entry> entries, Instant now) {
    Map<LocalDate, Long> days = new TreeMap<>();
    for (Entry e : entries) {
      days.merge(LocalDate.ofInstant(e.start(), BERLIN), seconds(e, now), Long::sum);
    }
    return days;
  }

  private static long total(Map<LocalDate, Long> days, LocalDate first, LocalDate last) {
    return days.entrySet().stream()
        .filter(d -> !d.getKey().isBefore(first) && !d.getKey().isAfter(last))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  private static Set<Long> pair(List<Long> ids) {
    assertThat(ids).hasSize(2);
    return Set.copyOf(ids);
  }

  private static boolean weekend(LocalDate d) {
    return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private static Instant end(Entry e, Instant now) {
    return e.stop() == null ? now : e.stop();
  }

  private static long seconds(Entry e, Instant now) {
    return end(e, now).getEpochSecond() - e.start().getEpochSecond();
  }
}
