package dev.toggltrackmcp.sandbox;

import dev.toggltrackmcp.sandbox.World.Absence;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One person's working days: Monday to Friday (or fewer for part-timers) less the public holidays
 * of Berlin, where the team lives, a couple of vacation weeks a year and the odd sick day. Days a
 * caller marks as kept (the planted and the clean week, the current week) are never vacation or
 * sick days, so the cases planted there land on ordinary workdays.
 */
final class WorkCalendar {
  private final Set<DayOfWeek> workdays;
  private final Map<LocalDate, Absence> off = new TreeMap<>();

  WorkCalendar(
      Random random,
      LocalDate first,
      LocalDate last,
      Set<DayOfWeek> workdays,
      Predicate<LocalDate> kept) {
    this.workdays = Set.copyOf(workdays);
    for (int year = first.getYear(); year <= last.getYear(); year++) {
      for (LocalDate holiday : publicHolidays(year)) {
        markWeekday(holiday, Absence.PUBLIC_HOLIDAY, first, last, d -> false);
      }
      // summer: two weeks from a Monday between early July and mid August
      LocalDate summer = firstMonday(LocalDate.of(year, 7, 1)).plusWeeks(random.nextInt(7));
      markRange(summer, summer.plusDays(11), first, last, kept);
      // the days between Christmas and New Year
      markRange(LocalDate.of(year, 12, 24), LocalDate.of(year, 12, 31), first, last, kept);
      // one more week, in spring or in autumn
      LocalDate more =
          random.nextBoolean()
              ? firstMonday(LocalDate.of(year, 4, 20)).plusWeeks(random.nextInt(7))
              : firstMonday(LocalDate.of(year, 10, 5)).plusWeeks(random.nextInt(4));
      markRange(more, more.plusDays(4), first, last, kept);
    }
    int sick = 3 + random.nextInt(3);
    long span = last.toEpochDay() - first.toEpochDay();
    for (int i = 0; i < sick && span > 0; i++) {
      LocalDate day = first.plusDays(random.nextInt((int) span));
      markWeekday(day, Absence.SICK, first, last, kept);
      if (random.nextInt(3) == 0) {
        markWeekday(day.plusDays(1), Absence.SICK, first, last, kept);
      }
    }
  }

  /** Whether the person normally works on {@code day} (weekends and days off are not). */
  boolean works(LocalDate day) {
    return workdays.contains(day.getDayOfWeek()) && !off.containsKey(day);
  }

  boolean weekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  /** Weekdays of the working week with no work, and why. */
  Map<LocalDate, Absence> daysOff() {
    return Map.copyOf(off);
  }

  private void markRange(
      LocalDate from, LocalDate to, LocalDate first, LocalDate last, Predicate<LocalDate> kept) {
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      markWeekday(d, Absence.VACATION, first, last, kept);
    }
  }

  private void markWeekday(
      LocalDate day, Absence why, LocalDate first, LocalDate last, Predicate<LocalDate> kept) {
    if (day.isBefore(first)
        || day.isAfter(last)
        || !workdays.contains(day.getDayOfWeek())
        || kept.test(day)
        || off.containsKey(day)) {
      return;
    }
    off.put(day, why);
  }

  private static LocalDate firstMonday(LocalDate from) {
    LocalDate d = from;
    while (d.getDayOfWeek() != DayOfWeek.MONDAY) {
      d = d.plusDays(1);
    }
    return d;
  }

  /** Berlin's public holidays of {@code year}. */
  static Set<LocalDate> publicHolidays(int year) {
    LocalDate easter = easterSunday(year);
    return Set.copyOf( // a list first: Ascension Day can fall on May Day
        List.of(
            MonthDay.of(1, 1).atYear(year),
            MonthDay.of(3, 8).atYear(year),
            easter.minusDays(2),
            easter.plusDays(1),
            MonthDay.of(5, 1).atYear(year),
            easter.plusDays(39),
            easter.plusDays(50),
            MonthDay.of(10, 3).atYear(year),
            MonthDay.of(12, 25).atYear(year),
            MonthDay.of(12, 26).atYear(year)));
  }

  /** The Gregorian computus (anonymous algorithm). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }
}
