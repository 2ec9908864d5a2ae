package dev.toggltrackmcp.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.util.List;
import java.util.function.Consumer;

/**
 * Everything a transport needs to serve MCP: who the server is, what it tells the model, its tools
 * (each call handler already turns every failure into an {@code isError} result), and what clients
 * show besides tools — prompts, resources and templates, completions (each failing only with a
 * clean MCP error). The transports build one SDK server from it; they know nothing about Toggl.
 */
public interface McpService {

  /** Sent to the client at initialize: who the server is, how to use it, what it offers. */
  Introduction introduction();

  List<SyncToolSpecification> tools();

  default List<SyncPromptSpecification> prompts() {
    return List.of();
  }

  default List<SyncResourceSpecification> resources() {
    return List.of();
  }

  default List<SyncResourceTemplateSpecification> resourceTemplates() {
    return List.of();
  }

  /** Completion of prompt arguments and resource-template variables. */
  default List<SyncCompletionSpecification> completions() {
    return List.of();
  }

  /**
   * Calls {@code listener} with a subscribable resource's URI whenever its content changes by
   * itself, so the transport can notify the sessions subscribed to it.
   */
  default void whenResourceChanges(Consumer<String> listener) {}
}
