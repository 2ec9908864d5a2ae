package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.arguments.Arguments;
import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CompleteRequest;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import java.util.List;
import java.util.Map;

/** The prompts as the SDK serves them: {@code prompts/list}, {@code prompts/get} and completion. */
final class TogglPrompts {
  private final PromptRegistry registry;

  TogglPrompts(PromptRegistry registry) {
    this.registry = registry;
  }

  List<SyncPromptSpecification> specifications() {
    return registry.prompts().stream()
        .map(
            p ->
                new SyncPromptSpecification(
                    prompt(p), (exchange, request) -> get(p, request.arguments())))
        .toList();
  }

  List<SyncCompletionSpecification> completions() {
    return registry.prompts().stream()
        .filter(p -> !p.arguments().isEmpty())
        .map(
            p ->
                new SyncCompletionSpecification(
                    new McpSchema.PromptReference(p.name()),
                    (exchange, request) -> complete(p, request)))
        .toList();
  }

  /** The prompts/list view, for docs and snapshots. */
  List<McpSchema.Prompt> promptList() {
    return registry.prompts().stream().map(TogglPrompts::prompt).toList();
  }

  static GetPromptResult get(PromptDefinition p, Map<String, Object> arguments) {
    return ProtocolErrors.answering(
        "prompt " + p.name(),
        () -> {
          String text = p.text().write(new Arguments(arguments, p.argumentNames()));
          return new GetPromptResult(
              p.description(),
              List.of(
                  new McpSchema.PromptMessage(
                      McpSchema.Role.USER, new McpSchema.TextContent(text))));
        });
  }

  private static CompleteResult complete(PromptDefinition p, CompleteRequest request) {
    Completer completer =
        p.arguments().stream()
            .filter(a -> a.name().equals(request.argument().name()))
            .map(PromptDefinition.Argument::completer)
            .findFirst()
            .orElse(Completer.NONE);
    return Completed.of("completion of " + p.name(), completer, request);
  }

  private static McpSchema.Prompt prompt(PromptDefinition p) {
    return new McpSchema.Prompt(
        p.name(),
        p.title(),
        p.description(),
        p.arguments().stream()
            .map(a -> new McpSchema.PromptArgument(a.name(), a.description(), a.required()))
            .toList());
  }
}
