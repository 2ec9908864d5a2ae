package dev.toggltrackmcp.arguments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toggltrackmcp.analytics.Period;
import dev.toggltrackmcp.analytics.TimeRange;
import dev.toggltrackmcp.toggl.model.User;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Periods and dates: what is refused before the user's timezone is known (so a bad call costs no
 * Toggl request), what only the zone can decide, and that nothing but {@link InvalidArgument} is
 * ever thrown.
 */
class RangeQueryTest {
  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

  private static User in(String zone) {
    return new User(1L, null, null, zone, null, 1, null, null, null);
  }

  private static RangeQuery read(String period, String start, String end) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (period != null) {
      m.put("period", period);
    }
    if (start != null) {
      m.put("start_date", start);
    }
    if (end != null) {
      m.put("end_date", end);
    }
    return RangeQuery.read(new Arguments(m, RangeQuery.ARGUMENTS), Period.TODAY, NOW);
  }

  @Test
  void datesAreInclusiveLocalDaysAndDateTimesAreExact() {
    TimeRange days = read(null, "2026-11-01", "2026-11-02").resolve(in("Europe/Berlin"), NOW);
    assertThat(days.start()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
    assertThat(days.endExclusive()).isEqualTo(Instant.parse("2026-11-02T23:00:00Z"));
    TimeRange exact =
        read(null, "2026-11-01T09:00:00+01:00", "2026-11-01T12:00:00+01:00")
            .resolve(in("Europe/Berlin"), NOW);
    assertThat(Duration.between(exact.start(), exact.endExclusive()))
        .isEqualTo(Duration.ofHours(3));
    TimeRange local =
        read(null, "2026-11-01T09:00", "2026-11-01T12:30").resolve(in("America/New_York"), NOW);
    assertThat(local.start()).isEqualTo(Instant.parse("2026-11-01T14:00:00Z"));
    assertThat(Duration.between(local.start(), local.endExclusive()))
        .isEqualTo(Duration.ofMinutes(210));
    TimeRange open = read(null, "2026-11-20", null).resolve(in("Europe/Berlin"), NOW);
    assertThat(open.lastDay()).isEqualTo(LocalDate.of(2026, 11, 25));
    TimeRange fallback = read(null, null, null).resolve(in("Europe/Berlin"), NOW);
    assertThat(fallback.firstDay()).isEqualTo(LocalDate.of(2026, 11, 25));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "last_week, 2026-11-01, -, period",
        "-, -, 2026-11-01, end_date",
        "-, 01/11/2026, -, start_date",
        "-, 2026-11-10, 2026-11-01, end_date",
        "-, 2026-11-10, 2026-11-09, end_date",
        "-, 2026-11-10T10:00, 2026-11-10T09:59, end_date",
        "-, 2026-11-10T10:00:00+01:00, 2026-11-10T09:00:00Z, end_date",
        "-, 2026-11-12T10:00:00+01:00, 2026-11-10, end_date",
        "-, 2020-01-01, 2026-01-01, start_date",
        "-, 2024-01-01, -, start_date",
        "-, 2026-11-27, -, start_date",
        "-, 2027-03-01, -, start_date",
        "sometime, -, -, period"
      })
  void refusedBeforeTheTimezoneIsKnown(String period, String start, String end, String argument) {
    assertThatThrownBy(() -> read(period, start, end))
        .isInstanceOf(InvalidArgument.class)
        .satisfies(e -> assertThat(((InvalidArgument) e).argument()).isEqualTo(argument));
  }

  /** Near today or across offsets only the zone decides; then resolving refuses, and only so. */
  @ParameterizedTest(name = "{0} – {1} in {2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "2026-11-26, -, Europe/Berlin, start_date, lies after today",
        "2026-11-25T11:00:00+01:00, 2026-11-25, Pacific/Kiritimati, end_date, is before",
        "2026-11-26T01:00, -, Pacific/Kiritimati, start_date, lies after today"
      })
  void refusedOnceTheTimezoneIsKnown(
      String start, String end, String zone, String argument, String message) {
    RangeQuery q = read(null, start, end);
    assertThatThrownBy(() -> q.resolve(in(zone), NOW))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((InvalidArgument) e).argument()).isEqualTo(argument));
  }

  @Test
  void aFutureStartDateAloneSaysToAddAnEndDateAndAFutureRangeIsFine() {
    assertThatThrownBy(() -> read(null, "2026-12-01", null))
        .hasMessage(
            "start_date 2026-12-01 lies after today, and start_date alone runs through today; add"
                + " an end_date too, e.g. \"end_date\": \"2026-12-07\".");
    TimeRange next = read(null, "2026-11-30", "2026-12-06").resolve(in("Europe/Berlin"), NOW);
    assertThat(List.of(next.firstDay(), next.lastDay()))
        .containsExactly(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 6));
    // today itself, in a zone already on tomorrow, is fine
    TimeRange kiritimati = read(null, "2026-11-25", null).resolve(in("Pacific/Kiritimati"), NOW);
    assertThat(kiritimati.firstDay()).isEqualTo(LocalDate.of(2026, 11, 25));
  }

  /** Resolving never throws anything else, whatever the dates and zone. */
  @ParameterizedTest(name = "{0} – {1}")
  @CsvSource(
      nullValues = "-",
      value = {
        "2026-11-25, -",
        "2026-11-25T23:59, -",
        "2026-11-25T09:00:00Z, -",
        "2026-11-26T08:00:00Z, -",
        "2026-11-24T23:00, 2026-11-25",
        "2026-03-29T02:30, 2026-03-29T02:45",
        "2024-11-26, 2026-11-25"
      })
  void resolvingAnswersOrRefusesCleanly(String start, String end) {
    RangeQuery q = read(null, start, end);
    for (String zone : List.of("Europe/Berlin", "Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC")) {
      try {
        TimeRange r = q.resolve(in(zone), NOW);
        assertThat(r.endExclusive()).isAfter(r.start());
      } catch (InvalidArgument refused) {
        assertThat(refused.argument()).isIn("start_date", "end_date");
      }
    }
  }
}
