package dev.toggltrackmcp.e2e;

import dev.toggltrackmcp.testing.McpClients;
import dev.toggltrackmcp.testing.SimulatedWorld;
import dev.toggltrackmcp.testing.SimulatorControl;
import dev.toggltrackmcp.transport.HttpServer;
import io.modelcontextprotocol.client.McpSyncClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Subscriptions over stateful Streamable HTTP (a session id, the listening GET stream). */
class HttpSubscriptionsTest extends SubscriptionsEndToEndTest {
  private SimulatedWorld sim;
  private HttpServer http;
  private McpSyncClient client;

  @BeforeAll
  void start() throws Exception {
    sim = new SimulatedWorld();
    http = sim.serveHttp(sim.settings().onLoopbackFreePort());
    client = McpClients.overHttp(http.port()).resourcesUpdateConsumer(heard::add).build();
    client.initialize();
  }

  @AfterAll
  void stop() throws Exception {
    client.closeGracefully();
    http.close();
    sim.close();
  }

  @Override
  McpSyncClient client() {
    return client;
  }

  @Override
  SimulatorControl simulator() {
    return new SimulatorControl(sim.simulator.baseUrl());
  }
}
