package dev.toggltrackmcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.testing.McpClients;
import dev.toggltrackmcp.testing.SimulatedWorld;
import dev.toggltrackmcp.transport.HttpServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The suite over Streamable HTTP, in-process, with the simulator's request counter. */
class HttpToolsTest extends ToolsEndToEndTest {
  private SimulatedWorld sim;
  private HttpServer http;
  private McpSyncClient client;

  @BeforeAll
  void start() throws Exception {
    sim = new SimulatedWorld();
    http = sim.serveHttp(sim.settings().onLoopbackFreePort());
    client = McpClients.overHttp(http.port()).build();
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
  public SimulatorCounters simulator() {
    return SimulatorCounters.of(sim.simulator);
  }

  @Test
  void aRepeatedQuestionWithinTheFreshnessWindowMakesNoRequest() {
    call("get_time_summary", Map.of("period", "this_week"));
    int before = sim.requests();
    call("get_time_summary", Map.of("period", "this_week"));
    call("list_time_entries", Map.of("period", "yesterday"));
    call("list_projects", Map.of());
    assertThat(sim.requests()).isEqualTo(before);
    assertThat(sim.simulator.requests().nonGetV9()).isZero();
  }

  @Test
  void readOnlyToolsNeverWrite() {
    McpSchema.ListToolsResult tools = client.listTools();
    assertThat(tools.tools()).allMatch(t -> t.annotations().readOnlyHint());
    assertThat(sim.simulator.requests().nonGetV9()).isZero();
  }
}
