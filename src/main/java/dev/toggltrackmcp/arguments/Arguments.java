package dev.toggltrackmcp.arguments;

import dev.toggltrackmcp.analytics.Kind;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A tool call's arguments, read as typed values with the checks a model needs to fix its call: each
 * problem is an {@link InvalidArgument} naming the argument and saying what is expected. Nothing
 * here looks at Toggl data, so every refusal costs no request. Unknown arguments are refused rather
 * than ignored.
 */
public final class Arguments {
  public static final int LONGEST_TEXT = 500;

  /**
   * Toggl's ids are JSON numbers; none exceeds 2^53 - 1, the largest every client reads exactly.
   */
  public static final long LARGEST_ID = 9_007_199_254_740_991L;

  /** The longest duration a time entry may have, as Toggl allows: 999 hours. */
  public static final Duration LONGEST_DURATION = Duration.ofHours(999);

  private static final Pattern OFFSET = Pattern.compile(".*T.*(Z|[+-]\\d{2}(:?\\d{2})?)");

  private final Map<String, Object> values;

  public Arguments(@Nullable Map<String, Object> values, List<String> known) {
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

  /** True when the argument was given (null counts as not given). */
  public boolean has(String name) {
    return values.get(name) != null;
  }

  /** Plain text; blank text counts as not given. */
  public @Nullable String text(String name) {
    Object v = values.get(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw new InvalidArgument(name, name + " must be a string.");
    }
    return checkedText(name, s);
  }

  public String requiredText(String name, String example) {
    String s = text(name);
    if (s == null) {
      throw new InvalidArgument(name, name + " is required, e.g. " + example + ".");
    }
    return s;
  }

  /** An id (a JSON number, or a string of digits). */
  public @Nullable Long id(String name) {
    Object v = values.get(name);
    if (v == null) {
      return null;
    }
    if (v instanceof String s && s.trim().matches("\\d{1,18}")) {
      return checkedId(name, Long.parseLong(s.trim()));
    }
    if (v instanceof Number n && isWhole(n)) {
      return checkedId(name, n.longValue());
    }
    throw new InvalidArgument(name, name + " must be a positive whole number (an id).");
  }

  public long requiredId(String name, String hint) {
    Long id = id(name);
    if (id == null) {
      throw new InvalidArgument(name, name + " is required; " + hint + ".");
    }
    return id;
  }

  /**
   * An id or a name of a {@code kind}: a number is an id, a string a name, label or id. Blank text
   * counts as not given, as models often send "" for an optional argument.
   */
  public @Nullable Ref ref(String name, Kind kind) {
    Object v = values.get(name);
    if (v == null || v instanceof String s && s.isBlank()) {
      return null;
    }
    return ref(name, kind, v, false);
  }

  /** A list of ids or names; a single one is accepted as a list of one. */
  public List<Ref> refs(String name, Kind kind, int most) {
    List<?> raw = list(name, most, "e.g. [\"meeting\"] or [18765400]");
    List<Ref> out = new ArrayList<>();
    if (raw != null) {
      for (Object item : raw) {
        if (item == null || item instanceof String s && s.isBlank()) {
          throw new InvalidArgument(name, name + " must not contain empty values.");
        }
        out.add(ref(name, kind, item, true));
      }
    }
    return out;
  }

  public int integer(String name, int fallback, int min, int max) {
    Object v = values.get(name);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Number n) || !isWhole(n)) {
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

  public @Nullable Boolean bool(String name) {
    Object v = values.get(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Boolean b)) {
      throw new InvalidArgument(name, name + " must be true or false.");
    }
    return b;
  }

  /** One of {@code allowed}, by its argument name; null when not given. */
  public <E> @Nullable E choice(String name, List<E> allowed, Function<E, String> nameOf) {
    String s = text(name);
    return s == null ? null : pick(name, s, allowed, nameOf);
  }

