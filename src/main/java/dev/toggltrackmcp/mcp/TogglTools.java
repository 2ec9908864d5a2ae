package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.arguments.Arguments;
import dev.toggltrackmcp.arguments.InvalidArgument;
import dev.toggltrackmcp.store.Progress;
import dev.toggltrackmcp.toggl.TogglException;
import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Toggl tools as an MCP service, with the prompts and resources built beside them. Every
 * failure of a tool handler becomes an {@code isError} result with one sentence the model can act
 * on; nothing escapes as a protocol error or a stack trace.
 */
public final class TogglTools implements McpService {
  private static final Logger LOG = LoggerFactory.getLogger(TogglTools.class);
  private final ToolRegistry registry;
  private final boolean writeEnabled;
  private final String version;
  private final TogglPrompts prompts;
  private final TogglResources resources;

  public TogglTools(ToolRegistry registry, boolean writeEnabled, String version) {
    this.registry = registry;
    this.writeEnabled = writeEnabled;
    this.version = version;
    List<ToolDefinition> served = registry.tools(writeEnabled);
    this.prompts = new TogglPrompts(new PromptRegistry(registry.context(), served));
    this.resources = new TogglResources(new ResourceRegistry(registry.context(), served));
  }

  @Override
  public Introduction introduction() {
    return Introduction.of(writeEnabled, version);
  }

  @Override
  public List<SyncToolSpecification> tools() {
    return registry.tools(writeEnabled).stream().map(this::specification).toList();
  }

  @Override
  public List<SyncPromptSpecification> prompts() {
    return prompts.specifications();
  }

  @Override
  public List<SyncResourceSpecification> resources() {
    return resources.resources();
  }

  @Override
  public List<SyncResourceTemplateSpecification> resourceTemplates() {
    return resources.templates();
  }

  @Override
  public List<SyncCompletionSpecification> completions() {
    List<SyncCompletionSpecification> all = new ArrayList<>(prompts.completions());
    all.addAll(resources.completions());
    return all;
  }

  @Override
  public void whenResourceChanges(Consumer<String> listener) {
    resources.whenChanged(listener);
  }

  /**
   * Tells subscribers of {@code toggl://current-entry} that it changed: wired to the store, which
   * calls this when a sync or a write's result changes the running entry.
   */
  public void runningEntryChanged() {
    resources.changed(AccountResources.CURRENT_ENTRY);
  }

  /** The prompts/list view of every prompt, for docs and snapshots. */
  public List<McpSchema.Prompt> promptList() {
    return prompts.promptList();
  }

  /** The resources/list view, for docs and snapshots. */
  public List<McpSchema.Resource> resourceList() {
    return resources.resourceList();
  }

  /** The resources/templates/list view, for docs and snapshots. */
  public List<McpSchema.ResourceTemplate> resourceTemplateList() {
    return resources.templateList();
  }

  /** Runs one tool outside MCP, as {@code call} does; errors come back as isError results. */
  public CallToolResult call(String name, Map<String, Object> arguments) {
    return registry.tools(writeEnabled).stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .map(t -> run(t, arguments))
        .orElseGet(
            () ->
                error(
                    "Unknown tool \""
                        + name
                        + "\"; tools are "
                        + String.join(
                            ", ",
                            registry.tools(writeEnabled).stream()
                                .map(ToolDefinition::name)
                                .toList())
                        + "."));
  }

  /** The tools/list view of every tool, for docs and schema snapshots. */
  public List<McpSchema.Tool> toolList() {
    return registry.tools(writeEnabled).stream().map(TogglTools::tool).toList();
  }

  private SyncToolSpecification specification(ToolDefinition t) {
    return SyncToolSpecification.builder()
        .tool(tool(t))
        .callHandler(
            (exchange, request) ->
                Progress.during(
                    LoadingNotices.of(exchange, request), () -> run(t, request.arguments())))
        .build();
  }

  static McpSchema.Tool tool(ToolDefinition t) {
    return McpSchema.Tool.builder()
        .name(t.name())
        .title(t.title())
        .description(t.description())
        .inputSchema(t.arguments().build())
        .outputSchema(t.outputSchema())
        .annotations(annotations(t))
        .build();
  }

  /**
   * Read tools never change data and may be repeated; a write says what it does to data; every tool
   * talks to Toggl (open world).
   */
  private static McpSchema.ToolAnnotations annotations(ToolDefinition t) {
    Boolean readOnly = t.readOnly();
    Boolean destructive = t.effect() == null ? null : t.effect().destructive();
    Boolean idempotent = t.effect() == null ? Boolean.TRUE : t.effect().idempotent();
    return new McpSchema.ToolAnnotations(t.title(), readOnly, destructive, idempotent, true, null);
  }

  private static CallToolResult run(ToolDefinition t, Map<String, Object> arguments) {
    try {
      ToolAnswer answer = t.handler().answer(new Arguments(arguments, t.arguments().names()));
      CallToolResult.Builder result = CallToolResult.builder().addTextContent(answer.text());
      if (answer.picture() != null) {
        result.addContent(
            new McpSchema.ImageContent(
                null,
                Base64.getEncoder().encodeToString(answer.picture().bytes()),
                answer.picture().mimeType()));
      }
      return result.structuredContent(answer.structured()).isError(false).build();
    } catch (InvalidArgument e) {
      return error("Invalid argument " + e.argument() + ": " + e.getMessage());
    } catch (TogglException e) {
      return error(e.getMessage());
    } catch (ToolRefusal e) {
      return error(e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("{} failed unexpectedly", t.name(), e);
      return error(
          "The server could not answer this ("
              + t.name()
              + " failed unexpectedly; details are in the server log). Try again, or report it.");
    }
  }

  static CallToolResult error(String sentence) {
    return CallToolResult.builder().addTextContent(sentence).isError(true).build();
  }
}
