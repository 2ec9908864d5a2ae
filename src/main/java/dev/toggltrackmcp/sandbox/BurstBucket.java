package dev.toggltrackmcp.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Toggl's burst limit for one token: a leaky bucket of four that drains one request a second. */
final class BurstBucket {
  private static final double CAPACITY = 4;
  private final Clock clock;
  private double level;
  private Instant checkedAt;

  BurstBucket(Clock clock) {
    this.clock = clock;
    this.checkedAt = clock.instant();
  }

  synchronized boolean allows() {
    Instant now = clock.instant();
    double drained = Duration.between(checkedAt, now).toMillis() / 1000.0;
    level = Math.max(0, level - Math.max(0, drained));
    checkedAt = now;
    if (level + 1 > CAPACITY) {
      return false;
    }
    level += 1;
    return true;
  }
}
