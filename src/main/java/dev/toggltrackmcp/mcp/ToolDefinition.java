package dev.toggltrackmcp.mcp;

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

  @FunctionalInterface
  interface Handler {
    ToolAnswer answer(Arguments arguments);
  }
}
