package dev.toggltrackmcp.toggl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A token bucket that keeps every request of the process under Toggl's burst limit: {@code burst}
 * requests at once, then one per {@code interval}. Waiting callers are served by {@link Purpose} (a
 * write before a sync before a history page), in arrival order within one purpose; waits go through
 * the {@link Sleeper}, so tests move a manual clock instead of sleeping.
 */
public final class RequestPacer {
  private record Ticket(Purpose purpose, long arrival) {}

  private static final Comparator<Ticket> SERVICE_ORDER =
      Comparator.comparing(Ticket::purpose).thenComparingLong(Ticket::arrival);

  private final Clock clock;
  private final Sleeper sleeper;
  private final int burst;
  private final Duration interval;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition turn = lock.newCondition();
  private final PriorityQueue<Ticket> waiting = new PriorityQueue<>(SERVICE_ORDER);
  private long arrivals;
  private boolean serving;
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

  public void acquire() throws InterruptedException {
    acquire(Purpose.SYNC);
  }

  /** Blocks until this caller may send one request, and takes its token. */
  public void acquire(Purpose purpose) throws InterruptedException {
    lock.lockInterruptibly();
    Ticket ticket = new Ticket(purpose, arrivals++);
    waiting.add(ticket);
    try {
      while (serving || waiting.peek() != ticket) {
        turn.await();
      }
      serving = true;
      waiting.remove(ticket);
      try {
        refill();
        while (tokens < 1) {
          long missingNanos = (long) Math.ceil((1 - tokens) * interval.toNanos());
          lock.unlock(); // others may queue (and overtake later arrivals) while this one waits
          try {
            sleeper.sleep(Duration.ofNanos(Math.max(1, missingNanos)));
          } finally {
            lock.lock();
          }
          refill();
        }
        tokens -= 1;
      } finally {
        serving = false;
        turn.signalAll();
      }
    } finally {
      if (waiting.remove(ticket)) {
        turn.signalAll(); // it left the queue without being served (interrupted): wake the next
      }
      lock.unlock();
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
