package dev.toggltrackmcp.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only moves when told to: the simulated world's time, shared by the simulator and the
 * server in tests and in {@code demo --at}. {@link #sleep(Duration)} moves it instead of waiting,
 * so a rate limiter or a backoff never costs real time.
 */
public final class ManualClock extends Clock {
  private final AtomicReference<Instant> now;

  public ManualClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the simulated clock is always UTC");
  }

  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("time cannot go backwards: " + duration);
    }
    now.updateAndGet(t -> t.plus(duration));
  }

  /**
   * Stands in for a thread sleeping {@code duration} from now: the clock reaches at least that
   * moment. Concurrent sleepers end at the latest of their wake-up times, never their sum.
   */
  public void sleep(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      return;
    }
    Instant wake = instant().plus(duration);
    now.updateAndGet(t -> t.isBefore(wake) ? wake : t);
  }

  public void set(Instant instant) {
    now.set(instant);
  }
}
