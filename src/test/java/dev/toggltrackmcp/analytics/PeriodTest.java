package dev.toggltrackmcp.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodTest {
  @ParameterizedTest(name = "{0} on {1} (week starts {2})")
  @CsvSource({
    "today, 2026-11-25, 1, 2026-11-25, 2026-11-25",
    "yesterday, 2026-01-01, 1, 2025-12-31, 2025-12-31",
    "this_week, 2026-11-25, 1, 2026-11-23, 2026-11-29",
    "this_week, 2026-11-25, 0, 2026-11-22, 2026-11-28",
    "last_week, 2026-11-23, 1, 2026-11-16, 2026-11-22",
    "last_week, 2026-11-22, 0, 2026-11-15, 2026-11-21",
    "this_month, 2026-02-10, 1, 2026-02-01, 2026-02-28",
    "last_month, 2026-03-31, 1, 2026-02-01, 2026-02-28",
    "this_quarter, 2026-11-25, 1, 2026-10-01, 2026-12-31",
    "last_quarter, 2026-01-15, 1, 2025-10-01, 2025-12-31",
    "this_year, 2026-11-25, 1, 2026-01-01, 2026-12-31",
    "last_year, 2026-11-25, 1, 2025-01-01, 2025-12-31",
    "last_7_days, 2026-11-25, 1, 2026-11-19, 2026-11-25",
    "last_30_days, 2026-11-25, 1, 2026-10-27, 2026-11-25",
    "last_90_days, 2026-11-25, 1, 2026-08-28, 2026-11-25"
  })
  void resolvesToLocalDays(
      String name, LocalDate today, int weekStart, LocalDate first, LocalDate last) {
    LocalDate[] days =
        Period.valueOf(name.toUpperCase(java.util.Locale.ROOT)).days(today, weekStart);
    assertThat(days).containsExactly(first, last);
  }

  @ParameterizedTest(name = "{0} lasts {1} hours in {2}")
  @CsvSource({
    "2026-03-29, 23, Europe/Berlin",
    "2026-10-25, 25, Europe/Berlin",
    "2026-03-08, 23, America/New_York",
    "2026-11-01, 25, America/New_York",
    "2026-06-01, 24, Europe/Berlin"
  })
  void dstDaysHaveTheirRealLength(LocalDate day, int hours, String zone) {
    TimeRange r = TimeRange.ofDays(day, day, ZoneId.of(zone));
    assertThat(Duration.between(r.start(), r.endExclusive()).toHours()).isEqualTo(hours);
  }
}
