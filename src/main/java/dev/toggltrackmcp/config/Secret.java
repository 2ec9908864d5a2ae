package dev.toggltrackmcp.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A value that must never be printed: a token or a key. {@link #toString()} masks it, so a Secret
 * that ends up in a log line, an exception message or a {@code toString()} of a record is harmless.
 * Only {@link #reveal()} gives the value, for the one place that sends it.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  public static Secret of(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a secret cannot be empty");
    }
    return new Secret(value);
  }

  public String reveal() {
    return value;
  }

  /** Compares in time independent of where the values differ, so timing tells nothing. */
  public boolean matches(String candidate) {
    if (candidate == null) {
      return false;
    }
    return MessageDigest.isEqual(
        value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "****";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret s && matches(s.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
