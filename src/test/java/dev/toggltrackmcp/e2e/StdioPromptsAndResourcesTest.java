package dev.toggltrackmcp.e2e;

import dev.toggltrackmcp.testing.ServerProcess;
import dev.toggltrackmcp.testing.SimulatedWorld;
import dev.toggltrackmcp.testing.SimulatorControl;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/** Prompts and resources over stdio: a real {@code demo --stdio} child process at a frozen time. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class StdioPromptsAndResourcesTest extends PromptsAndResourcesEndToEndTest {
  private McpSyncClient client;
  private SimulatorControl simulator;

  @BeforeAll
  void start() throws Exception {
    ServerParameters params =
        ServerProcess.parameters(List.of("demo", "--stdio", "--at", SimulatedWorld.NOW.toString()))
            .build();
    StdioClientTransport transport =
        new StdioClientTransport(
            params, new JacksonMcpJsonMapper(new com.fasterxml.jackson.databind.ObjectMapper()));
    SimulatorControl.Announcement announced = new SimulatorControl.Announcement();
    transport.setStdErrorHandler(
        line -> {
          everythingSeen.add(line);
          announced.line(line);
        });
    client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
    client.initialize();
    simulator = announced.control();
  }

  @AfterAll
  void stop() {
    client.closeGracefully();
  }

  @Override
  McpSyncClient client() {
    return client;
  }

  @Override
  int togglRequests() {
    return simulator.requests();
  }
}
