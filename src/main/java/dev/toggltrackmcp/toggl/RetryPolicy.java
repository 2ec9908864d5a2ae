package dev.toggltrackmcp.toggl;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a request again: only after 429, 5xx or a connection failure, at most {@code
 * maxRetries} times, waiting for {@code Retry-After} when Toggl sends it and otherwise backing off
 * exponentially with jitter. 400/401/402/403/404/409/410 are answers, not accidents, and are never
 * retried.
 */
public final class RetryPolicy {
  /** A server asking for a longer wait than this is treated as a failure, not waited for. */
  static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

  private final int maxRetries;
  private final Duration firstBackoff;
  private final RandomGenerator random;

  public RetryPolicy(int maxRetries, Duration firstBackoff, RandomGenerator random) {
    this.maxRetries = maxRetries;
    this.firstBackoff = firstBackoff;
    this.random = random;
  }

  public static RetryPolicy togglDefault(RandomGenerator random) {
    return new RetryPolicy(3, Duration.ofSeconds(1), random);
  }

  public static boolean isRetryableStatus(int status) {
    return status == 429 || status >= 500;
  }

  /**
   * The wait before retry number {@code retry} (1-based), or empty when no retry is left or the
   * requested wait is unreasonably long.
   */
  public Optional<Duration> delayBeforeRetry(int retry, Optional<Duration> retryAfter) {
    if (retry > maxRetries) {
      return Optional.empty();
    }
    if (retryAfter.isPresent()) {
      Duration asked = retryAfter.get();
      return asked.compareTo(LONGEST_WAIT) > 0 ? Optional.empty() : Optional.of(asked);
    }
    long base = firstBackoff.toMillis() << (retry - 1);
    long jitter = random.nextLong(base / 2 + 1);
    return Optional.of(Duration.ofMillis(base + jitter));
  }

  public int maxRetries() {
    return maxRetries;
  }
}
