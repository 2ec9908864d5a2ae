package dev.toggltrackmcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.testing.ServerProcess;
import dev.toggltrackmcp.testing.SimulatedWorld;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The {@code http} command as a process: serves with a key, stops on SIGTERM. */
class HttpCommandTest {
  private static final Pattern SERVING =
      Pattern.compile("serving MCP at http://127\\.0\\.0\\.1:(\\d+)/mcp");

  @Test
  void servesWithAKeyAndStopsOnSigterm() throws Exception {
    try (SimulatedWorld sim = new SimulatedWorld()) {
      ProcessBuilder pb = ServerProcess.builder("http");
      pb.environment().put("TOGGL_API_TOKEN", sim.simulator.token());
      pb.environment().put("TOGGL_API_BASE_URL", sim.simulator.baseUrl().toString());
      pb.environment().put("TOGGL_CACHE_DIR", "off");
      pb.environment().put("MCP_API_KEY", "process-key-0123456789");
      pb.environment().put("PORT", "0");
      Process p = pb.start();
      BufferedReader err =
          new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
      int port = -1;
      for (String line; port < 0 && (line = err.readLine()) != null; ) {
        Matcher m = SERVING.matcher(line);
        if (m.find()) {
          port = Integer.parseInt(m.group(1));
        }
      }
      assertThat(port).isPositive();
      McpSyncClient client =
          McpClient.sync(
                  HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                      .endpoint("/mcp")
                      .httpRequestCustomizer(
                          (b, m, u, body, ctx) -> b.header("X-API-Key", "process-key-0123456789"))
                      .build())
              .build();
      client.initialize();
      assertThat(client.listTools().tools()).hasSize(13);
      client.closeGracefully();
      p.destroy(); // SIGTERM
      assertThat(p.waitFor(15, TimeUnit.SECONDS)).isTrue();
    }
  }
}
