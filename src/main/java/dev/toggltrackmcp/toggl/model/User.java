package dev.toggltrackmcp.toggl.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/** The person the token belongs to ({@code GET /me}). */
public record User(
    long id,
    @Nullable String email,
    @Nullable String fullname,
    String timezone,
    @Nullable Long defaultWorkspaceId,
    int beginningOfWeek,
    @Nullable String imageUrl,
    @Nullable Instant createdAt,
    @Nullable Instant at) {

  public User {
    // Toggl sends an IANA zone; an account that never set one behaves as UTC.
    timezone = timezone == null || timezone.isBlank() ? "UTC" : timezone;
  }

  /** The zone every date of this user is read in; a zone the JVM does not know reads as UTC. */
  public ZoneId zone() {
    try {
      return ZoneId.of(timezone);
    } catch (DateTimeException unknownZone) {
      return ZoneId.of("UTC");
    }
  }
}
