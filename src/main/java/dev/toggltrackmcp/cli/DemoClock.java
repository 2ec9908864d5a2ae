package dev.toggltrackmcp.cli;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The demo's clock: the real one during the simulated consultant's working hours, otherwise the
 * same ticking clock moved back to the afternoon of her latest workday, so a tour at 2 a.m. or on a
 * Sunday still shows a day at work (a timer running, the day's entries) instead of meetings at
 * midnight. The tour says which time it runs at.
 */
final class DemoClock {
  static final LocalTime WORK_FROM = LocalTime.of(10, 0);
  static final LocalTime WORK_UNTIL = LocalTime.of(12, 30);
  static final LocalTime SHOWN_AT = LocalTime.of(11, 40);

  private DemoClock() {}

  /** A clock ticking from {@link #workingMoment} of the real clock's instant. */
  static Clock during(Clock real, ZoneId zone) {
    Instant now = real.instant();
    return Clock.offset(real, Duration.between(now, workingMoment(now, zone)));
  }

  /**
   * {@code now} if it falls on a weekday between {@link #WORK_FROM} and {@link #WORK_UNTIL} in
   * {@code zone}; else {@link #SHOWN_AT} on the latest weekday whose {@link #SHOWN_AT} is not after
   * it.
   */
  static Instant workingMoment(Instant now, ZoneId zone) {
    ZonedDateTime local = now.atZone(zone);
    LocalDate day = local.toLocalDate();
    LocalTime time = local.toLocalTime();
    if (isWeekday(day) && !time.isBefore(WORK_FROM) && !time.isAfter(WORK_UNTIL)) {
      return now;
    }
    if (!isWeekday(day) || time.isBefore(SHOWN_AT)) {
      day = workdayBefore(day);
    }
    return day.atTime(SHOWN_AT).atZone(zone).toInstant();
  }

  /** {@code Tue 2026-12-01 15:40 Europe/Berlin}. */
  static String describe(Instant at, ZoneId zone) {
    ZonedDateTime local = at.atZone(zone);
    return local.format(
            java.time.format.DateTimeFormatter.ofPattern(
                "EEE yyyy-MM-dd HH:mm", java.util.Locale.ENGLISH))
        + " "
        + zone.getId();
  }

  /** The latest weekday (Monday to Friday) before {@code day}. */
  static LocalDate workdayBefore(LocalDate day) {
    LocalDate d = day.minusDays(1);
    while (!isWeekday(d)) {
      d = d.minusDays(1);
    }
    return d;
  }

  private static boolean isWeekday(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }
}
