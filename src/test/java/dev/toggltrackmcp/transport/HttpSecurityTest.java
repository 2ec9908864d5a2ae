package dev.toggltrackmcp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toggltrackmcp.config.ConfigException;
import dev.toggltrackmcp.config.LogLevel;
import dev.toggltrackmcp.config.Secret;
import dev.toggltrackmcp.config.Settings;
import dev.toggltrackmcp.testing.SimulatedWorld;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpSecurityTest {
  private static final String KEY = "test-key-0123456789abcdef";
  private static final String INIT =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
  private SimulatedWorld sim;
  private HttpServer http;
  private final HttpClient raw = HttpClient.newHttpClient();

  @BeforeAll
  void start() throws Exception {
    sim = new SimulatedWorld();
    http = sim.serveHttp(withKey(sim.settings()));
  }

  private static Settings withKey(Settings s) {
    return new Settings(
        s.apiToken(),
        null,
        s.apiBaseUrl(),
        false,
        null,
        Secret.of(KEY),
        "127.0.0.1",
        0,
        LogLevel.INFO,
        List.of("https://allowed.example"),
        List.of(),
        false);
  }

  @AfterAll
  void stop() throws Exception {
    http.close();
    sim.close();
  }

  private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return raw.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private McpSyncClient client(String header, String value) {
    return McpClient.sync(
            HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + http.port())
                .endpoint("/mcp")
                .httpRequestCustomizer((b, method, uri, body, context) -> b.header(header, value))
                .build())
        .build();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"Authorization, Bearer " + KEY, "X-API-Key, " + KEY})
  void theSdkClientWorksWithTheKeyInAHeader(String header, String value) {
    McpSyncClient c = client(header, value);
    c.initialize();
    assertThat(c.listTools().tools()).hasSize(13);
    c.closeGracefully();
  }

  @Test
  void noKeyOrAWrongKeyIsRefusedWithWwwAuthenticate() throws Exception {
    HttpResponse<String> none = post("/mcp", INIT);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
    assertThat(post("/mcp", INIT, "Authorization", "Bearer wrong-key-0123456789").statusCode())
        .isEqualTo(401);
  }

  @Test
  void aKeyInTheQueryStringIsRefused() throws Exception {
    HttpResponse<String> r = post("/mcp?api_key=" + KEY, INIT);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("header").doesNotContain(KEY);
  }

  @ParameterizedTest
  @CsvSource({"http://evil.example", "null", "http://localhost.evil.example"})
  void foreignOriginsAreRefused(String origin) throws Exception {
    HttpResponse<String> r = post("/mcp", INIT, "Origin", origin, "Authorization", "Bearer " + KEY);
    assertThat(r.statusCode()).isEqualTo(403);
  }

  @Test
  void aForeignHostHeaderIsRefused() throws Exception {
    // java.net.http cannot set Host, so this one goes over a plain socket
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", http.port())) {
      String request =
          "POST /mcp HTTP/1.1\r\nHost: evil.example\r\nAuthorization: Bearer "
              + KEY
              + "\r\nContent-Type: application/json\r\nContent-Length: "
              + INIT.length()
              + "\r\nConnection: close\r\n\r\n"
              + INIT;
      s.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String answer =
          new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 403");
    }
  }

  @Test
  void localAndConfiguredOriginsPass() throws Exception {
    for (String origin : List.of("http://localhost:6274", "https://allowed.example")) {
      HttpResponse<String> r =
          post("/mcp", INIT, "Origin", origin, "Authorization", "Bearer " + KEY);
      assertThat(r.statusCode()).as(origin).isEqualTo(200);
    }
  }

  @Test
  void anUnsupportedProtocolVersionIsABadRequest() throws Exception {
    HttpResponse<String> r =
        post("/mcp", INIT, "MCP-Protocol-Version", "1999-01-01", "Authorization", "Bearer " + KEY);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("2025-06-18");
  }

  @Test
  void anOversizedBodyIsRefusedCleanly() throws Exception {
    String big =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":{\"p\":\""
            + "a".repeat(2_000_000)
            + "\"}}";
    HttpResponse<String> r = post("/mcp", big, "Authorization", "Bearer " + KEY);
    assertThat(r.statusCode()).isEqualTo(413);
  }

  @Test
  void unknownPathsAndMalformedBodiesAnswerShortJsonWithoutStackTraces() throws Exception {
    HttpResponse<String> unknown = post("/admin", "{}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    HttpResponse<String> garbage = post("/mcp", "{not json", "Authorization", "Bearer " + KEY);
    assertThat(garbage.statusCode()).isBetween(400, 499);
    for (HttpResponse<String> r : List.of(unknown, garbage)) {
      assertThat(r.body())
          .doesNotContain("Exception")
          .doesNotContain("\tat ")
          .doesNotContain("jetty");
      assertThat(r.headers().firstValue("Server")).isEmpty();
    }
  }

  @Test
  void healthNeedsNoKeyAndNeverCallsToggl() throws Exception {
    int before = sim.requests();
    HttpResponse<String> r =
        raw.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/health"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("\"status\":\"ok\"")
        .contains("uptime_seconds")
        .doesNotContain(KEY);
    assertThat(sim.requests()).isEqualTo(before);
  }

  @Test
  void sessionsAreRandomAndCannotBeUsedOnceEndedOrGuessed() throws Exception {
    HttpResponse<String> init = post("/mcp", INIT, "Authorization", "Bearer " + KEY);
    String id = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    assertThat(id).matches("[0-9a-f-]{36}");
    String ping = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}";
    String guessed = java.util.UUID.randomUUID().toString();
    assertThat(
            post("/mcp", ping, "Authorization", "Bearer " + KEY, "Mcp-Session-Id", guessed)
                .statusCode())
        .isEqualTo(404);
    HttpResponse<String> end =
        raw.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/mcp"))
                .header("Authorization", "Bearer " + KEY)
                .header("Mcp-Session-Id", id)
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(end.statusCode()).isBetween(200, 204);
    assertThat(
            post("/mcp", ping, "Authorization", "Bearer " + KEY, "Mcp-Session-Id", id).statusCode())
        .isEqualTo(404);
  }

  @Test
  void twoSessionsWorkSideBySide() {
    McpSyncClient a = client("Authorization", "Bearer " + KEY);
    McpSyncClient b = client("X-API-Key", KEY);
    a.initialize();
    b.initialize();
    assertThat(
            a.callTool(
                    new io.modelcontextprotocol.spec.McpSchema.CallToolRequest(
                        "list_workspaces", Map.of()))
                .isError())
        .isFalse();
    a.closeGracefully();
    assertThat(
            b.callTool(
                    new io.modelcontextprotocol.spec.McpSchema.CallToolRequest(
                        "list_workspaces", Map.of()))
                .isError())
        .isFalse();
    b.closeGracefully();
  }

  @Test
  void refusesToServeBeyondLoopbackWithoutAKey() {
    Settings open =
        new Settings(
            Secret.of("x"),
            null,
            URI.create("http://127.0.0.1:1"),
            false,
            null,
            null,
            "0.0.0.0",
            0,
            LogLevel.INFO,
            List.of(),
            List.of(),
            false);
    assertThatThrownBy(() -> HttpServer.start(null, open, "test", Map::of))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MCP_API_KEY");
  }
}
