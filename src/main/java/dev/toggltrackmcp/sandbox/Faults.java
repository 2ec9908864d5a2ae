package dev.toggltrackmcp.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;

/** Faults queued for the next matching responses; each armed fault fires {@code count} times. */
public final class Faults {
  private record Armed(Fault fault, int[] remaining, String pathPrefix) {}

  private final Deque<Armed> armed = new ArrayDeque<>();
  private volatile Duration latency = Duration.ZERO;

  /**
   * The next {@code count} requests (to paths starting with {@code pathPrefix}) get {@code fault}.
   */
  public synchronized Faults next(int count, Fault fault, String pathPrefix) {
    armed.add(new Armed(fault, new int[] {count}, pathPrefix));
    return this;
  }

  public Faults next(int count, Fault fault) {
    return next(count, fault, "");
  }

  /** Real-time delay before every answer: the only real time in the simulator, for timeouts. */
  public void latency(Duration delay) {
    latency = delay;
  }

  Duration latency() {
    return latency;
  }

  public synchronized void clear() {
    armed.clear();
    latency = Duration.ZERO;
  }

  synchronized Optional<Fault> take(String path) {
    Iterator<Armed> it = armed.iterator();
    while (it.hasNext()) {
      Armed a = it.next();
      if (path.startsWith(a.pathPrefix())) {
        if (--a.remaining()[0] <= 0) {
          it.remove();
        }
        return Optional.of(a.fault());
      }
    }
    return Optional.empty();
  }
}
