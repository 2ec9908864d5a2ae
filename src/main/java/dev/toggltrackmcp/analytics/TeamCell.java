package dev.toggltrackmcp.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A piece of a team's time as Toggl's Reports give it: one entry (from detailed rows, with its day
 * and tags), or one user × project total (from the summary endpoint, without either). {@code
 * centSeconds} is, per currency, the billable seconds times the hourly rate in cents, so amounts
 * are exact whichever way the time was read.
 */
public record TeamCell(
    @Nullable Long userId,
    @Nullable Long projectId,
    List<Long> tagIds,
    @Nullable LocalDate day,
    long seconds,
    long billableSeconds,
    int entries,
    Map<String, Long> centSeconds) {

  public TeamCell {
    tagIds = List.copyOf(tagIds);
    centSeconds = Map.copyOf(centSeconds);
  }
}
