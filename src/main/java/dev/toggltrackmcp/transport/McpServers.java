package dev.toggltrackmcp.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.mcp.McpService;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.time.Duration;

/** Builds the SDK server for a service, the same way for every transport. */
final class McpServers {
  /** The one Jackson mapper of the transports, shared with the SDK. */
  static final ObjectMapper MAPPER = new ObjectMapper();

  static final McpJsonMapper JSON = new JacksonMcpJsonMapper(MAPPER);
  private static final McpSchema.ServerCapabilities CAPABILITIES =
      McpSchema.ServerCapabilities.builder().tools(false).logging().build();

  private McpServers() {}

  static McpSyncServer stdio(McpService service, McpServerTransportProvider transport) {
    return configure(McpServer.sync(transport), service);
  }

  static McpSyncServer http(McpService service, McpStreamableServerTransportProvider transport) {
    return configure(McpServer.sync(transport), service);
  }

  private static McpSyncServer configure(McpServer.SyncSpecification<?> spec, McpService service) {
    return spec.serverInfo(service.serverInfo())
        .instructions(service.instructions())
        .capabilities(CAPABILITIES)
        .requestTimeout(Duration.ofMinutes(2))
        .validateToolInputs(false) // our handlers answer bad arguments with a sentence naming them
        .tools(service.tools())
        .build();
  }
}
