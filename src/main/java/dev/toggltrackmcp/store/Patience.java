package dev.toggltrackmcp.store;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How long one question may wait for Toggl before it is answered from what is held, with a note,
 * while the work goes on in the background. Well under the 60 s after which common MCP clients give
 * up, so the user always gets an answer. Tests pass their own, which gives up when told to.
 */
@FunctionalInterface
public interface Patience {
  /** The budget the server gives every tool call. */
  Duration DEFAULT = Duration.ofSeconds(20);

  /** Starts the budget of one question. */
  Budget start();

  /** What is left of one question's budget. */
  interface Budget {
    /** Waits for {@code work} within what is left; true when it finished (well or not). */
    boolean waitFor(CompletableFuture<?> work) throws InterruptedException;

    /** How long the whole budget was, for the sentence that says it ran out. */
    Duration length();
  }

  /** Real time: the budget is {@code length} from the moment a question starts. */
  static Patience of(Duration length) {
    return () -> {
      long deadline = System.nanoTime() + length.toNanos();
      return new Budget() {
        @Override
        public boolean waitFor(CompletableFuture<?> work) throws InterruptedException {
          try {
            work.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
          } catch (ExecutionException failed) {
            return true;
          } catch (TimeoutException stillRunning) {
            return false;
          }
        }

        @Override
        public Duration length() {
          return length;
        }
      };
    };
  }
}
