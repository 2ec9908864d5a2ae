package dev.toggltrackmcp.arguments;

import java.time.DateTimeException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Durations as people write them: {@code 1h30m}, {@code 90 min}, {@code 1:30}, {@code PT1H30M}. */
final class DurationText {
  private static final Pattern UNITS =
      Pattern.compile(
          "(?:(\\d{1,3})\\s*h(?:ours?|rs?)?)?\\s*(?:(\\d{1,5})\\s*m(?:in(?:ute)?s?)?)?"
              + "\\s*(?:(\\d{1,6})\\s*s(?:ec(?:ond)?s?)?)?");
  private static final Pattern CLOCK = Pattern.compile("(\\d{1,3}):(\\d{2})(?::(\\d{2}))?");

  private DurationText() {}

  /** The duration {@code t} (lower case, trimmed) says, or null when it is none of these forms. */
  static @Nullable Duration parse(String t) {
    if (t.startsWith("pt")) {
      try {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      } catch (DateTimeException e) {
        return null;
      }
    }
    Matcher clock = CLOCK.matcher(t);
    if (clock.matches()) {
      int minutes = Integer.parseInt(clock.group(2));
      int seconds = clock.group(3) == null ? 0 : Integer.parseInt(clock.group(3));
      if (minutes > 59 || seconds > 59) {
        return null;
      }
      return Duration.ofHours(Long.parseLong(clock.group(1)))
          .plusMinutes(minutes)
          .plusSeconds(seconds);
    }
    Matcher units = UNITS.matcher(t);
    if (t.isEmpty() || !units.matches() || t.chars().noneMatch(Character::isDigit)) {
      return null;
    }
    Duration d = Duration.ZERO;
    if (units.group(1) != null) {
      d = d.plusHours(Long.parseLong(units.group(1)));
    }
    if (units.group(2) != null) {
      d = d.plusMinutes(Long.parseLong(units.group(2)));
    }
    if (units.group(3) != null) {
      d = d.plusSeconds(Long.parseLong(units.group(3)));
    }
    return d;
  }
}
