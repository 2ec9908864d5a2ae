package dev.toggltrackmcp.analytics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * {@code get_time_summary}'s answer. Hours are derived from seconds; {@code tagsOverlap} is true
 * when an entry with several tags counted under each of them, so tag shares can add up to more than
 * 100%.
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
    boolean tagsOverlap,
    Map<String, List<Group>> breakdowns) {

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
