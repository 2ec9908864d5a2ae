package dev.toggltrackmcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.config.LogLevel;
import dev.toggltrackmcp.config.Secret;
import dev.toggltrackmcp.config.Settings;
import dev.toggltrackmcp.testing.ReadTools;
import dev.toggltrackmcp.testing.ServerProcess;
import dev.toggltrackmcp.testing.SimulatedWorld;
import dev.toggltrackmcp.transport.HttpServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Starts the server exactly as each copy-paste config in docs/clients says — same arguments, same
 * environment — with the launcher replaced by the JVM running the tests (the jar is built after the
 * tests) and the token pointed at the simulator.
 */
class ClientConfigsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theVsCodeConfigAsksForTheTokenInsteadOfStoringIt() throws Exception {
    JsonNode root = JSON.readTree(Path.of("docs/clients", "vscode.json").toFile());
    JsonNode input = root.get("inputs").get(0);
    assertThat(input.get("password").asBoolean()).isTrue();
    assertThat(root.get("servers").get("toggl").get("env").get("TOGGL_API_TOKEN").asText())
        .isEqualTo("${input:" + input.get("id").asText() + "}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"claude-desktop.json", "claude-desktop-demo.json", "cursor.json", "vscode.json"})
  void stdioConfigsStartAWorkingServer(String file) throws Exception {
    JsonNode root = JSON.readTree(Path.of("docs/clients", file).toFile());
    JsonNode servers = root.has("mcpServers") ? root.get("mcpServers") : root.get("servers");
    JsonNode server = servers.elements().next();
    assertThat(server.get("command").asText()).endsWith("/bin/toggl-track-mcp");
    List<String> args = new ArrayList<>();
    server.get("args").forEach(a -> args.add(a.asText()));
    try (SimulatedWorld sim = new SimulatedWorld()) {
      ServerParameters.Builder params = ServerProcess.parameters(args);
      Iterator<Map.Entry<String, JsonNode>> env =
          server.has("env") ? server.get("env").fields() : java.util.Collections.emptyIterator();
      while (env.hasNext()) {
        Map.Entry<String, JsonNode> e = env.next();
        params.addEnvVar(
            e.getKey(),
            e.getKey().equals("TOGGL_API_TOKEN") ? sim.simulator.token() : e.getValue().asText());
      }
      params.addEnvVar("TOGGL_API_BASE_URL", sim.simulator.baseUrl().toString());
      params.addEnvVar("TOGGL_CACHE_DIR", "off");
      McpSyncClient client =
          McpClient.sync(new StdioClientTransport(params.build(), new JacksonMcpJsonMapper(JSON)))
              .requestTimeout(Duration.ofSeconds(60))
              .build();
      client.initialize();
      assertThat(client.listTools().tools()).hasSize(ReadTools.count());
      assertThat(
              client
                  .callTool(
                      new io.modelcontextprotocol.spec.McpSchema.CallToolRequest(
                          "list_workspaces", Map.of()))
                  .isError())
          .isFalse();
      client.closeGracefully();
    }
  }

  @Test
  void theHttpConfigWithAKeyConnects() throws Exception {
    JsonNode server =
        JSON.readTree(Path.of("docs/clients/http-with-key.json").toFile())
            .get("mcpServers")
            .elements()
            .next();
    URI url = URI.create(server.get("url").asText());
    String auth = server.get("headers").get("Authorization").asText();
    String key = auth.substring("Bearer ".length());
    try (SimulatedWorld sim = new SimulatedWorld()) {
      Settings settings =
          new Settings(
              Secret.of(sim.simulator.token()),
              null,
              sim.simulator.baseUrl(),
              false,
              null,
              Secret.of(key),
              url.getHost(),
              0,
              LogLevel.INFO,
              List.of(),
              List.of(),
              false);
      try (HttpServer http = sim.serveHttp(settings)) {
        McpSyncClient client =
            McpClient.sync(
                    HttpClientStreamableHttpTransport.builder(
                            "http://" + url.getHost() + ":" + http.port())
                        .endpoint(url.getPath())
                        .httpRequestCustomizer(
                            (b, m, u, body, ctx) -> b.header("Authorization", auth))
                        .build())
                .build();
        client.initialize();
        assertThat(client.listTools().tools()).hasSize(ReadTools.count());
        client.closeGracefully();
      }
    }
  }
}
