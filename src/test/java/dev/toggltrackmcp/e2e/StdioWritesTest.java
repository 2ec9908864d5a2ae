package dev.toggltrackmcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.sandbox.SimulatorOptions;
import dev.toggltrackmcp.testing.ServerProcess;
import dev.toggltrackmcp.testing.SimulatedWorld;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The write suite over stdio: a real child process running {@code demo --stdio} at a frozen time
 * with TOGGL_WRITE_ENABLED=true; its simulator is driven over the admin API.
 */
class StdioWritesTest extends WritesEndToEndTest {
  private static final Pattern SIMULATOR = Pattern.compile("simulated Toggl at (http://\\S+)");
  private final CompletableFuture<URI> simulatorUrl = new CompletableFuture<>();
  private final List<String> stderr = new java.util.concurrent.CopyOnWriteArrayList<>();
  private McpSyncClient client;
  private SimulatorCounters counters;

  @BeforeAll
  void start() throws Exception {
    ServerParameters params =
        ServerProcess.parameters(List.of("demo", "--stdio", "--at", SimulatedWorld.NOW.toString()))
            .addEnvVar("TOGGL_WRITE_ENABLED", "true")
            .build();
    StdioClientTransport transport =
        new StdioClientTransport(
            params, new JacksonMcpJsonMapper(new com.fasterxml.jackson.databind.ObjectMapper()));
    transport.setStdErrorHandler(
        line -> {
          stderr.add(line);
          Matcher m = SIMULATOR.matcher(line);
          if (m.find()) {
            simulatorUrl.complete(URI.create(m.group(1)));
          }
        });
    client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
    client.initialize();
    counters = SimulatorCounters.at(simulatorUrl.get(30, TimeUnit.SECONDS));
    super.fillTheCache();
  }

  @AfterAll
  void stop() {
    client.closeGracefully();
    String all = String.join("\n", everythingSeen) + String.join("\n", stderr);
    assertThat(all).doesNotContain(SimulatorOptions.DEFAULT_TOKEN);
    assertThat(String.join("\n", stderr))
        .as("descriptions are not logged at info")
        .doesNotContain("Workshop prep for Zeta");
  }

  @Override
  McpSyncClient client() {
    return client;
  }

  @Override
  public SimulatorCounters simulator() {
    return counters;
  }
}
