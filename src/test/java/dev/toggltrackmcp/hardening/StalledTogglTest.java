package dev.toggltrackmcp.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.sandbox.Fault;
import dev.toggltrackmcp.testing.McpClients;
import dev.toggltrackmcp.testing.SimulatedWorld;
import dev.toggltrackmcp.transport.HttpServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Toggl stops answering while 60 tool calls wait on it (the review's hang: they all waited on one
 * stuck sync and took /health, initialize and tools/list down with them). Those three never wait on
 * Toggl, so they answer while the stall still holds the sync; once the stall ends every call gets
 * an answer. Counts and outcomes only: the proof that they answered during the hang is that the
 * simulator was still holding the request afterwards.
 */
class StalledTogglTest {
  private static final int CALLS = 60;

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void healthInitializeAndToolsListAnswerWhileSixtyCallsWaitOnAStalledToggl() throws Exception {
    try (SimulatedWorld sim = new SimulatedWorld();
        HttpServer http = sim.serveHttp(sim.settings().onLoopbackFreePort())) {
      String base = "http://127.0.0.1:" + http.port();
      sim.simulator.faults().next(1000, Fault.NO_ANSWER);
      ExecutorService callers = Executors.newFixedThreadPool(CALLS);
      List<McpSyncClient> sessions = new ArrayList<>();
      List<CompletableFuture<McpSchema.CallToolResult>> calls = new ArrayList<>();
      try {
        for (int i = 0; i < CALLS; i++) {
          McpSyncClient session = client(http.port());
          session.initialize();
          sessions.add(session);
          calls.add(
              CompletableFuture.supplyAsync(
                  () ->
                      session.callTool(
                          new McpSchema.CallToolRequest(
                              "list_time_entries", Map.of("period", "this_week"))),
                  callers));
        }
        awaitStall(sim);

        HttpResponse<String> health =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create(base + "/health"))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        McpSyncClient fresh = client(http.port());
        McpSchema.InitializeResult init = fresh.initialize();
        int tools = fresh.listTools().tools().size();

        assertThat(sim.simulator.faults().stalled())
            .as("Toggl was still stalled when these answered")
            .isPositive();
        assertThat(calls.stream().filter(c -> !c.isDone()).count())
            .as("tool calls were still waiting on Toggl")
            .isPositive();
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(init.serverInfo().name()).isNotBlank();
        assertThat(tools).isGreaterThanOrEqualTo(10);
        fresh.closeGracefully();

        sim.simulator.faults().clear();
        sim.simulator.faults().releaseStalls();
        for (CompletableFuture<McpSchema.CallToolResult> c : calls) {
          McpSchema.CallToolResult r = c.get();
          assertThat(r.content()).as("every waiting call gets an answer").isNotEmpty();
        }
      } finally {
        sim.simulator.faults().clear();
        sim.simulator.faults().releaseStalls();
        sessions.forEach(McpSyncClient::closeGracefully);
        callers.shutdownNow();
      }
    }
  }

  private static McpSyncClient client(int port) {
    return McpClients.overHttp(port).requestTimeout(Duration.ofSeconds(90)).build();
  }

  /** Until the first call's sync reaches the simulator and is held there. */
  private static void awaitStall(SimulatedWorld sim) throws InterruptedException {
    for (int i = 0; i < 3000 && sim.simulator.faults().stalled() == 0; i++) {
      Thread.sleep(10);
    }
    assertThat(sim.simulator.faults().stalled())
        .as("the sync reached the stalled Toggl")
        .isPositive();
  }
}
