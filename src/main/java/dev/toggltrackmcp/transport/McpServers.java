package dev.toggltrackmcp.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.mcp.McpService;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Schedulers;

/** Builds the SDK server for a service, the same way for every transport. */
final class McpServers {
  private static final Logger LOG = LoggerFactory.getLogger(McpServers.class);

  /** The one Jackson mapper of the transports, shared with the SDK. */
  static final ObjectMapper MAPPER = new ObjectMapper();

  static final McpJsonMapper JSON = new JacksonMcpJsonMapper(MAPPER);

  private McpServers() {}

  static McpSyncServer stdio(McpService service, McpServerTransportProvider transport) {
    return configure(McpServer.sync(transport), service);
  }

  static McpSyncServer http(McpService service, McpStreamableServerTransportProvider transport) {
    return configure(McpServer.sync(transport), service);
  }

  private static McpSyncServer configure(McpServer.SyncSpecification<?> spec, McpService service) {
    List<SyncPromptSpecification> prompts = service.prompts();
    List<SyncResourceSpecification> resources = service.resources();
    List<SyncResourceTemplateSpecification> templates = service.resourceTemplates();
    List<SyncCompletionSpecification> completions = service.completions();
    McpSchema.ServerCapabilities.Builder capabilities =
        McpSchema.ServerCapabilities.builder().tools(false).logging();
    if (!prompts.isEmpty()) {
      capabilities.prompts(false);
    }
    if (!resources.isEmpty() || !templates.isEmpty()) {
      capabilities.resources(service.resourceSubscriptions(), false);
    }
    if (!completions.isEmpty()) {
      capabilities.completions();
    }
    McpSyncServer server =
        spec.serverInfo(service.serverInfo())
            .instructions(service.instructions())
            .capabilities(capabilities.build())
            .requestTimeout(Duration.ofMinutes(2))
            .validateToolInputs(
                false) // our handlers answer bad arguments with a sentence naming them
            .tools(service.tools())
            .prompts(prompts)
            .resources(resources)
            .resourceTemplates(templates)
            .completions(completions)
            .build();
    service.whenResourceChanges(uri -> notifySubscribers(server, uri));
    return server;
  }

  /**
   * Tells the sessions subscribed to {@code uri} that it changed, on a worker thread: the thread
   * that saw the change (a sync, or a write's handler) must never wait for a slow client.
   */
  private static void notifySubscribers(McpSyncServer server, String uri) {
    server
        .getAsyncServer()
        .notifyResourcesUpdated(new McpSchema.ResourcesUpdatedNotification(uri))
        .subscribeOn(Schedulers.boundedElastic())
        .subscribe(
            null,
            e -> LOG.warn("Could not tell subscribers that {} changed: {}", uri, e.toString()));
  }
}
