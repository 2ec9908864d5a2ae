package dev.toggltrackmcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.testing.ServerProcess;
import dev.toggltrackmcp.testing.SimulatedWorld;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart is the only thing that needs AWT, so a starting server must not load it (it costs
 * start-up time and, without headless mode, a dock icon on macOS): the classes a real {@code demo
 * --stdio} process loads, logged by the JVM, have none of AWT after initialize and tools/list — and
 * do once a chart was drawn, which shows the log would see them.
 */
@Timeout(120)
class AwtOnlyForChartsTest {

  private static List<String> loadedClasses(Path log, Consumer<McpSyncClient> session)
      throws Exception {
    List<String> args = new ArrayList<>();
    args.add("-Xlog:class+load=info:file=" + log);
    args.addAll(
        ServerProcess.arguments(List.of("demo", "--stdio", "--at", SimulatedWorld.NOW.toString())));
    StdioClientTransport transport =
        new StdioClientTransport(
            ServerParameters.builder(ServerProcess.java()).args(args).build(),
            new JacksonMcpJsonMapper(new com.fasterxml.jackson.databind.ObjectMapper()));
    transport.setStdErrorHandler(line -> {});
    McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
    try {
      client.initialize();
      assertThat(client.listTools().tools())
          .extracting(McpSchema.Tool::name)
          .contains("get_time_chart");
      session.accept(client);
    } finally {
      client.closeGracefully();
    }
    return Files.readAllLines(log);
  }

  private static List<String> awt(List<String> classes) {
    return classes.stream()
        .filter(
            l -> l.contains(" java.awt.") || l.contains(" sun.awt.") || l.contains(" sun.java2d."))
        .toList();
  }

  @Test
  void startingAndListingToolsLoadsNoAwtClass(@TempDir Path dir) throws Exception {
    List<String> classes = loadedClasses(dir.resolve("start.log"), c -> {});
    assertThat(classes)
        .as("the JVM logged its class loading")
        .anyMatch(l -> l.contains("dev.toggltrackmcp"));
    assertThat(awt(classes)).isEmpty();
  }

  @Test
  void drawingAChartDoesLoadIt(@TempDir Path dir) throws Exception {
    List<String> classes =
        loadedClasses(
            dir.resolve("chart.log"),
            c ->
                assertThat(
                        c.callTool(
                                new McpSchema.CallToolRequest(
                                    "get_time_chart", Map.of("period", "last_week")))
                            .isError())
                    .isFalse());
    assertThat(awt(classes)).isNotEmpty();
  }
}
