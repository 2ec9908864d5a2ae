package dev.toggltrackmcp.toggl;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A Reports API summary: groups (by the request's grouping; {@code id == null} for none) with their
 * sub-groups' seconds, entry ids and billable seconds per hourly rate.
 */
public record SummaryReport(List<Group> groups) {
  public SummaryReport {
    groups = List.copyOf(groups);
  }

  public record Group(@Nullable Long id, List<SubGroup> subGroups) {
    public Group {
      subGroups = List.copyOf(subGroups);
    }

    public long seconds() {
      return subGroups.stream().mapToLong(SubGroup::seconds).sum();
    }
  }

  /** {@code ids}: the sub-group's time entries (one per entry, so their count is the entries'). */
  public record SubGroup(
      @Nullable Long id, String title, long seconds, List<Rate> rates, List<Long> ids) {
    public SubGroup {
      rates = List.copyOf(rates);
      ids = List.copyOf(ids);
    }

    public long billableSeconds() {
      return rates.stream().mapToLong(Rate::billableSeconds).sum();
    }
  }

  /** Billable seconds at one hourly rate ({@code hourlyRateInCents} in {@code currency}). */
  public record Rate(long billableSeconds, long hourlyRateInCents, String currency) {}
}
