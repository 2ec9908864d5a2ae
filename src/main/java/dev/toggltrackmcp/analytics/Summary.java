package dev.toggltrackmcp.analytics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code get_time_summary}'s answer. Hours are derived from seconds; {@code tagsOverlap} is true
 * when an entry with several tags counted under each of them, so tag shares can add up to more than
 * 100%. The shape of the range: days with entries and the average over them, workdays ({@code
 * workingDays}) from the first day through today (or the last day, if earlier) and the average over
 * those, the longest day, and when the first entry started and the last one stopped (a running one:
 * now).
 */
public record Summary(
    RangeInfo range,
    long totalSeconds,
    BigDecimal totalHours,
    long billableSeconds,
    BigDecimal billableHours,
    int entryCount,
    List<Amount> billableAmounts,
    boolean runningIncluded,
    int daysWithEntries,
    long averageSecondsPerDay,
    int workdaysInRange,
    long averageSecondsPerWorkday,
    List<String> workingDays,
    String weekStartsOn,
    @Nullable DayTotal longestDay,
    @Nullable String firstEntryStart,
    @Nullable String lastEntryStop,
    boolean tagsOverlap,
    Map<String, List<Group>> breakdowns) {

  /** One local day's time: the day with the most, for "what was my longest day?". */
  public record DayTotal(String date, long seconds, BigDecimal hours) {}

  public record RangeInfo(String startDate, String endDate, String timezone) {}

  public record Amount(String currency, BigDecimal amount) {}

  /** One line of a breakdown; {@code share} is of the total seconds, 0..1 with 4 decimals. */
  public record Group(
      String key,
      String name,
      long seconds,
      BigDecimal hours,
      long billableSeconds,
      int entryCount,
      BigDecimal share) {}
}
