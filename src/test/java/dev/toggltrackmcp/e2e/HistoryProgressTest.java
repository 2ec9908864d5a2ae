package dev.toggltrackmcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.testing.McpClients;
import dev.toggltrackmcp.testing.ServerProcess;
import dev.toggltrackmcp.testing.SimulatedWorld;
import dev.toggltrackmcp.transport.HttpServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A question reaching past Toggl's 90 days loads history page by page; a client that asked for
 * progress hears about each page, over both transports.
 */
@Timeout(120)
class HistoryProgressTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  @Test
  void overHttp() throws Exception {
    try (SimulatedWorld world = new SimulatedWorld();
        HttpServer http = world.serveHttp(world.settings().onLoopbackFreePort())) {
      List<McpSchema.ProgressNotification> heard = new CopyOnWriteArrayList<>();
      McpSyncClient client = McpClients.overHttp(http.port()).progressConsumer(heard::add).build();
      try {
        client.initialize();
        askAndCheck(client, heard);
      } finally {
        client.closeGracefully();
      }
    }
  }

  @Test
  void overStdio() {
    List<McpSchema.ProgressNotification> heard = new CopyOnWriteArrayList<>();
    McpSyncClient client =
        McpClient.sync(
                new StdioClientTransport(
                    ServerProcess.parameters(
                            List.of("demo", "--stdio", "--at", SimulatedWorld.NOW.toString()))
                        .build(),
                    new JacksonMcpJsonMapper(new com.fasterxml.jackson.databind.ObjectMapper())))
            .progressConsumer(heard::add)
            .requestTimeout(Duration.ofSeconds(60))
            .build();
    try {
      client.initialize();
      askAndCheck(client, heard);
    } finally {
      client.closeGracefully();
    }
  }

  private static void askAndCheck(
      McpSyncClient client, List<McpSchema.ProgressNotification> heard) {
    McpSchema.CallToolResult r =
        client.callTool(
            new McpSchema.CallToolRequest(
                "get_time_summary",
                Map.of(
                    "start_date", TODAY.minusDays(300).toString(),
                    "end_date", TODAY.minusDays(100).toString()),
                Map.of("progressToken", "history-1")));
    assertThat(r.isError()).isFalse();
    assertThat(heard).isNotEmpty();
    assertThat(heard).allSatisfy(n -> assertThat(n.progressToken()).isEqualTo("history-1"));
    assertThat(heard.get(0).message()).startsWith("Loading your history before ");
    // one notice per page, counting 1, 2, 3…: sent in that order, though the SDK's client may hand
    // them to its consumer on different threads
    assertThat(heard.stream().map(n -> n.progress().intValue()).toList())
        .as("one notice per page, counting up")
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.IntStream.rangeClosed(1, heard.size()).boxed().toList());
    int before = heard.size();
    client.callTool(
        new McpSchema.CallToolRequest(
            "get_time_summary",
            Map.of(
                "start_date", TODAY.minusDays(250).toString(),
                "end_date", TODAY.minusDays(100).toString()),
            Map.of("progressToken", "history-2")));
    assertThat(heard).as("history is kept: nothing more to load").hasSize(before);
  }
}
