package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.store.Fresh;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One resource or resource template, all in one value: what clients list, how each template
 * variable completes, and what a read returns.
 *
 * @param uri a URI ({@code toggl://me}) or a URI template with {@code {variables}}
 * @param subscribable true when its content changes by itself and subscribers hear of it
 * @param variables each template variable and its completer, in the template's order
 */
record ResourceDefinition(
    String uri,
    String name,
    String title,
    String description,
    String mimeType,
    boolean subscribable,
    Map<String, Completer> variables,
    Reader reader) {

  ResourceDefinition {
    variables = new LinkedHashMap<>(variables);
  }

  boolean template() {
    return uri.contains("{");
  }

  /** Reads the resource for the variables of the URI asked for (none for a plain resource). */
  @FunctionalInterface
  interface Reader {
    Content read(Map<String, String> variables);
  }

  /**
   * What a read returns, and how current it is ({@code data_as_of}, and a {@code note} when it may
   * be old or incomplete), said in the contents' {@code _meta}.
   */
  record Content(String text, @Nullable String dataAsOf, @Nullable String note) {
    static Content of(String text, Fresh<?> fresh) {
      return new Content(text, fresh.dataAsOf().toString(), fresh.staleness());
    }
  }
}
