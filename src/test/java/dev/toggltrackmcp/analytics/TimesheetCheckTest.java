package dev.toggltrackmcp.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.toggltrackmcp.analytics.TimesheetFinding.Kind;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.Project;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import dev.toggltrackmcp.toggl.model.TimeEntryConstraints;
import dev.toggltrackmcp.toggl.model.User;
import dev.toggltrackmcp.toggl.model.Workspace;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The timesheet check against a person whose four weeks before are plain: Monday to Friday,
 * 09:00–12:00 and 12:45–17:00 (Berlin), every entry with a project and a description, never tags,
 * and one Saturday of work. Each test plants one problem in the week of Monday 2026-11-16.
 */
class TimesheetCheckTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final LocalDate WEEK = LocalDate.of(2026, 11, 16);
  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
  private static final long WS = 10;
  private static final long STRICT = 20;
  private static final long PROJECT = 100;

  private final Account account =
      new Account(
          new User(1L, "a@b.c", "A", "Europe/Berlin", WS, 1, null, null, null),
          List.of(workspace(WS), workspace(STRICT)),
          List.of(
              new Project(
                  PROJECT, WS, null, "Website", true, "active", "#2da608", false, null, null, false,
                  null, null, null, null)),
          List.of(),
          List.of(),
          List.of());
  private final List<TimeEntry> history = new ArrayList<>();
  private long ids = 1;

  TimesheetCheckTest() {
    for (LocalDate d = WEEK.minusWeeks(4); d.isBefore(WEEK); d = d.plusDays(1)) {
      if (d.getDayOfWeek().getValue() <= 5) {
        history.addAll(ordinaryDay(d));
      }
    }
    history.add(entry(WS, PROJECT, "Side work", at(WEEK.minusDays(9), "13:00"), 3600));
  }

  private static Workspace workspace(long id) {
    return new Workspace(
        id, 1L, "W" + id, true, false, true, "admin", null, "EUR", 0, 0, false, null, null);
  }

  private List<TimeEntry> ordinaryDay(LocalDate d) {
    return List.of(
        entry(WS, PROJECT, "Build", at(d, "09:00"), 3 * 3600),
        entry(WS, PROJECT, "Build", at(d, "12:45"), 4 * 3600 + 15 * 60));
  }

  private static Instant at(LocalDate d, String time) {
    return d.atTime(LocalTime.parse(time)).atZone(BERLIN).toInstant();
  }

  private TimeEntry entry(long ws, @Nullable Long project, String text, Instant start, long s) {
    return new TimeEntry(
        ids++,
        ws,
        project,
        null,
        false,
        start,
        start.plusSeconds(s),
        s,
        text,
        List.of(),
        List.of(),
        1L,
        start,
        null);
  }

  private TimeEntry running(long ws, Instant start) {
    return new TimeEntry(
        ids++, ws, PROJECT, null, false, start, null, -1, "Build", List.of(), List.of(), 1L, start,
        null);
  }

  private WorkHabits habits() {
    return WorkHabits.learn(history, WEEK.minusWeeks(4), WEEK.minusDays(1), BERLIN, NOW);
  }

  private List<TimesheetFinding> check(
      List<TimeEntry> week, Map<Long, TimeEntryConstraints> rules) {
    TimeRange range = TimeRange.ofDays(WEEK, WEEK.plusDays(6), BERLIN);
    return new TimesheetCheck(
            week, range, habits(), UsualValues.of(history, account), rules, account, NOW)
        .findings();
  }

  /** An ordinary week, with {@code extra} added. */
  private List<TimeEntry> weekWith(TimeEntry... extra) {
    List<TimeEntry> week = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      week.addAll(ordinaryDay(WEEK.plusDays(i)));
    }
    week.addAll(List.of(extra));
    return week;
  }

  @Test
  void habitsAreLearnedFromTheWeeksGiven() {
    WorkHabits h = habits();
    assertThat(h.workingDays())
        .containsExactlyInAnyOrder(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY);
    assertThat(h.usualStart()).isEqualTo(LocalTime.of(9, 0));
    assertThat(h.usualEnd()).isEqualTo(LocalTime.of(17, 0));
    assertThat(h.usualLongestBreak()).isEqualTo(Duration.ofMinutes(45));
    assertThat(h.gapThreshold()).isEqualTo(Duration.ofMinutes(67).plusSeconds(30));
    assertThat(h.fieldsIn(WS).usuallyProject()).isTrue();
    assertThat(h.fieldsIn(WS).usuallyTags()).isFalse();
  }

  @Test
  void anOrdinaryWeekHasNoFindings() {
    assertThat(check(weekWith(), Map.of())).isEmpty();
  }

  @Test
  void aGapLongerThanTheUsualBreaksIsFoundAndOneNoLongerIsNot() {
    List<TimeEntry> week = weekWith();
    LocalDate tuesday = WEEK.plusDays(1);
    week.removeIf(e -> LocalDate.ofInstant(e.start(), BERLIN).equals(tuesday));
    TimeEntry morning = entry(WS, PROJECT, "Build", at(tuesday, "09:00"), 3 * 3600);
    TimeEntry afternoon = entry(WS, PROJECT, "Build", at(tuesday, "13:10"), 3 * 3600);
    week.addAll(List.of(morning, afternoon));
    LocalDate wednesday = WEEK.plusDays(2);
    week.removeIf(e -> LocalDate.ofInstant(e.start(), BERLIN).equals(wednesday));
    week.add(entry(WS, PROJECT, "Build", at(wednesday, "09:00"), 3 * 3600));
    week.add(entry(WS, PROJECT, "Build", at(wednesday, "13:05"), 3 * 3600));
    List<TimesheetFinding> found = check(week, Map.of());
    assertThat(found)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(Kind.GAP);
              assertThat(f.entryIds()).containsExactly(morning.id(), afternoon.id());
              assertThat(f.start()).isEqualTo(at(tuesday, "12:00"));
              assertThat(f.stop()).isEqualTo(at(tuesday, "13:10"));
            });
  }

  @Test
  void aDuplicateIsOneFindingNotAlsoAnOverlap() {
    TimeEntry original = entry(WS, PROJECT, "Call", at(WEEK.plusDays(5), "10:00"), 1800);
    TimeEntry copy = entry(WS, PROJECT, "Call", at(WEEK.plusDays(5), "10:00"), 1800);
    List<TimesheetFinding> found = check(weekWith(original, copy), Map.of());
    assertThat(found)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(Kind.DUPLICATE);
              assertThat(f.entryIds()).containsExactly(original.id(), copy.id());
              assertThat(f.fix()).containsExactly(new TimesheetFinding.Delete(copy.id()));
            });
  }

  @Test
  void anEntryInsideAnotherIsAnOverlapWhoseFixCutsTheOuterOne() {
    Instant tenAm = at(WEEK, "10:00");
    TimeEntry call = entry(WS, PROJECT, "Call", tenAm, 1800);
    List<TimesheetFinding> found = check(weekWith(call), Map.of());
    assertThat(found)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(Kind.OVERLAP);
              assertThat(f.start()).isEqualTo(tenAm);
              assertThat(f.stop()).isEqualTo(tenAm.plusSeconds(1800));
              assertThat(f.fix()).hasSize(2).first().isInstanceOf(TimesheetFinding.SetTimes.class);
            });
  }

  @Test
  void aTimerLeftOnOvernightIsOneLongEntryNotAlsoAMidnightCrossing() {
    LocalDate thursday = WEEK.plusDays(3);
    List<TimeEntry> week = weekWith();
    week.removeIf(
        e ->
            LocalDate.ofInstant(e.start(), BERLIN).equals(thursday)
                && e.start().equals(at(thursday, "12:45")));
    TimeEntry forgotten =
        entry(WS, PROJECT, "Build", at(thursday, "12:45"), Duration.ofHours(19).toSeconds());
    week.add(forgotten);
    // Friday starts when the timer was stopped
    week.removeIf(e -> e.start().equals(at(thursday.plusDays(1), "09:00")));
    week.add(entry(WS, PROJECT, "Build", at(thursday.plusDays(1), "07:45"), 4 * 3600 + 15 * 60));
    List<TimesheetFinding> found = check(week, Map.of());
    assertThat(found).extracting(TimesheetFinding::kind).containsExactly(Kind.LONG_ENTRY);
    assertThat(found.get(0).fix())
        .containsExactly(
            new TimesheetFinding.SetTimes(forgotten.id(), null, at(thursday, "17:00")));
  }

  @Test
  void aTimerRunningSinceYesterdayIsFound() {
    TimesheetCheck check =
        new TimesheetCheck(
            List.of(running(WS, at(LocalDate.of(2026, 11, 24), "16:00"))),
            TimeRange.ofDays(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 29), BERLIN),
            habits(),
            UsualValues.of(history, account),
            Map.of(),
            account,
            NOW);
    assertThat(check.findings())
        .extracting(TimesheetFinding::kind)
        .containsExactly(Kind.RUNNING_OVERNIGHT);
  }

  @Test
  void aLateEntryAcrossMidnightIsFoundOnTheDayItStarts() {
    TimeEntry deploy = entry(WS, PROJECT, "Deploy", at(WEEK.plusDays(1), "23:00"), 7200);
    List<TimesheetFinding> found = check(weekWith(deploy), Map.of());
    assertThat(found)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(Kind.CROSSES_MIDNIGHT);
              assertThat(f.entryIds()).containsExactly(deploy.id());
            });
  }

  @Test
  void missingFieldsCountWhereRequiredOrUsualButNotWhereTheUserNeverSetsThem() {
    TimeEntry noProject = entry(WS, null, "Build", at(WEEK.plusDays(5), "10:00"), 1800);
    TimeEntry strict = entry(STRICT, null, "Build", at(WEEK.plusDays(5), "11:00"), 1800);
    TimeEntryConstraints projectRequired =
        new TimeEntryConstraints(true, false, true, false, false);
    List<TimesheetFinding> found =
        check(weekWith(noProject, strict), Map.of(STRICT, projectRequired));
    assertThat(found)
        .extracting(TimesheetFinding::kind, f -> f.entryIds().get(0))
        .containsExactly(
            tuple(Kind.MISSING_PROJECT, noProject.id()), tuple(Kind.MISSING_PROJECT, strict.id()));
    assertThat(found.get(0).detail()).contains("on 100% of your entries");
    assertThat(found.get(0).fix())
        .as("the project usually used for \"Build\"")
        .containsExactly(new TimesheetFinding.SetProject(noProject.id(), PROJECT));
    assertThat(found.get(1).detail()).contains("W20 requires a project");
  }
}
