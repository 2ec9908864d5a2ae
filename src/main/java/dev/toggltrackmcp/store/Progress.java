package dev.toggltrackmcp.store;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Someone waiting for a slow load who wants to hear how it goes: a tool call whose client asked for
 * progress notifications. Set around one question with {@link #during}; the store tells it about
 * every page of history that arrives while the question waits.
 */
@FunctionalInterface
public interface Progress {
  /**
   * @param pages pages loaded so far by the load this question waits for
   * @param message one sentence for the user, e.g. "Loading history before 2026-08-27 …"
   */
  void loaded(int pages, String message);

  /** Runs {@code question} with {@code progress} told about what it waits for. */
  static <T> T during(@Nullable Progress progress, Supplier<T> question) {
    Progress outer = Holder.CURRENT.get();
    Holder.CURRENT.set(progress);
    try {
      return question.get();
    } finally {
      Holder.CURRENT.set(outer);
    }
  }

  /** The progress of the question running on this thread, if it asked for one. */
  static @Nullable Progress current() {
    return Holder.CURRENT.get();
  }

  /** A question runs on one thread from start to answer, so the thread is its scope. */
  final class Holder {
    private static final ThreadLocal<@Nullable Progress> CURRENT = new ThreadLocal<>();

    private Holder() {}
  }
}
