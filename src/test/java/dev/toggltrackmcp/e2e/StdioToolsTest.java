package dev.toggltrackmcp.e2e;

import dev.toggltrackmcp.testing.SimulatedWorld;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The suite over stdio: a real child process running {@code demo --stdio} at a frozen time. */
class StdioToolsTest extends ToolsEndToEndTest {
  private McpSyncClient client;

  @BeforeAll
  void start() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ServerParameters params =
        ServerParameters.builder(java)
            .args(
                "-cp",
                System.getProperty("java.class.path"),
                "dev.toggltrackmcp.cli.Main",
                "demo",
                "--stdio",
                "--at",
                SimulatedWorld.NOW.toString())
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
