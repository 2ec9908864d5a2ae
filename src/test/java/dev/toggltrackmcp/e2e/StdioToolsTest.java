package dev.toggltrackmcp.e2e;

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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The suite over stdio: a real child process running {@code demo --stdio} at a frozen time. */
class StdioToolsTest extends ToolsEndToEndTest {
  private static final Pattern SIMULATOR = Pattern.compile("simulated Toggl at (http://\\S+)");
  private final CompletableFuture<URI> simulatorUrl = new CompletableFuture<>();
  private McpSyncClient client;

  @BeforeAll
  void start() {
    ServerParameters params =
        ServerProcess.parameters(List.of("demo", "--stdio", "--at", SimulatedWorld.NOW.toString()))
            .addEnvVar("LOG_LEVEL", "debug")
            .build();
    StdioClientTransport transport =
        new StdioClientTransport(
            params, new JacksonMcpJsonMapper(new com.fasterxml.jackson.databind.ObjectMapper()));
    transport.setStdErrorHandler(
        line -> {
          everythingSeen.add(line);
          Matcher m = SIMULATOR.matcher(line);
          if (m.find()) {
            simulatorUrl.complete(URI.create(m.group(1)));
          }
        });
    client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
    client.initialize();
  }

  @Override
  public SimulatorCounters simulator() {
    try {
      return SimulatorCounters.at(simulatorUrl.get(30, TimeUnit.SECONDS));
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the demo did not say where its simulator listens", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  void stop() {
    client.closeGracefully();
  }

  @Override
  McpSyncClient client() {
    return client;
  }
}
