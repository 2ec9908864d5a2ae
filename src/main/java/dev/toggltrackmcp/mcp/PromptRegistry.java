package dev.toggltrackmcp.mcp;

import java.util.List;

/**
 * Every prompt, in the order clients list them. A prompt may name only tools this server serves
 * ({@link PromptSteps} checks), so prompts are built from the served tool list.
 */
final class PromptRegistry {
  private final List<PromptDefinition> prompts;

  PromptRegistry(ToolContext ctx, List<ToolDefinition> served) {
    this.prompts = List.copyOf(new ReviewPrompts(ctx, served).definitions());
  }

  List<PromptDefinition> prompts() {
    return prompts;
  }
}
