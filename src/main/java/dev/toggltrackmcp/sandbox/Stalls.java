package dev.toggltrackmcp.sandbox;

import java.time.Duration;

/**
 * Real-time holds, the only real time in the simulator: stall faults and {@code latency}. Each hold
 * ends at its cap, on {@link #releaseAll()}, on {@link #close()} or when its thread is interrupted,
 * so a test suite can never hang on one. A client giving up is not noticed (the JDK server gives no
 * sign of it); the cap bounds that case.
 */
final class Stalls {
  private final Duration cap;
  private boolean closed;
  private long generation;
  private int holding;

  Stalls(Duration cap) {
    this.cap = cap;
  }

  /** Holds the calling request thread for at most the cap. */
  void stall() {
    hold(cap);
  }

  /** Holds for {@code delay} (at most the cap). */
  void pause(Duration delay) {
    hold(delay.compareTo(cap) < 0 ? delay : cap);
  }

  synchronized int holding() {
    return holding;
  }

  /** Ends every hold now; later ones hold again. */
  synchronized void releaseAll() {
    generation++;
    notifyAll();
  }

  /** Ends every hold, now and later. */
  synchronized void close() {
    closed = true;
    notifyAll();
  }

  private synchronized void hold(Duration duration) {
    long started = generation;
    long deadline = System.nanoTime() + duration.toNanos();
    holding++;
    try {
      while (!closed && started == generation) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        wait(Math.max(1, left / 1_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      holding--;
    }
  }
}
