package dev.toggltrackmcp.toggl;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The last-known state of one hourly quota bucket: the user's, or one organization's.
 *
 * @param bucket which kind of bucket the requests counted against
 * @param organizationId the organization of an organization bucket; null for the user bucket, and
 *     for requests to a workspace whose organization is not known yet
 * @param remaining requests left in the current window (may be negative when not enforced)
 * @param total the bucket's size, when {@code GET /me/quota} said it (headers do not)
 * @param resetsAt when the window ends
 * @param seenAt when Toggl reported it
 * @param source what told us
 */
public record QuotaStatus(
    QuotaBucket bucket,
    @Nullable Long organizationId,
    long remaining,
    @Nullable Long total,
    Instant resetsAt,
    Instant seenAt,
    Source source) {

  /** Where a quota figure came from. */
  public enum Source {
    RESPONSE_HEADERS("response headers"),
    QUOTA_REPORT("GET /me/quota"),
    QUOTA_402("a 402 answer");

    private final String label;

    Source(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public boolean exhaustedAt(Instant now) {
    return remaining <= 0 && now.isBefore(resetsAt);
  }

  /** True while the window Toggl described is still the current one. */
  public boolean currentAt(Instant now) {
    return now.isBefore(resetsAt);
  }
}
