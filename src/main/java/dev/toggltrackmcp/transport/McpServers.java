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
  static final McpJsonMapper JSON = new JacksonMcpJsonMapper(new ObjectMapper());
  private static final McpSchema.ServerCapabilities CAPABILITIES =
      McpSchema.ServerCapabilities.builder().tools(false).logging().build();

  private McpServers() {}

  static McpSyncServer stdio(McpService service, McpServerTransportProvider transport) {
    return McpServer.sync(transport)
        .serverInfo(service.serverInfo())
        .instructions(service.instructions())
        .capabilities(CAPABILITIES)
        .requestTimeout(Duration.ofMinutes(2))
        .validateToolInputs(false) // our handlers answer bad arguments with a sentence naming them
        .tools(service.tools())
        .build();
  }

  static McpSyncServer http(McpService service, McpStreamableServerTransportProvider transport) {
    return McpServer.sync(transport)
        .serverInfo(service.serverInfo())
        .instructions(service.instructions())
        .capabilities(CAPABILITIES)
        .requestTimeout(Duration.ofMinutes(2))
        .validateToolInputs(false)
        .tools(service.tools())
        .build();
  }
}
