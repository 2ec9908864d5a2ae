package dev.toggltrackmcp.toggl;

import java.time.Instant;

/**
 * The last-known state of one hourly quota bucket, as Toggl reported it in response headers.
 *
 * @param bucket which bucket the requests counted against
 * @param remaining requests left in the current window (may be negative when not enforced)
 * @param resetsAt when the window ends
 * @param seenAt when Toggl reported it
 */
public record QuotaStatus(QuotaBucket bucket, long remaining, Instant resetsAt, Instant seenAt) {

  public boolean exhaustedAt(Instant now) {
    return remaining <= 0 && now.isBefore(resetsAt);
  }
}
