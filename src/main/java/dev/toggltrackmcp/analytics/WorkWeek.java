package dev.toggltrackmcp.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The days a person works. Toggl keeps no working days (only a week start), so averages per workday
 * use Monday to Friday; public holidays and days off are not known and count as workdays.
 */
public record WorkWeek(Set<DayOfWeek> days) {
  public static final WorkWeek DEFAULT =
      new WorkWeek(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

  public WorkWeek {
    days = Set.copyOf(days);
  }

  public boolean isWorkday(LocalDate day) {
    return days.contains(day.getDayOfWeek());
  }

  /** Workdays from the range's first day through {@code today} or its last day, if earlier. */
  public int workdays(TimeRange range, LocalDate today) {
    return workdays(range, today, null);
  }

  /**
   * Workdays from the range's first day, or {@code historyStart} if later (no day before the
   * account existed is a day of work in Toggl), through {@code today} or its last day, if earlier.
   */
  public int workdays(TimeRange range, LocalDate today, @Nullable LocalDate historyStart) {
    LocalDate last = range.lastDay().isBefore(today) ? range.lastDay() : today;
    LocalDate first =
        historyStart != null && historyStart.isAfter(range.firstDay())
            ? historyStart
            : range.firstDay();
    int n = 0;
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      n += isWorkday(d) ? 1 : 0;
    }
    return n;
  }

  /** The days in week order, lower case ("monday"), as answers show them. */
  public List<String> dayNames() {
    return days.stream().sorted().map(d -> d.toString().toLowerCase(Locale.ROOT)).toList();
  }
}
