package dev.toggltrackmcp.toggl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A token bucket that keeps every request of the process under Toggl's burst limit: {@code burst}
 * requests at once, then one per {@code interval}. Callers are served in arrival order (a fair
 * lock), and waits go through the {@link Sleeper}, so tests move a manual clock instead of
 * sleeping.
 */
public final class RequestPacer {
  private final Clock clock;
  private final Sleeper sleeper;
  private final int burst;
  private final Duration interval;
  private final ReentrantLock queue = new ReentrantLock(true);
  private double tokens;
  private Instant lastRefill;

  public RequestPacer(Clock clock, Sleeper sleeper, int burst, Duration interval) {
    if (burst < 1 || interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("burst must be >= 1 and interval positive");
    }
    this.clock = clock;
    this.sleeper = sleeper;
    this.burst = burst;
    this.interval = interval;
    this.tokens = burst;
    this.lastRefill = clock.instant();
  }

  /** Toggl's advice: about one request a second, with a small burst. */
  public static RequestPacer togglDefault(Clock clock, Sleeper sleeper) {
    return new RequestPacer(clock, sleeper, 3, Duration.ofSeconds(1));
  }

  /** Blocks until this caller may send one request, and takes its token. */
  public void acquire() throws InterruptedException {
    queue.lockInterruptibly();
    try {
      refill();
      while (tokens < 1) {
        long missingNanos = (long) Math.ceil((1 - tokens) * interval.toNanos());
        sleeper.sleep(Duration.ofNanos(Math.max(1, missingNanos)));
        refill();
      }
      tokens -= 1;
    } finally {
      queue.unlock();
    }
  }

  private void refill() {
    Instant now = clock.instant();
    long elapsed = Duration.between(lastRefill, now).toNanos();
    if (elapsed > 0) {
      tokens = Math.min(burst, tokens + (double) elapsed / interval.toNanos());
      lastRefill = now;
    }
  }
}
