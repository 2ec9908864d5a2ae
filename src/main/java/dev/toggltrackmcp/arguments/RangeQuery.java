package dev.toggltrackmcp.arguments;

import dev.toggltrackmcp.analytics.Period;
import dev.toggltrackmcp.analytics.TimeRange;
import dev.toggltrackmcp.toggl.model.User;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code period} / {@code start_date} / {@code end_date} arguments: a named period, or dates (a
 * day, inclusive; a local date-time; a date-time with offset), never both. {@code start_date} alone
 * runs through today. {@link #read} checks all it can before the user's timezone is known —
 * assuming the widest offsets, so it never refuses what the real zone would allow — and {@link
 * #resolve} finishes in that zone.
 */
public record RangeQuery(
    @Nullable Period period, @Nullable When start, @Nullable When end, Period fallback) {

  /** Two years: longer spans are almost always a mistake and cost many Reports pages. */
  public static final int LONGEST_SPAN_DAYS = 731;

  public static final List<String> ARGUMENTS = List.of("period", "start_date", "end_date");

  private static final List<Period> PERIODS = Arrays.asList(Period.values());

  public static RangeQuery read(Arguments args, Period fallback, Instant now) {
    Period period = args.choice("period", PERIODS, Period::argumentName);
    When start = args.when("start_date");
    When end = args.when("end_date");
    if (period != null && (start != null || end != null)) {
      throw new InvalidArgument(
          "period",
          "Give either period or start_date/end_date, not both (e.g. {\"period\": \"last_week\"}"
              + " or {\"start_date\": \"2026-11-01\", \"end_date\": \"2026-11-15\"}).");
    }
    if (end != null && start == null) {
      throw new InvalidArgument(
          "end_date", "end_date needs a start_date too, e.g. \"start_date\": \"2026-11-01\".");
    }
    RangeQuery q = new RangeQuery(period, start, end, fallback);
    if (start != null) {
      q.checkSpan(now);
      q.checkOrderBeforeTheZoneIsKnown(now);
    }
    return q;
  }

  /** The range in the user's timezone and week; refuses only with {@link InvalidArgument}. */
  public TimeRange resolve(User user, Instant now) {
    ZoneId zone = user.zone();
    LocalDate today = LocalDate.ofInstant(now, zone);
    if (start == null) {
      LocalDate[] days = (period == null ? fallback : period).days(today, user.beginningOfWeek());
      return TimeRange.ofDays(days[0], days[1], zone);
    }
    Instant from = start.start(zone);
    Instant to =
        end == null ? today.plusDays(1).atStartOfDay(zone).toInstant() : end.endExclusive(zone);
    if (!to.isAfter(from)) {
      throw disorder();
    }
    if (start instanceof When.Day first && (end == null || end instanceof When.Day)) {
      LocalDate last = end == null ? today : ((When.Day) end).date();
      return TimeRange.ofDays(first.date(), last, zone);
    }
    return TimeRange.ofInstants(from, to, zone);
  }

  /**
   * Day and local times shift together with the zone, so their order is known now; an exact
   * date-time against a zone-relative one, or a start against today, is refused here only when it
   * is wrong at every offset people live at.
   */
  private void checkOrderBeforeTheZoneIsKnown(Instant now) {
    boolean wrong;
    if (end == null) {
      wrong = !start.earliestStart().isBefore(now.plus(Duration.ofDays(1)));
    } else if (start instanceof When.At == end instanceof When.At) {
      wrong = !end.endExclusive(ZoneOffset.UTC).isAfter(start.start(ZoneOffset.UTC));
    } else {
      wrong = !end.latestEnd().isAfter(start.earliestStart());
    }
    if (wrong) {
      throw disorder();
    }
  }

  /**
   * Refuses a range longer than {@code days} local days, as far as that is certain before the
   * user's zone is known: a named period by its length, dates by the days they name (date-times
   * with the most generous offsets). {@link #checkAtMostDays(TimeRange, int, String)} finishes.
   */
  public void checkAtMostDays(int days, String advice, Instant now) {
    long shortest;
    if (start == null) {
      LocalDate[] d =
          (period == null ? fallback : period).days(LocalDate.ofInstant(now, ZoneOffset.UTC), 1);
      shortest = d[1].toEpochDay() - d[0].toEpochDay() + 1;
    } else if (start instanceof When.Day first && end instanceof When.Day last) {
      shortest = last.date().toEpochDay() - first.date().toEpochDay() + 1;
    } else {
      // offsets people live at span 26 hours: two days less is certain at any of them
      Instant to = end == null ? now : end.latestEnd();
      shortest = Duration.between(start.earliestStart(), to).toDays() - 2;
    }
    if (shortest > days) {
      throw tooLong(days, advice);
    }
  }

  /** The same limit on the resolved range. */
  public void checkAtMostDays(TimeRange range, int days, String advice) {
    if (range.lastDay().toEpochDay() - range.firstDay().toEpochDay() + 1 > days) {
      throw tooLong(days, advice);
    }
  }

  private InvalidArgument tooLong(int days, String advice) {
    return new InvalidArgument(
        start == null ? "period" : "start_date",
        "The range is longer than " + days + " days; " + advice);
  }

  /** At most two years from start to end (or now), read without a zone: a sanity limit. */
  private void checkSpan(Instant now) {
    Instant to = end == null ? now : end.endExclusive(ZoneOffset.UTC);
    if (Duration.between(start.start(ZoneOffset.UTC), to).toDays() > LONGEST_SPAN_DAYS) {
      throw new InvalidArgument(
          "start_date",
          "The range is longer than two years; split it into shorter ranges (e.g. one year each).");
    }
  }

  private InvalidArgument disorder() {
    if (end == null) {
      String example = start instanceof When.Day d ? d.date().plusDays(6).toString() : "2026-12-07";
      return new InvalidArgument(
          "start_date",
          "start_date "
              + InvalidArgument.shown(start.text())
              + " lies after today, and start_date alone runs through today; add an end_date too,"
              + " e.g. \"end_date\": \""
              + example
              + "\".");
    }
    return new InvalidArgument(
        "end_date",
        "end_date ("
            + InvalidArgument.shown(end.text())
            + ") is before start_date ("
            + InvalidArgument.shown(start.text())
            + "); the range must end after it starts.");
  }
}
