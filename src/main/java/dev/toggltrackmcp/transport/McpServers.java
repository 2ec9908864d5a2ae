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
import io.modelcontextprotocol.spec.ProtocolVersions;
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

  /** The one Jackson mapper of the transports, shared with the SDK. */
  static final ObjectMapper MAPPER = new ObjectMapper();

  static final McpJsonMapper JSON = new JacksonMcpJsonMapper(MAPPER);

  /**
   * The versions the SDK's stdio transport knows, as its {@code protocolVersions()} lists them (a
   * test compares them); named here so that {@code initialize} can be answered before any of the
   * SDK's transport classes is loaded.
   */
  static final List<String> STDIO_VERSIONS =
      List.of(
          ProtocolVersions.MCP_2024_11_05,
          ProtocolVersions.MCP_2025_03_26,
          ProtocolVersions.MCP_2025_06_18,
          ProtocolVersions.MCP_2025_11_25);

  /** The first protocol version without JSON-RPC batches; older ones allow them. */
  private static final String FIRST_WITHOUT_BATCHES = ProtocolVersions.MCP_2025_06_18;

  private McpServers() {}

  /**
   * The versions of {@code sdkVersions} (oldest first, as the SDK lists them) that this server
   * offers: those without batches, which neither SDK transport can serve. A client asking for an
   * older one is answered with the newest, as MCP's version negotiation says.
   */
  static List<String> offeredVersions(List<String> sdkVersions) {
    return sdkVersions.stream().filter(v -> v.compareTo(FIRST_WITHOUT_BATCHES) >= 0).toList();
  }

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
   * One of the SDK's transports, passed through but for {@link #protocolVersions}: only {@link
   * #offeredVersions}.
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
      return offeredVersions(sdk.protocolVersions());
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
