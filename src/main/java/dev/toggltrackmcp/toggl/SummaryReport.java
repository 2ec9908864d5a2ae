package dev.toggltrackmcp.toggl;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A Reports API summary: groups (projects or clients; {@code id == null} for none) with their
 * sub-groups' seconds.
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

  public record SubGroup(@Nullable Long id, String title, long seconds) {}
}
