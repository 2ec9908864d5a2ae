package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.arguments.Arguments;
import java.util.Map;

/**
 * One tool, all in one value: what clients see in {@code tools/list} and what runs on a call.
 *
 * @param readOnly true for tools that never change Toggl data (all tools so far)
 */
record ToolDefinition(
    String name,
    String title,
    String description,
    Schema.Obj arguments,
    Map<String, Object> outputSchema,
    boolean readOnly,
    Handler handler) {

  /**
   * Answers one call. A handler first reads its arguments in one step (a query record from {@code
   * arguments}), so a bad call is refused before any data is asked for.
   */
  @FunctionalInterface
  interface Handler {
    ToolAnswer answer(Arguments arguments);
  }
}
