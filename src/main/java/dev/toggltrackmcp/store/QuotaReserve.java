package dev.toggltrackmcp.store;

import dev.toggltrackmcp.toggl.QuotaBucket;
import dev.toggltrackmcp.toggl.QuotaStatus;
import dev.toggltrackmcp.toggl.QuotaWatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps the last few requests of Toggl's hourly quota in reserve: routine syncs stop when no more
 * than {@code reserve} are left, and answers then say how old their data is.
 */
final class QuotaReserve {
  private final QuotaWatch watch;
  private final Clock clock;
  private final int reserve;

  QuotaReserve(QuotaWatch watch, Clock clock, int reserve) {
    this.watch = watch;
    this.clock = clock;
    this.reserve = reserve;
  }

  /** True unless Toggl said this bucket is down to the reserve and has not reset since. */
  boolean allows(QuotaBucket bucket) {
    return allowed(watch.lastKnown(bucket));
  }

  private boolean allowed(Optional<QuotaStatus> known) {
    return known.isEmpty()
        || known.get().remaining() > reserve
        || !clock.instant().isBefore(known.get().resetsAt());
  }

  /** True unless the organization bucket of {@code workspaceId} is down to the reserve. */
  boolean allowsWorkspace(long workspaceId) {
    return allowed(watch.forWorkspace(workspaceId));
  }

  /** One sentence for an answer given from the cache because of the quota. */
  String note(Instant dataAsOf) {
    String left =
        watch
            .tightest()
            .map(
                q ->
                    q.remaining()
                        + " requests left this hour (resets in "
                        + Math.max(0, Duration.between(clock.instant(), q.resetsAt()).toSeconds())
                        + " s)")
            .orElse("few requests left this hour");
    return "Toggl's API quota is nearly used up ("
        + left
        + "), so this answer uses data cached at "
        + dataAsOf
        + ".";
  }
}
