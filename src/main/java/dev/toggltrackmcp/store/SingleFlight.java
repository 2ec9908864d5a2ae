package dev.toggltrackmcp.store;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Work that runs once however many questions need it at the same moment: the first caller starts it
 * on a background thread, later ones share its result. A question that stops waiting (its budget
 * spent) leaves the work running, so the next question finds it done.
 */
final class SingleFlight {
  private final ExecutorService threads;
  private final Map<String, CompletableFuture<?>> running = new HashMap<>();

  SingleFlight(String name) {
    AtomicInteger count = new AtomicInteger();
    this.threads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, name + "-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** The work running under {@code key}, started now if none is. */
  @SuppressWarnings("unchecked")
  synchronized <T> CompletableFuture<T> run(String key, Supplier<T> work) {
    CompletableFuture<T> current = (CompletableFuture<T>) running.get(key);
    if (current != null) {
      return current;
    }
    CompletableFuture<T> started = CompletableFuture.supplyAsync(work, threads);
    running.put(key, started);
    started.whenComplete(
        (result, failure) -> {
          synchronized (this) {
            running.remove(key, started);
          }
        });
    return started;
  }
}
