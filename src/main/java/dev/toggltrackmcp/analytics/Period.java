package dev.toggltrackmcp.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * Named periods a user asks about, resolved to local days in the user's timezone. {@code
 * last_7_days} is today and the six days before (likewise 30 and 90); "this" periods run to their
 * natural end, where future days are simply empty.
 */
public enum Period {
  TODAY,
  YESTERDAY,
  THIS_WEEK,
  LAST_WEEK,
  THIS_MONTH,
  LAST_MONTH,
  THIS_QUARTER,
  LAST_QUARTER,
  THIS_YEAR,
  LAST_YEAR,
  LAST_7_DAYS,
  LAST_30_DAYS,
  LAST_90_DAYS;

  public String argumentName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * First and last local day (inclusive).
   *
   * @param beginningOfWeek Toggl's setting: 0 = Sunday, 1 = Monday, … 6 = Saturday
   */
  public LocalDate[] days(LocalDate today, int beginningOfWeek) {
    DayOfWeek weekStart = DayOfWeek.SUNDAY.plus(Math.floorMod(beginningOfWeek, 7));
    LocalDate thisWeek = today.with(TemporalAdjusters.previousOrSame(weekStart));
    LocalDate thisQuarter = today.with(IsoFields.DAY_OF_QUARTER, 1);
    return switch (this) {
      case TODAY -> span(today, today);
      case YESTERDAY -> span(today.minusDays(1), today.minusDays(1));
      case THIS_WEEK -> span(thisWeek, thisWeek.plusDays(6));
      case LAST_WEEK -> span(thisWeek.minusWeeks(1), thisWeek.minusDays(1));
      case THIS_MONTH -> span(today.withDayOfMonth(1), today.withDayOfMonth(today.lengthOfMonth()));
      case LAST_MONTH -> {
        LocalDate first = today.withDayOfMonth(1).minusMonths(1);
        yield span(first, first.withDayOfMonth(first.lengthOfMonth()));
      }
      case THIS_QUARTER -> span(thisQuarter, thisQuarter.plusMonths(3).minusDays(1));
      case LAST_QUARTER -> span(thisQuarter.minusMonths(3), thisQuarter.minusDays(1));
      case THIS_YEAR -> span(today.withDayOfYear(1), today.withDayOfYear(today.lengthOfYear()));
      case LAST_YEAR -> {
        LocalDate first = today.withDayOfYear(1).minusYears(1);
        yield span(first, first.withDayOfYear(first.lengthOfYear()));
      }
      case LAST_7_DAYS -> span(today.minusDays(6), today);
      case LAST_30_DAYS -> span(today.minusDays(29), today);
      case LAST_90_DAYS -> span(today.minusDays(89), today);
    };
  }

  private static LocalDate[] span(LocalDate first, LocalDate last) {
    return new LocalDate[] {first, last};
  }
}
