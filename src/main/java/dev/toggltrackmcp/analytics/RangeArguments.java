package dev.toggltrackmcp.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * Turns the {@code period} / {@code start_date} / {@code end_date} arguments into a {@link
 * TimeRange}: a period, or dates ({@code YYYY-MM-DD}, inclusive local days, or ISO-8601 date-times
 * with an offset), never both. {@code start_date} alone runs through today.
 */
public final class RangeArguments {
  /** Two years: longer spans are almost always a mistake and cost many Reports pages. */
  public static final int LONGEST_SPAN_DAYS = 731;

  private RangeArguments() {}

  public static TimeRange resolve(
      @Nullable String period,
      @Nullable String startDate,
      @Nullable String endDate,
      Period fallback,
      ZoneId zone,
      int beginningOfWeek,
      Instant now) {
    LocalDate today = LocalDate.ofInstant(now, zone);
    if (period != null && (startDate != null || endDate != null)) {
      throw new InvalidArgument(
          "period",
          "Give either period or start_date/end_date, not both (e.g. {\"period\": \"last_week\"}"
              + " or {\"start_date\": \"2026-11-01\", \"end_date\": \"2026-11-15\"}).");
    }
    if (endDate != null && startDate == null) {
      throw new InvalidArgument(
          "end_date", "end_date needs a start_date too, e.g. \"start_date\": \"2026-11-01\".");
    }
    if (startDate == null) {
      Period p = fallback;
      if (period != null) {
        p =
            Period.named(period)
                .orElseThrow(
                    () ->
                        new InvalidArgument(
                            "period",
                            "Unknown period \""
                                + InvalidArgument.shown(period)
                                + "\"; use one of today, yesterday, this_week, last_week,"
                                + " this_month, last_month, this_quarter, last_quarter, this_year,"
                                + " last_year, last_7_days, last_30_days, last_90_days."));
      }
      LocalDate[] days = p.days(today, beginningOfWeek);
      return TimeRange.ofDays(days[0], days[1], zone);
    }
    Instant start = parse("start_date", startDate, zone, false);
    Instant end =
        endDate == null
            ? today.plusDays(1).atStartOfDay(zone).toInstant()
            : parse("end_date", endDate, zone, true);
    if (!end.isAfter(start)) {
      throw new InvalidArgument(
          "end_date",
          "end_date ("
              + InvalidArgument.shown(endDate)
              + ") is before start_date ("
              + startDate
              + ").");
    }
    if (ChronoUnit.DAYS.between(start, end) > LONGEST_SPAN_DAYS) {
      throw new InvalidArgument(
          "start_date",
          "The range is longer than two years; split it into shorter ranges (e.g. one year each).");
    }
    if (isDate(startDate) && (endDate == null || isDate(endDate))) {
      LocalDate first = LocalDate.parse(startDate);
      LocalDate last = endDate == null ? today : LocalDate.parse(endDate);
      return TimeRange.ofDays(first, last, zone);
    }
    return TimeRange.ofInstants(start, end, zone);
  }

  private static Instant parse(String argument, String text, ZoneId zone, boolean endOfDay) {
    try {
      if (isDate(text)) {
        LocalDate day = LocalDate.parse(text);
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidArgument(
          argument,
          argument
              + " \""
              + InvalidArgument.shown(text)
              + "\" is not a date; use YYYY-MM-DD (e.g. 2026-11-03) or an ISO-8601 date-time with"
              + " offset (e.g. 2026-11-03T09:00:00+01:00).");
    }
  }

  private static boolean isDate(String text) {
    return text.length() == 10 && text.charAt(4) == '-';
  }
}
