package dev.toggltrackmcp.toggl.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One time entry as Toggl stores it (UTC). A running entry has no {@code stop} and a negative
 * {@code duration} whose value means nothing: its length is always {@code now - start}. A deleted
 * entry (only ever seen through {@code since}) has {@code serverDeletedAt}.
 */
public record TimeEntry(
    long id,
    long workspaceId,
    @Nullable Long projectId,
    @Nullable Long taskId,
    boolean billable,
    Instant start,
    @Nullable Instant stop,
    long duration,
    String description,
    List<String> tags,
    List<Long> tagIds,
    @Nullable Long userId,
    @Nullable Instant at,
    @Nullable Instant serverDeletedAt) {

  public TimeEntry {
    description = description == null ? "" : description;
    // Toggl sends tags as null in some responses and [] in others; both mean "no tags".
    tags = tags == null ? List.of() : List.copyOf(tags);
    tagIds = tagIds == null ? List.of() : List.copyOf(tagIds);
  }

  public boolean isRunning() {
    return duration < 0 || stop == null;
  }

  public boolean isDeleted() {
    return serverDeletedAt != null;
  }

  /** Seconds tracked, counting a running entry up to {@code now} (never negative). */
  public long seconds(Instant now) {
    if (!isRunning()) {
      return Math.max(0, duration);
    }
    return Math.max(0, Duration.between(start, now).getSeconds());
  }
}
