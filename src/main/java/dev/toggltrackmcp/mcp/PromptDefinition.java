package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.arguments.Arguments;
import java.util.List;

/**
 * One prompt, all in one value, like a tool: what clients list (a slash-command with its
 * arguments), how each argument completes, and the text a {@code prompts/get} returns.
 *
 * @param text writes the prompt's one user message; it reads its arguments first, so a bad value is
 *     refused (an {@code InvalidArgument} naming it) before anything else
 */
record PromptDefinition(
    String name, String title, String description, List<Argument> arguments, Text text) {

  PromptDefinition {
    arguments = List.copyOf(arguments);
  }

  List<String> argumentNames() {
    return arguments.stream().map(Argument::name).toList();
  }

  /** An argument as clients show it, and what completes it as the user types. */
  record Argument(String name, String description, boolean required, Completer completer) {}

  @FunctionalInterface
  interface Text {
    String write(Arguments arguments);
  }
}
