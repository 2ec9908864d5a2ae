package dev.toggltrackmcp.toggl.model;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A project; archived ones have {@code active == false}. {@code rate} is per hour in {@code
 * currency}.
 */
public record Project(
    long id,
    long workspaceId,
    @Nullable Long clientId,
    String name,
    boolean active,
    @Nullable String status,
    @Nullable String color,
    @Nullable Boolean billable,
    @Nullable BigDecimal rate,
    @Nullable String currency,
    boolean isPrivate,
    @Nullable Long estimatedSeconds,
    @Nullable Long actualSeconds,
    @Nullable Instant at,
    @Nullable Instant serverDeletedAt) {

  public boolean isArchived() {
    return !active;
  }
}