  /**
   * Several of {@code allowed}, without repeats, in the order given; null when not given at all (so
   * an empty list can mean "none"). A single string is accepted as a list of one.
   */
  public <E> @Nullable List<E> choices(String name, List<E> allowed, Function<E, String> nameOf) {
    List<?> raw = list(name, allowed.size() * 2, "e.g. [\"" + nameOf.apply(allowed.get(0)) + "\"]");
    if (raw == null) {
      return null;
    }
    List<E> out = new ArrayList<>();
    for (Object item : raw) {
      if (!(item instanceof String s)) {
        throw new InvalidArgument(
            name, name + " must be a list of strings, " + among(allowed, nameOf) + ".");
      }
      E e = pick(name, checkedText(name, s), allowed, nameOf);
      if (!out.contains(e)) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * A day ({@code YYYY-MM-DD}), a local date-time ({@code YYYY-MM-DDTHH:MM[:SS]}, in the user's
   * timezone) or a date-time with offset; null when not given.
   */
  public @Nullable When when(String name) {
    String s = text(name);
    if (s == null) {
      return null;
    }
    String t = s.replace(' ', 'T');
    try {
      if (t.length() == 10) {
        return new When.Day(LocalDate.parse(t), s);
      }
      if (OFFSET.matcher(t).matches()) {
        return new When.At(OffsetDateTime.parse(t), s);
      }
      return new When.Local(LocalDateTime.parse(t), s);
    } catch (DateTimeParseException e) {
      throw new InvalidArgument(
          name,
          name
              + " \""
              + InvalidArgument.shown(t)
              + "\" is not a date; use YYYY-MM-DD (e.g. 2026-11-03), a local date-time"
              + " (2026-11-03T09:00) or one with offset (2026-11-03T09:00:00+01:00).");
    }
  }

  /**
   * A length of time, as people write it: {@code 1h30m}, {@code 90m}, {@code 45 min}, {@code 1:30}
   * (hours and minutes), {@code 1:30:00} or ISO-8601 {@code PT1H30M}; positive, at most 999 hours.
   * Null when not given.
   */
  public @Nullable Duration duration(String name) {
    String s = text(name);
    if (s == null) {
      return null;
    }
    String t = s.trim().toLowerCase(Locale.ROOT);
    Duration d = DurationText.parse(t);
    if (d != null && (d.isZero() || d.isNegative())) {
      throw new InvalidArgument(
          name,
          name
              + " \""
              + InvalidArgument.shown(s)
              + "\" is no time at all; an entry needs a length above"
              + " zero, e.g. \"1h30m\" or \"45m\".");
    }
    if (d == null) {
      throw new InvalidArgument(
          name,
          name
              + " \""
              + InvalidArgument.shown(s)
              + "\" is not a duration; use e.g. \"1h30m\", \"45m\" or \"1:30\".");
    }
    if (d.compareTo(LONGEST_DURATION) > 0) {
      throw new InvalidArgument(name, name + " is longer than 999 hours; Toggl allows no more.");
    }
    return d;
  }

  /**
   * A length given as minutes (a number, e.g. 90) or as text ({@code "1h30m"}, see {@link
   * #duration}); positive, at most 999 hours. Null when not given.
   */
  public @Nullable Duration length(String name) {
    Object v = values.get(name);
    if (!(v instanceof Number n)) {
      if (v != null && !(v instanceof String)) {
        throw new InvalidArgument(
            name, name + " must be minutes (a number, e.g. 90) or text like \"1h30m\".");
      }
      return duration(name);
    }
    double minutes = n.doubleValue();
    if (Double.isNaN(minutes) || Double.isInfinite(minutes) || minutes <= 0) {
      throw new InvalidArgument(
          name,
          name
              + " must be a positive number of minutes (e.g. 90), got "
              + n
              + "; an entry needs"
              + " a length above zero.");
    }
    if (minutes > LONGEST_DURATION.toMinutes()) {
      throw new InvalidArgument(name, name + " is longer than 999 hours; Toggl allows no more.");
    }
    return Duration.ofSeconds(Math.round(minutes * 60));
  }

  /** A list of ids (JSON numbers or strings of digits), without repeats; empty when not given. */
  public List<Long> ids(String name, int most) {
    List<?> raw = list(name, most, "e.g. [4100012345, 4100012346]");
    List<Long> out = new ArrayList<>();
    if (raw != null) {
      for (Object item : raw) {
        Long id = null;
        if (item instanceof Number n && isWhole(n)) {
          id = checkedId(name, n.longValue());
        } else if (item instanceof String s && s.trim().matches("\\d{1,18}")) {
          id = checkedId(name, Long.parseLong(s.trim()));
        }
        if (id == null) {
          throw new InvalidArgument(name, name + " must contain ids (whole numbers).");
        }
        if (!out.contains(id)) {
          out.add(id);
        }
      }
    }
    return out;
  }

  /**
   * A nested object of arguments ({@code known} names only), read like the top level; a problem
   * inside it names the argument as {@code name.inner}. Null when not given.
   */
  public @Nullable Arguments object(String name, List<String> known) {
    Object v = values.get(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Map<?, ?> m)) {
      throw new InvalidArgument(
          name, name + " must be an object, e.g. {\"" + known.get(0) + "\": …}.");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> inner = (Map<String, Object>) m;
    return nested(name, () -> new Arguments(inner, known));
  }

  /** Runs {@code read} on a nested object, naming a refused argument {@code name.inner}. */
  public static <T> T nested(String name, java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (InvalidArgument e) {
      if (e.argument().equals(name) || e.argument().startsWith(name + ".")) {
        throw e;
      }
      throw new InvalidArgument(name + "." + e.argument(), e.getMessage());
    }
  }

  /** True when the argument was sent as empty text ({@code ""}), e.g. to clear a description. */
  public boolean blank(String name) {
    return values.get(name) instanceof String s && s.isBlank();
  }

  /** True when the argument was sent as a list, even an empty one (to clear all tags). */
  public boolean isList(String name) {
    return values.get(name) instanceof List<?>;
  }

  private Ref ref(String name, Kind kind, Object v, boolean inList) {
    if (v instanceof String s) {
      String text = checkedText(name, s);
      if (text == null) {
        throw new InvalidArgument(name, name + " must not be empty.");
      }
      return Ref.ofText(name, kind, text);
    }
    if (v instanceof Number n && isWhole(n)) {
      return Ref.ofId(name, kind, checkedId(name, n.longValue()));
    }
    throw new InvalidArgument(
        name,
        inList
            ? name + " must contain " + kind.singular() + " ids (whole numbers) or names (strings)."
            : name
                + " must be a "
                + kind.singular()
                + " id (a whole number) or a name (a string).");
  }

  private @Nullable List<?> list(String name, int most, String example) {
    Object v = values.get(name);
    if (v == null) {
      return null;
    }
    List<?> raw =
        v instanceof List<?> l ? l : v instanceof String || v instanceof Number ? List.of(v) : null;
    if (raw == null) {
      throw new InvalidArgument(name, name + " must be a list, " + example + ".");
    }
    if (raw.size() > most) {
      throw new InvalidArgument(
          name, name + " accepts at most " + most + (most == 1 ? " value." : " values."));
    }
    return raw;
  }

  private static @Nullable String checkedText(String name, String s) {
    if (s.length() > LONGEST_TEXT) {
      throw new InvalidArgument(
          name,
          name + " is too long (" + s.length() + " characters; at most " + LONGEST_TEXT + ").");
    }
    if (s.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
      throw new InvalidArgument(name, name + " contains control characters; send plain text.");
    }
    return s.isBlank() ? null : s.trim();
  }

  private static long checkedId(String name, long id) {
    if (id <= 0 || id > LARGEST_ID) {
      throw new InvalidArgument(
          name, name + " must be an id between 1 and " + LARGEST_ID + ", got " + id + ".");
    }
    return id;
  }

  private static boolean isWhole(Number n) {
    double d = n.doubleValue();
    return !Double.isInfinite(d) && d == Math.rint(d);
  }

  private static <E> E pick(String name, String s, List<E> allowed, Function<E, String> nameOf) {
    for (E e : allowed) {
      if (nameOf.apply(e).equals(s)) {
        return e;
      }
    }
    throw new InvalidArgument(
        name,
        name
            + " must be "
            + among(allowed, nameOf)
            + "; got \""
            + InvalidArgument.shown(s)
            + "\".");
  }

  private static <E> String among(List<E> allowed, Function<E, String> nameOf) {
    return (allowed.size() == 1 ? "" : "one of ")
        + allowed.stream().map(nameOf).collect(Collectors.joining(", "));
  }
}
