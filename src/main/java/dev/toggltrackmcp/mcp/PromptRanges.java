package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.analytics.Period;
import dev.toggltrackmcp.analytics.TimeRange;
import dev.toggltrackmcp.arguments.Arguments;
import dev.toggltrackmcp.arguments.InvalidArgument;
import dev.toggltrackmcp.toggl.model.User;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The spans prompts are about: a {@code week} (this_week, last_week or a day in it), a {@code
 * month} (this_month, last_month or {@code YYYY-MM}) or a named {@code period}. Each is read in two
 * steps, like tool arguments: the text is checked first (a value that is none of these is an {@link
 * InvalidArgument} naming the argument, before any data is asked for), then resolved in the user's
 * timezone and week.
 */
final class PromptRanges {
  private static final List<Period> PERIODS = List.of(Period.values());

  private PromptRanges() {}

  /** A span whose text has been checked, waiting for the user's timezone and week start. */
  @FunctionalInterface
  interface Span {
    TimeRange in(User user, Instant now);
  }

  static Span week(Arguments args) {
    String given = args.text("week");
    if (given == null || given.equals("this_week")) {
      return named(Period.THIS_WEEK);
    }
    if (given.equals("last_week")) {
      return named(Period.LAST_WEEK);
    }
    LocalDate day;
    try {
      day = LocalDate.parse(given);
    } catch (DateTimeParseException e) {
      throw new InvalidArgument(
          "week",
          "week must be this_week, last_week or a day in the week as YYYY-MM-DD (e.g. 2026-11-18);"
              + " got \""
              + InvalidArgument.shown(given)
              + "\".");
    }
    return (user, now) -> {
      LocalDate[] days = Period.THIS_WEEK.days(day, user.beginningOfWeek());
      return TimeRange.ofDays(days[0], days[1], user.zone());
    };
  }

  static Span month(Arguments args, Period fallback) {
    String given = args.text("month");
    if (given == null) {
      return named(fallback);
    }
    if (given.equals("this_month") || given.equals("last_month")) {
      return named(given.equals("this_month") ? Period.THIS_MONTH : Period.LAST_MONTH);
    }
    YearMonth month;
    try {
      month = YearMonth.parse(given);
    } catch (DateTimeParseException e) {
      throw new InvalidArgument(
          "month",
          "month must be this_month, last_month or a month as YYYY-MM (e.g. 2026-10); got \""
              + InvalidArgument.shown(given)
              + "\".");
    }
    return (user, now) -> TimeRange.ofDays(month.atDay(1), month.atEndOfMonth(), user.zone());
  }

  static Span period(Arguments args, Period fallback) {
    Period p = args.choice("period", PERIODS, Period::argumentName);
    return named(p == null ? fallback : p);
  }

  private static Span named(Period p) {
    return (user, now) -> {
      LocalDate[] days = p.days(LocalDate.ofInstant(now, user.zone()), user.beginningOfWeek());
      return TimeRange.ofDays(days[0], days[1], user.zone());
    };
  }
}
