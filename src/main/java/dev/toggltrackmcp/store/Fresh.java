package dev.toggltrackmcp.store;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A value together with how current it is: {@code dataAsOf} is when it was last confirmed with
 * Toggl. {@code staleness} is empty when the value is as fresh as the policy wants, and otherwise
 * one sentence saying why it is older (quota used up, Toggl unreachable) for the answer to show.
 */
public record Fresh<T>(T value, Instant dataAsOf, @Nullable String staleness) {

  public static <T> Fresh<T> of(T value, Instant dataAsOf) {
    return new Fresh<>(value, dataAsOf, null);
  }

  public Optional<String> stalenessNote() {
    return Optional.ofNullable(staleness);
  }

  public <R> Fresh<R> map(Function<T, R> f) {
    return new Fresh<>(f.apply(value), dataAsOf, staleness);
  }
}
