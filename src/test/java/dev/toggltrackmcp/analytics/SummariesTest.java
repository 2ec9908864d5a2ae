package dev.toggltrackmcp.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.Client;
import dev.toggltrackmcp.toggl.model.Project;
import dev.toggltrackmcp.toggl.model.Tag;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import dev.toggltrackmcp.toggl.model.User;
import dev.toggltrackmcp.toggl.model.Workspace;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummariesTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  private static Workspace ws(long id, String rate, String currency) {
    return new Workspace(
        id,
        1L,
        "W" + id,
        rate != null,
        false,
        true,
        "admin",
        rate == null ? null : new BigDecimal(rate),
        currency,
        0,
        0,
        true,
        null,
        null);
  }

  private static Project project(
      long id, long ws, Long client, String name, String rate, String currency) {
    return new Project(
        id,
        ws,
        client,
        name,
        true,
        "active",
        null,
        true,
        rate == null ? null : new BigDecimal(rate),
        currency,
        false,
        null,
        null,
        null,
        null);
  }

  private static TimeEntry entry(
      long id,
      long ws,
      Long project,
      boolean billable,
      String start,
      long seconds,
      List<Long> tags) {
    Instant s = Instant.parse(start);
    return new TimeEntry(
        id,
        ws,
        project,
        null,
        billable,
        s,
        s.plusSeconds(seconds),
        seconds,
        "",
        List.of(),
        tags,
        1L,
        s,
        null);
  }

  private final Account account =
      new Account(
          new User(1L, "a@b.c", "A", "Europe/Berlin", 10L, 1, null, null, null),
          List.of(ws(10, "80", "EUR"), ws(20, null, "EUR")),
          List.of(
              project(100, 10, 500L, "Rated", "100", "USD"),
              project(101, 10, null, "Plain", null, null),
              project(200, 20, null, "Free", null, null)),
          List.of(new Client(500, 10, "Acme", false, null, null)),
          List.of(new Tag(1, 10, "meeting", null), new Tag(2, 10, "design", null)),
          List.of());

  @Test
  void amountsPerCurrencyFromProjectOrWorkspaceRatesAndNothingWithoutRates() {
    List<TimeEntry> entries =
        List.of(
            entry(1, 10, 100L, true, "2026-11-24T09:00:00Z", 3600, List.of()), // 100 USD
            entry(2, 10, 101L, true, "2026-11-24T11:00:00Z", 1800, List.of()), // 40 EUR
            entry(3, 20, 200L, true, "2026-11-24T12:00:00Z", 3600, List.of()), // no rate
            entry(4, 10, null, false, "2026-11-24T13:00:00Z", 600, List.of()));
    Summary s =
        Summaries.of(
            entries,
            account,
            TimeRange.ofDays(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 24), BERLIN),
            1,
            List.of(Dimension.PROJECT, Dimension.CLIENT),
            NOW);
    assertThat(s.billableAmounts())
        .containsExactly(
            new Summary.Amount("EUR", new BigDecimal("40.00")),
            new Summary.Amount("USD", new BigDecimal("100.00")));
    assertThat(s.totalSeconds()).isEqualTo(9600);
    assertThat(s.billableSeconds()).isEqualTo(9000);
    assertThat(s.breakdowns().get("project"))
        .extracting(Summary.Group::name)
        .contains("(no project)");
    assertThat(s.breakdowns().get("client"))
        .extracting(Summary.Group::name)
        .containsExactly("(no client)", "Acme");
  }

  @Test
  void multiTagEntriesCountUnderEachTagAndTheFlagSaysSo() {
    List<TimeEntry> entries =
        List.of(
            entry(1, 10, 101L, false, "2026-11-24T09:00:00Z", 3600, List.of(1L, 2L)),
            entry(2, 10, 101L, false, "2026-11-24T11:00:00Z", 1800, List.of()));
    Summary s =
        Summaries.of(
            entries,
            account,
            TimeRange.ofDays(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 24), BERLIN),
            1,
            List.of(Dimension.TAG),
            NOW);
    assertThat(s.tagsOverlap()).isTrue();
    assertThat(s.breakdowns().get("tag"))
        .extracting(Summary.Group::name, Summary.Group::seconds)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("design", 3600L),
            org.assertj.core.groups.Tuple.tuple("meeting", 3600L),
            org.assertj.core.groups.Tuple.tuple("(no tag)", 1800L));
  }

  @Test
  void aRenamedProjectShowsItsCurrentNameAndAnUnknownOneSaysSo() {
    TimeEntry e = entry(1, 10, 101L, false, "2026-11-24T09:00:00Z", 60, List.of());
    assertThat(EntryView.of(e, account, BERLIN, NOW).projectName()).isEqualTo("Plain");
    TimeEntry orphan = entry(2, 10, 999L, false, "2026-11-24T09:00:00Z", 60, List.of());
    assertThat(EntryView.of(orphan, account, BERLIN, NOW).projectName())
        .isEqualTo("(unknown project 999)");
  }

  @Test
  void theShapeOfARangeCountsWorkdaysThroughTodayTheLongestDayAndTheFirstAndLastEntry() {
    Instant runningFrom = Instant.parse("2026-11-25T10:00:00Z");
    TimeEntry running =
        new TimeEntry(
            9,
            10,
            101L,
            null,
            false,
            runningFrom,
            null,
            -1,
            "",
            List.of(),
            List.of(),
            1L,
            null,
            null);
    List<TimeEntry> entries =
        List.of(
            entry(1, 10, 101L, false, "2026-11-16T09:00:00Z", 7200, List.of()),
            entry(2, 10, 101L, false, "2026-11-16T12:00:00Z", 3600, List.of()),
            entry(3, 10, 101L, false, "2026-11-21T10:00:00Z", 3600, List.of()), // a Saturday
            entry(4, 10, 101L, false, "2026-11-24T08:00:00Z", 14400, List.of()),
            running);
    Summary s =
        Summaries.of(
            entries,
            account,
            TimeRange.ofDays(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 29), BERLIN),
            1,
            List.of(),
            NOW);
    assertThat(s.totalSeconds()).isEqualTo(36000);
    assertThat(s.daysWithEntries()).isEqualTo(4);
    assertThat(s.averageSecondsPerDay()).isEqualTo(9000);
    assertThat(s.workdaysInRange())
        .as("Mon–Fri from the 16th through today, the 25th")
        .isEqualTo(8);
    assertThat(s.averageSecondsPerWorkday()).isEqualTo(4500);
    assertThat(s.workingDays())
        .containsExactly("monday", "tuesday", "wednesday", "thursday", "friday");
    assertThat(s.weekStartsOn()).isEqualTo("monday");
    assertThat(s.longestDay())
        .isEqualTo(new Summary.DayTotal("2026-11-24", 14400, new BigDecimal("4.00")));
    assertThat(s.firstEntryStart()).isEqualTo("2026-11-16T10:00:00+01:00");
    assertThat(s.lastEntryStop())
        .as("the running entry, up to now")
        .isEqualTo("2026-11-25T13:00:00+01:00");
  }

  @Test
  void aRangeInThePastCountsAllItsWorkdaysAndAnEmptyOneHasNoLongestDay() {
    TimeRange october =
        TimeRange.ofDays(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), BERLIN);
    Summary empty = Summaries.of(List.of(), account, october, 1, List.of(), NOW);
    assertThat(empty.workdaysInRange()).isEqualTo(22);
    assertThat(empty.averageSecondsPerWorkday()).isZero();
    assertThat(empty.longestDay()).isNull();
    assertThat(empty.firstEntryStart()).isNull();
    Summary sundays = Summaries.of(List.of(), account, october, 0, List.of(), NOW);
    assertThat(sundays.weekStartsOn()).isEqualTo("sunday");
    assertThat(sundays.workdaysInRange())
        .as("the week start does not change workdays")
        .isEqualTo(22);
  }

  @Test
  void noDayBeforeTheAccountExistedCountsAsAWorkday() {
    Account young =
        new Account(
            new User(
                1L,
                "a@b.c",
                "A",
                "Europe/Berlin",
                10L,
                1,
                null,
                java.time.Instant.parse("2026-10-26T09:00:00Z"),
                null),
            account.workspaces(),
            account.projects(),
            account.clients(),
            account.tags(),
            account.tasks());
    TimeRange october =
        TimeRange.ofDays(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), BERLIN);
    assertThat(Summaries.of(List.of(), young, october, 1, List.of(), NOW).workdaysInRange())
        .as("Mon 26 to Fri 30 October, not the 22 of the whole month")
        .isEqualTo(5);
  }
}
