package dev.toggltrackmcp.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code get_team_summary}'s numbers: totals, billable time and amounts per currency (from the
 * rates Toggl reports), and breakdowns like {@link Summary}'s. When both user and project are asked
 * for, each user's group carries its projects.
 */
public record TeamSummary(
    Summary.RangeInfo range,
    long totalSeconds,
    BigDecimal totalHours,
    long billableSeconds,
    BigDecimal billableHours,
    long nonBillableSeconds,
    int entryCount,
    List<Summary.Amount> billableAmounts,
    boolean tagsOverlap,
    Map<String, List<Group>> breakdowns) {

  /** One line of a breakdown; {@code share} is of the total seconds, 0..1 with 4 decimals. */
  public record Group(
      String key,
      String name,
      long seconds,
      BigDecimal hours,
      long billableSeconds,
      int entryCount,
      BigDecimal share,
      List<Summary.Amount> billableAmounts,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<Group> projects) {}
}
