package dev.toggltrackmcp.toggl;

import java.time.Duration;

/**
 * Waits. The real one sleeps the thread; tests and the simulated world pass one that moves a manual
 * clock forward instead, so nothing ever waits in real time for a rate limiter or backoff.
 */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  static Sleeper real() {
    return duration -> {
      if (!duration.isNegative() && !duration.isZero()) {
        Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));
      }
    };
  }
}
