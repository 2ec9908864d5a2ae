package dev.toggltrackmcp.e2e;

import dev.toggltrackmcp.testing.ServerProcess;
import dev.toggltrackmcp.testing.SimulatedWorld;
import dev.toggltrackmcp.testing.SimulatorControl;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Subscriptions over stdio: {@code demo --stdio} at a frozen time, driven by its admin API. */
class StdioSubscriptionsTest extends SubscriptionsEndToEndTest {
  private McpSyncClient client;
  private SimulatorControl simulator;

  @BeforeAll
  void start() throws Exception {
    StdioClientTransport transport =
        new StdioClientTransport(
            ServerProcess.parameters(
                    List.of("demo", "--stdio", "--at", SimulatedWorld.NOW.toString()))
                .build(),
            new JacksonMcpJsonMapper(new com.fasterxml.jackson.databind.ObjectMapper()));
    SimulatorControl.Announcement announced = new SimulatorControl.Announcement();
    transport.setStdErrorHandler(announced::line);
    client =
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(60))
            .resourcesUpdateConsumer(heard::add)
            .build();
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
  SimulatorControl simulator() {
    return simulator;
  }
}
