package dev.toggltrackmcp.e2e;

import dev.toggltrackmcp.testing.ServerProcess;
import dev.toggltrackmcp.testing.SimulatedWorld;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The suite over stdio: a real child process running {@code demo --stdio} at a frozen time. */
class StdioToolsTest extends ToolsEndToEndTest {
  private McpSyncClient client;

  @BeforeAll
  void start() {
    ServerParameters params =
        ServerProcess.parameters(List.of("demo", "--stdio", "--at", SimulatedWorld.NOW.toString()))
            .addEnvVar("LOG_LEVEL", "debug")
            .build();
    StdioClientTransport transport =
        new StdioClientTransport(
            params, new JacksonMcpJsonMapper(new com.fasterxml.jackson.databind.ObjectMapper()));
    transport.setStdErrorHandler(line -> everythingSeen.add(line));
    client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
    client.initialize();
  }

  @AfterAll
  void stop() {
    client.closeGracefully();
  }

  @Override
  McpSyncClient client() {
    return client;
  }
}
