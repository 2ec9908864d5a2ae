package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.arguments.Arguments;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One tool, all in one value: what clients see in {@code tools/list} and what runs on a call.
 *
 * @param readOnly true for tools that never change Toggl data
 * @param effect what a write tool does to data (null for read tools)
 */
record ToolDefinition(
    String name,
    String title,
    String description,
    Schema.Obj arguments,
    Map<String, Object> outputSchema,
    boolean readOnly,
    @Nullable Effect effect,
    Handler handler) {

  /** A read tool. */
  ToolDefinition(
      String name,
      String title,
      String description,
      Schema.Obj arguments,
      Map<String, Object> outputSchema,
      boolean readOnly,
      Handler handler) {
    this(name, title, description, arguments, outputSchema, readOnly, null, handler);
  }

  /** A write tool: listed only when writing is enabled. */
  static ToolDefinition write(
      String name,
      String title,
      String description,
      Schema.Obj arguments,
      Map<String, Object> outputSchema,
      Effect effect,
      Handler handler) {
    return new ToolDefinition(
        name, title, description, arguments, outputSchema, false, effect, handler);
  }

  /**
   * The MCP hints of a write: {@code destructive} when it may overwrite or remove what the user
   * has, {@code idempotent} when repeating the same call changes nothing more.
   */
  record Effect(boolean destructive, boolean idempotent) {}

  /**
   * Answers one call. A handler first reads its arguments in one step (a query record from {@code
   * arguments}), so a bad call is refused before any data is asked for.
   */
  @FunctionalInterface
  interface Handler {
    ToolAnswer answer(Arguments arguments);
  }
}
