package dev.toggltrackmcp.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.mcp.Introduction;
import dev.toggltrackmcp.mcp.McpService;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpServerTransportProviderBase;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Builds the SDK server for a service, the same way for every transport. */
final class McpServers {
  /** Asked for when something is logged, so that no start waits for the logging system. */
  private static Logger log() {
    return LoggerFactory.getLogger(McpServers.class);
  }

  /**
   * The one Jackson mapper of the transports, shared with the SDK. Nothing before a stdio session's
   * early {@code initialize} answer builds it ({@link StrictJson}).
   */
  static final ObjectMapper MAPPER = new ObjectMapper();

  static final McpJsonMapper JSON = new JacksonMcpJsonMapper(MAPPER);

  private McpServers() {}

  static McpSyncServer stdio(McpService service, McpServerTransportProvider transport) {
    return configure(McpServer.sync(new OfferedStdio(transport)), service);
  }

  static McpSyncServer http(McpService service, McpStreamableServerTransportProvider transport) {
    return configure(McpServer.sync(new OfferedStreamable(transport)), service);
  }

  private static McpSyncServer configure(McpServer.SyncSpecification<?> spec, McpService service) {
    List<SyncPromptSpecification> prompts = service.prompts();
    List<SyncResourceSpecification> resources = service.resources();
    List<SyncResourceTemplateSpecification> templates = service.resourceTemplates();
    List<SyncCompletionSpecification> completions = service.completions();
    Introduction introduction = service.introduction();
    McpSyncServer server =
        spec.serverInfo(introduction.serverInfo())
            .instructions(introduction.instructions())
            .capabilities(introduction.capabilities())
            .requestTimeout(Duration.ofMinutes(2))
            .validateToolInputs(
                false) // our handlers answer bad arguments with a sentence naming them
            .jsonSchemaValidator(new SchemaCheckOnFirstUse(McpJsonDefaults::getSchemaValidator))
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
            e -> log().warn("Could not tell subscribers that {} changed: {}", uri, e.toString()));
  }

  /**
   * One of the SDK's transports, passed through but for {@link #protocolVersions}: only those
   * {@link OfferedVersions#of offered}.
   */
  private abstract static class Offered<T extends McpServerTransportProviderBase>
      implements McpServerTransportProviderBase {
    final T sdk;

    Offered(T sdk) {
      this.sdk = sdk;
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
      return sdk.notifyClients(method, params);
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
      return sdk.notifyClient(sessionId, method, params);
    }

    @Override
    public void close() {
      sdk.close();
    }

    @Override
    public Mono<Void> closeGracefully() {
      return sdk.closeGracefully();
    }

    @Override
    public List<String> protocolVersions() {
      return OfferedVersions.of(sdk.protocolVersions());
    }
  }

  /** The SDK's stdio transport, sending {@link OneMessageAtATime}. */
  private static final class OfferedStdio extends Offered<McpServerTransportProvider>
      implements McpServerTransportProvider {
    OfferedStdio(McpServerTransportProvider sdk) {
      super(sdk);
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
      sdk.setSessionFactory(transport -> factory.create(new OneMessageAtATime(transport)));
    }
  }

  /** The SDK's Streamable HTTP transport. */
  private static final class OfferedStreamable extends Offered<McpStreamableServerTransportProvider>
      implements McpStreamableServerTransportProvider {
    OfferedStreamable(McpStreamableServerTransportProvider sdk) {
      super(sdk);
    }

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory factory) {
      sdk.setSessionFactory(factory);
    }
  }
}
