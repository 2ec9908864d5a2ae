package dev.toggltrackmcp.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Faults queued for the next matching responses; each armed fault fires {@code count} times. Stall
 * faults hold requests in real time; {@link #releaseStalls()} ends the current holds and closing
 * the simulator ends them all.
 */
public final class Faults {
  private record Armed(Fault fault, int[] remaining, @Nullable String method, String pathPrefix) {
    boolean matches(String m, String path) {
      return (method == null || method.equals(m)) && path.startsWith(pathPrefix);
    }
  }

  private final Deque<Armed> armed = new ArrayDeque<>();
  private final Stalls stalls;
  private volatile Duration latency = Duration.ZERO;

  Faults(Duration stallCap) {
    this.stalls = new Stalls(stallCap);
  }

  /**
   * The next {@code count} requests with this {@code method} (null: any) to paths starting with
   * {@code pathPrefix} get {@code fault}.
   */
  public synchronized Faults next(
      int count, Fault fault, @Nullable String method, String pathPrefix) {
    armed.add(new Armed(fault, new int[] {count}, method, pathPrefix));
    return this;
  }

  /**
   * The next {@code count} requests (to paths starting with {@code pathPrefix}) get {@code fault}.
   */
  public Faults next(int count, Fault fault, String pathPrefix) {
    return next(count, fault, null, pathPrefix);
  }

  public Faults next(int count, Fault fault) {
    return next(count, fault, null, "");
  }

  /** Real-time delay before every answer (bounded by the stall cap), for timeout tests. */
  public void latency(Duration delay) {
    latency = delay;
  }

  /** How many requests a stall or latency is holding right now. */
  public int stalled() {
    return stalls.holding();
  }

  /** Lets every request held right now go (its connection is then dropped). */
  public void releaseStalls() {
    stalls.releaseAll();
  }

  /** Disarms every fault and the latency (requests held right now stay held). */
  public synchronized void clear() {
    armed.clear();
    latency = Duration.ZERO;
  }

  Duration latency() {
    return latency;
  }

  Stalls stalls() {
    return stalls;
  }

  /** The next armed fault for this request that acts before (or after) handling it. */
  synchronized Optional<Fault> take(String method, String path, boolean handledFirst) {
    Iterator<Armed> it = armed.iterator();
    while (it.hasNext()) {
      Armed a = it.next();
      if (a.fault().handledFirst() == handledFirst && a.matches(method, path)) {
        if (--a.remaining()[0] <= 0) {
          it.remove();
        }
        return Optional.of(a.fault());
      }
    }
    return Optional.empty();
  }
}
