package dev.toggltrackmcp.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.analytics.TimeRange;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the numbered tool calls a prompt asks for, each with its exact JSON arguments. A step can
 * only name a tool this server serves with arguments that tool accepts, so a prompt never sends the
 * model to a tool or an argument that does not exist.
 */
final class PromptSteps {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<ToolDefinition> served;
  private final StringBuilder text = new StringBuilder();
  private int count;

  PromptSteps(List<ToolDefinition> served) {
    this.served = served;
  }

  /** The served tool of that name, if any (tools others add may be off, e.g. write tools). */
  static Optional<ToolDefinition> served(List<ToolDefinition> served, String name) {
    return served.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  PromptSteps call(String tool, Map<String, Object> arguments, String why) {
    ToolDefinition t =
        served(served, tool)
            .orElseThrow(
                () -> new IllegalStateException("a prompt names " + tool + ", not served"));
    if (!t.arguments().names().containsAll(arguments.keySet())) {
      throw new IllegalStateException("a prompt gives " + tool + " arguments it does not take");
    }
    try {
      text.append(++count)
          .append(". ")
          .append(tool)
          .append(' ')
          .append(JSON.writeValueAsString(arguments))
          .append(" — ")
          .append(why)
          .append('\n');
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  @Override
  public String toString() {
    return text.toString();
  }

  /** {@code start_date} and {@code end_date} of a range, for a tool call, plus more arguments. */
  static Map<String, Object> dates(TimeRange r, Object... more) {
    Map<String, Object> m =
        args("start_date", r.firstDay().toString(), "end_date", r.lastDay().toString());
    m.putAll(args(more));
    return m;
  }

  /** Arguments in the order given, as the model should read them. */
  static Map<String, Object> args(Object... namesAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      m.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return m;
  }

  /** {@code Monday 2026-11-16 to Sunday 2026-11-22 (Europe/Berlin)}. */
  static String days(TimeRange r) {
    return weekday(r.firstDay())
        + " "
        + r.firstDay()
        + (r.firstDay().equals(r.lastDay())
            ? ""
            : " to " + weekday(r.lastDay()) + " " + r.lastDay())
        + " ("
        + r.zone().getId()
        + ")";
  }

  private static String weekday(java.time.LocalDate d) {
    return d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }
}
