package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.arguments.InvalidArgument;
import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.util.DefaultMcpUriTemplateManager;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The resources as the SDK serves them: {@code resources/list}, {@code resources/templates/list},
 * {@code resources/read}, completion of template variables, and the URIs subscribers hear about
 * when a subscribable resource changes by itself.
 */
final class TogglResources {
  private final ResourceRegistry registry;
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

  TogglResources(ResourceRegistry registry) {
    this.registry = registry;
  }

  List<SyncResourceSpecification> resources() {
    return registry.resources().stream()
        .filter(r -> !r.template())
        .map(r -> new SyncResourceSpecification(resource(r), (ex, req) -> read(r, req.uri())))
        .toList();
  }

  List<SyncResourceTemplateSpecification> templates() {
    return registry.resources().stream()
        .filter(ResourceDefinition::template)
        .map(
            r ->
                new SyncResourceTemplateSpecification(template(r), (ex, req) -> read(r, req.uri())))
        .toList();
  }

  List<SyncCompletionSpecification> completions() {
    return registry.resources().stream()
        .filter(ResourceDefinition::template)
        .map(
            r ->
                new SyncCompletionSpecification(
                    new McpSchema.ResourceReference(r.uri()),
                    (ex, req) ->
                        Completed.of(
                            "completion of " + r.uri(),
                            r.variables().getOrDefault(req.argument().name(), Completer.NONE),
                            req)))
        .toList();
  }

  /** Calls {@code listener} with a subscribable resource's URI whenever its content changes. */
  void whenChanged(Consumer<String> listener) {
    listeners.add(listener);
  }

  /** Says that {@code uri}'s content changed (ignored for a resource no one can subscribe to). */
  void changed(String uri) {
    if (registry.resources().stream().anyMatch(r -> r.subscribable() && r.uri().equals(uri))) {
      listeners.forEach(l -> l.accept(uri));
    }
  }

  List<McpSchema.Resource> resourceList() {
    return registry.resources().stream()
        .filter(r -> !r.template())
        .map(TogglResources::resource)
        .toList();
  }

  List<McpSchema.ResourceTemplate> templateList() {
    return registry.resources().stream()
        .filter(ResourceDefinition::template)
        .map(TogglResources::template)
        .toList();
  }

  static ReadResourceResult read(ResourceDefinition r, String uri) {
    return ProtocolErrors.answering(
        "resource " + r.uri(),
        () -> {
          ResourceDefinition.Content c = r.reader().read(variables(r, uri));
          Map<String, Object> meta = new LinkedHashMap<>();
          meta.put("data_as_of", c.dataAsOf());
          if (c.note() != null) {
            meta.put("note", c.note());
          }
          return new ReadResourceResult(
              List.of(new McpSchema.TextResourceContents(uri, r.mimeType(), c.text(), meta)));
        });
  }

  /** The template's variables in {@code uri}, percent-decoded (a {@code +} stays a plus). */
  private static Map<String, String> variables(ResourceDefinition r, String uri) {
    if (!r.template()) {
      return Map.of();
    }
    Map<String, String> raw = new DefaultMcpUriTemplateManager(r.uri()).extractVariableValues(uri);
    Map<String, String> decoded = new LinkedHashMap<>();
    raw.forEach(
        (k, v) -> {
          try {
            decoded.put(k, URLDecoder.decode(v.replace("+", "%2B"), StandardCharsets.UTF_8));
          } catch (IllegalArgumentException e) {
            throw new InvalidArgument(
                k, k + " \"" + InvalidArgument.shown(v) + "\" is not correctly percent-encoded.");
          }
        });
    return decoded;
  }

  private static McpSchema.Resource resource(ResourceDefinition r) {
    return McpSchema.Resource.builder()
        .uri(r.uri())
        .name(r.name())
        .title(r.title())
        .description(r.description())
        .mimeType(r.mimeType())
        .build();
  }

  private static McpSchema.ResourceTemplate template(ResourceDefinition r) {
    return McpSchema.ResourceTemplate.builder()
        .uriTemplate(r.uri())
        .name(r.name())
        .title(r.title())
        .description(r.description())
        .mimeType(r.mimeType())
        .build();
  }
}
