package dev.toggltrackmcp.toggl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;

/**
 * The requests this process sent to Toggl in the last hour and why: what a user spending a small
 * hourly quota wants to know. Retries count, as Toggl counts them.
 */
public final class RequestLedger {
  static final Duration WINDOW = Duration.ofHours(1);

  private record Sent(Instant at, Purpose purpose, QuotaBucket bucket) {}

  private final Clock clock;
  private final Deque<Sent> lastHour = new ArrayDeque<>();
  private long total;

  public RequestLedger(Clock clock) {
    this.clock = clock;
  }

  synchronized void record(Purpose purpose, QuotaBucket bucket) {
    Instant now = clock.instant();
    lastHour.addLast(new Sent(now, purpose, bucket));
    total++;
    forgetBefore(now.minus(WINDOW));
  }

  /** Every request since the process started, retries included. */
  public synchronized long total() {
    return total;
  }

  /** Requests of the last hour per purpose (purposes without any are left out). */
  public synchronized Map<Purpose, Integer> lastHourByPurpose() {
    forgetBefore(clock.instant().minus(WINDOW));
    Map<Purpose, Integer> counts = new EnumMap<>(Purpose.class);
    lastHour.forEach(s -> counts.merge(s.purpose(), 1, Integer::sum));
    return counts;
  }

  /** Requests of the last hour that counted against {@code bucket}. */
  public synchronized int lastHour(QuotaBucket bucket) {
    forgetBefore(clock.instant().minus(WINDOW));
    return (int) lastHour.stream().filter(s -> s.bucket() == bucket).count();
  }

  private void forgetBefore(Instant cutoff) {
    while (!lastHour.isEmpty() && lastHour.peekFirst().at().isBefore(cutoff)) {
      lastHour.removeFirst();
    }
  }
}
