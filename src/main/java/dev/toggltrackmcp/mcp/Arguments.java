package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.analytics.InvalidArgument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A tool call's arguments, read with the checks a model needs to fix its call: each problem names
 * the argument and says what is expected. Unknown arguments are refused rather than ignored.
 */
final class Arguments {
  static final int LONGEST_TEXT = 500;

  /**
   * Toggl's ids are JSON numbers; none exceeds 2^53 - 1, the largest every client reads exactly.
   */
  static final long LARGEST_ID = 9_007_199_254_740_991L;

  private final Map<String, Object> values;

  Arguments(@Nullable Map<String, Object> values, List<String> known) {
    this.values = values == null ? Map.of() : values;
    Set<String> unknown = new TreeSet<>(this.values.keySet());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      String first = unknown.iterator().next();
      throw new InvalidArgument(
          InvalidArgument.shown(first),
          "Unknown argument \""
              + InvalidArgument.shown(first)
              + "\"; this tool accepts "
              + (known.isEmpty() ? "no arguments" : String.join(", ", known))
              + ".");
    }
  }

  @Nullable String text(String name) {
    Object v = values.get(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw new InvalidArgument(name, name + " must be a string.");
    }
    if (s.length() > LONGEST_TEXT) {
      throw new InvalidArgument(
          name,
          name + " is too long (" + s.length() + " characters; at most " + LONGEST_TEXT + ").");
    }
    if (s.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
      throw new InvalidArgument(name, name + " contains control characters; send plain text.");
    }
    return s.isBlank() ? null : s;
  }

  String requiredText(String name, String example) {
    String s = text(name);
    if (s == null) {
      throw new InvalidArgument(name, name + " is required, e.g. " + example + ".");
    }
    return s;
  }

  @Nullable Long id(String name) {
    Object v = values.get(name);
    if (v == null) {
      return null;
    }
    long id;
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      id = n.longValue();
    } else if (v instanceof String s && s.trim().matches("\\d{1,18}")) {
      id = Long.parseLong(s.trim());
    } else {
      throw new InvalidArgument(name, name + " must be a positive whole number (an id).");
    }
    if (id <= 0 || id > LARGEST_ID) {
      throw new InvalidArgument(
          name, name + " must be an id between 1 and " + LARGEST_ID + ", got " + id + ".");
    }
    return id;
  }

  long requiredId(String name, String hint) {
    Long id = id(name);
    if (id == null) {
      throw new InvalidArgument(name, name + " is required; " + hint + ".");
    }
    return id;
  }

  int integer(String name, int fallback, int min, int max) {
    Object v = values.get(name);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new InvalidArgument(
          name, name + " must be a whole number between " + min + " and " + max + ".");
    }
    double d = n.doubleValue();
    if (d < min || d > max) {
      throw new InvalidArgument(
          name, name + " must be between " + min + " and " + max + ", got " + n + ".");
    }
    return (int) d;
  }

  @Nullable Boolean bool(String name) {
    Object v = values.get(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Boolean b)) {
      throw new InvalidArgument(name, name + " must be true or false.");
    }
    return b;
  }

  /** A list of strings; a single string is accepted as a list of one. */
  List<String> texts(String name, int most) {
    Object v = values.get(name);
    if (v == null) {
      return List.of();
    }
    List<?> raw = v instanceof List<?> l ? l : v instanceof String ? List.of(v) : null;
    if (raw == null) {
      throw new InvalidArgument(name, name + " must be a list of strings, e.g. [\"meeting\"].");
    }
    if (raw.size() > most) {
      throw new InvalidArgument(name, name + " accepts at most " + most + " values.");
    }
    List<String> out = new ArrayList<>();
    for (Object item : raw) {
      if (!(item instanceof String s) || s.isBlank() || s.length() > LONGEST_TEXT) {
        throw new InvalidArgument(name, name + " must contain non-empty strings only.");
      }
      out.add(s.trim());
    }
    return out;
  }

  /** An enum-like string: one of {@code allowed}. */
  @Nullable String choice(String name, List<String> allowed) {
    String s = text(name);
    if (s != null && !allowed.contains(s)) {
      throw new InvalidArgument(
          name,
          name
              + " must be one of "
              + String.join(", ", allowed)
              + "; got \""
              + InvalidArgument.shown(s)
              + "\".");
    }
    return s;
  }
}
