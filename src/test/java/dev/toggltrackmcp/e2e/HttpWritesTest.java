package dev.toggltrackmcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.testing.McpClients;
import dev.toggltrackmcp.testing.SimulatedWorld;
import dev.toggltrackmcp.transport.HttpServer;
import io.modelcontextprotocol.client.McpSyncClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The write suite over Streamable HTTP, in-process, with TOGGL_WRITE_ENABLED=true. */
class HttpWritesTest extends WritesEndToEndTest {
  private SimulatedWorld sim;
  private HttpServer http;
  private McpSyncClient client;

  @BeforeAll
  void start() throws Exception {
    sim = new SimulatedWorld();
    http = sim.serveHttp(sim.settings().withWriteEnabled(true).onLoopbackFreePort());
    client = McpClients.overHttp(http.port()).build();
    client.initialize();
    super.fillTheCache();
  }

  @AfterAll
  void stop() throws Exception {
    assertThat(String.join("\n", everythingSeen)).doesNotContain(sim.simulator.token());
    client.closeGracefully();
    http.close();
    sim.close();
  }

  @Override
  McpSyncClient client() {
    return client;
  }

  @Override
  public SimulatorCounters simulator() {
    return SimulatorCounters.of(sim.simulator);
  }
}
