package dev.toggltrackmcp.arguments;

import dev.toggltrackmcp.analytics.Kind;
import org.jspecify.annotations.Nullable;

/**
 * What the model typed for an id-or-name argument, checked for syntax but not yet looked up: a JSON
 * number is an id and nothing else; a string is a name or label, and also an id when it is all
 * digits (a project may well be called "2024", so the name is tried too).
 *
 * @param argument the argument it came from, e.g. {@code "client"} or {@code "tags"}
 */
public record Ref(String argument, Kind kind, String text, @Nullable Long id, boolean onlyId) {

  static Ref ofId(String argument, Kind kind, long id) {
    return new Ref(argument, kind, Long.toString(id), id, true);
  }

  static Ref ofText(String argument, Kind kind, String text) {
    String t = text.trim();
    Long id = null;
    if (t.matches("\\d{1,16}")) {
      long n = Long.parseLong(t);
      id = n >= 1 && n <= Arguments.LARGEST_ID ? n : null;
    }
    return new Ref(argument, kind, t, id, false);
  }

  /** As an error message may quote it. */
  String shown() {
    return onlyId ? "id " + text : "\"" + InvalidArgument.shown(text) + "\"";
  }
}
