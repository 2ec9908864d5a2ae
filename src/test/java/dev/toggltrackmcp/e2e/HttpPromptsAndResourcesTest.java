package dev.toggltrackmcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.testing.McpClients;
import dev.toggltrackmcp.testing.SimulatedWorld;
import dev.toggltrackmcp.transport.HttpServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Prompts and resources over Streamable HTTP, in-process, with the simulator's request counter. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HttpPromptsAndResourcesTest extends PromptsAndResourcesEndToEndTest {
  private SimulatedWorld sim;
  private HttpServer http;
  private McpSyncClient client;

  @BeforeAll
  void start() throws Exception {
    sim = new SimulatedWorld();
    http = sim.serveHttp(sim.settings().onLoopbackFreePort());
    client = connect(http);
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
  int togglRequests() {
    return sim.requests();
  }

  static McpSyncClient connect(HttpServer server) {
    McpSyncClient c = McpClients.overHttp(server.port()).build();
    c.initialize();
    return c;
  }

  /**
   * On a server that has fetched nothing yet: completing a period, a bad prompt argument and a bad
   * resource URI cost no request; the first name completion fills the cache once (the same
   * bootstrap any first tool call pays), the next ones are free.
   */
  @Test
  void onAColdServerOnlyTheFirstNameLookupAsksToggl() throws Exception {
    try (SimulatedWorld cold = new SimulatedWorld();
        HttpServer server = cold.serveHttp(cold.settings().onLoopbackFreePort())) {
      McpSyncClient c = connect(server);
      try {
        c.completeCompletion(completion("timesheet_check", "period", "this"));
        try {
          c.getPrompt(new McpSchema.GetPromptRequest("weekly_review", Map.of("week", "soon")));
        } catch (io.modelcontextprotocol.spec.McpError expected) {
          // refused before any data is asked for
        }
        try {
          c.readResource(new McpSchema.ReadResourceRequest("toggl://summary/fortnight"));
        } catch (io.modelcontextprotocol.spec.McpError expected) {
          // likewise
        }
        assertThat(cold.requests()).isZero();
        c.completeCompletion(completion("invoice_prep", "client", "glo"));
        int bootstrap = cold.requests();
        assertThat(bootstrap).isEqualTo(2); // /me with related data, recent entries
        c.completeCompletion(completion("invoice_prep", "client", "acm"));
        c.completeCompletion(completion("invoice_prep", "month", "2026"));
        c.readResource(new McpSchema.ReadResourceRequest("toggl://me"));
        c.readResource(new McpSchema.ReadResourceRequest("toggl://projects"));
        assertThat(cold.requests()).isEqualTo(bootstrap);
      } finally {
        c.closeGracefully();
      }
    }
  }

  private static McpSchema.CompleteRequest completion(
      String prompt, String argument, String typed) {
    return new McpSchema.CompleteRequest(
        new McpSchema.PromptReference(prompt),
        new McpSchema.CompleteRequest.CompleteArgument(argument, typed));
  }
}
