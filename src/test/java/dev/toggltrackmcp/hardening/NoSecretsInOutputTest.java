package dev.toggltrackmcp.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.sandbox.SimulatorOptions;
import dev.toggltrackmcp.testing.ServerProcess;
import dev.toggltrackmcp.testing.SimulatedWorld;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every command ({@code stdio}, {@code http}, {@code check}, {@code call}, {@code demo} as the
 * tour over HTTP and as {@code --stdio}), at every LOG_LEVEL, with the libraries' logs at their
 * default and at the same level: nothing a process prints, stdout or stderr, carries the Toggl
 * token, the HTTP API key, or their Basic-auth forms.
 */
class NoSecretsInOutputTest {
  private static final String TOKEN = "toggl-token-5f3a9c0e7b2d4816";
  private static final String KEY = "http-key-9d8c7b6a5f4e3d2c1b0a";
  private static final Pattern SERVING =
      Pattern.compile("serving MCP at http://127\\.0\\.0\\.1:(\\d+)/mcp");
  private static final String CALLS =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n"
          + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
          + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"get_current_user\",\"arguments\":{}}}\n"
          + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"list_workspaces\",\"arguments\":{}}}\n"
          + "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"get_time_summary\",\"arguments\":{\"period\":\"last_year\"}}}\n"
          + "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"get_time_entry_details\",\"arguments\":{\"time_entry_id\":12345}}}\n"
          + "not json at all\n";

  static Stream<Arguments> levels() {
    return Stream.of("error", "warn", "info", "debug")
        .flatMap(level -> Stream.of(Arguments.of(level, null), Arguments.of(level, level)));
  }

  @ParameterizedTest(name = "LOG_LEVEL={0}, LOG_LEVEL_LIBRARIES={1}")
  @MethodSource("levels")
  @Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void noCommandPrintsASecretAtAnyLevel(String level, String libraries) throws Exception {
    SimulatorOptions d = SimulatorOptions.defaults();
    SimulatorOptions options =
        new SimulatorOptions(
            d.seed(),
            500,
            d.projectCount(),
            d.timezone(),
            TOKEN,
            100_000,
            100_000,
            false,
            d.reportsPageSize(),
            d.oversizedPage(),
            d.stallCap());
    try (SimulatedWorld sim = new SimulatedWorld(options)) {
      Map<String, String> env =
          Map.of(
              "TOGGL_API_TOKEN",
              TOKEN,
              "TOGGL_API_BASE_URL",
              sim.simulator.baseUrl().toString(),
              "TOGGL_CACHE_DIR",
              "off",
              "MCP_API_KEY",
              KEY,
              "LOG_LEVEL",
              level,
              "LOG_LEVEL_LIBRARIES",
              libraries == null ? "" : libraries);
      // the six processes run side by side: each is independent, and the simulator serves them all
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(6);
      Map<String, java.util.concurrent.Future<String>> running = new java.util.LinkedHashMap<>();
      running.put("stdio", pool.submit(() -> stdio(env, "stdio")));
      running.put(
          "demo --stdio",
          pool.submit(
              () ->
                  stdio(
                      env,
                      "demo",
                      "--stdio",
                      "--entries",
                      "500",
                      "--at",
                      SimulatedWorld.NOW.toString())));
      running.put("http", pool.submit(() -> http(env)));
      running.put("check", pool.submit(() -> run(env, "check")));
      running.put("call", pool.submit(() -> run(env, "call", "list_workspaces")));
      running.put(
          "demo",
          pool.submit(
              () -> run(env, "demo", "--entries", "500", "--at", SimulatedWorld.NOW.toString())));
      Map<String, String> printed = new java.util.LinkedHashMap<>();
      try {
        for (Map.Entry<String, java.util.concurrent.Future<String>> e : running.entrySet()) {
          printed.put(e.getKey(), e.getValue().get());
        }
      } finally {
        pool.shutdownNow();
      }

      printed.forEach(
          (command, text) -> {
            assertThat(text)
                .as(command)
                .doesNotContain(TOKEN)
                .doesNotContain(basic(TOKEN))
                .doesNotContain(SimulatorOptions.DEFAULT_TOKEN)
                .doesNotContain(basic(SimulatorOptions.DEFAULT_TOKEN))
                .doesNotContain(KEY)
                .doesNotContain(Base64.getEncoder().encodeToString(KEY.getBytes()))
                .doesNotContain("api_token")
                .doesNotContain("ws-secret-")
                .doesNotContain("intercom");
            if (libraries == null) {
              assertThat(text).as(command).doesNotContain("Authorization");
            }
          });
      assertThat(printed.get("stdio")).contains("\"id\":5"); // every call was answered
      assertThat(printed.get("demo"))
          .containsPattern("Toggl API requests for all \\d+ questions"); // the tour ran to its end
      if (level.equals("debug")) {
        assertThat(printed.get("stdio")).contains("/api/v9/me"); // debug really logs each request
      }
      if ("debug".equals(libraries)) {
        // Jetty really printed the headers, masked
        assertThat(printed.get("http")).contains("Bearer ****").contains("X-API-Key: ****");
      }
    }
  }

  /** What {@code base64(token:api_token)}, Toggl's Basic auth, looks like. */
  private static String basic(String token) {
    return Base64.getEncoder()
        .encodeToString((token + ":api_token").getBytes(StandardCharsets.UTF_8));
  }

  private static ProcessBuilder process(Map<String, String> env, String... args) {
    ProcessBuilder pb = ServerProcess.builder(args);
    pb.environment().putAll(env);
    return pb;
  }

  private static String run(Map<String, String> env, String... args) throws Exception {
    Process p = process(env, args).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return printed;
  }

  /** Sends the calls, waits for the last answer, then closes stdin (EOF ends the server). */
  private static String stdio(Map<String, String> env, String... args) throws Exception {
    Process p = process(env, args).redirectErrorStream(true).start();
    Output out = new Output(p.getInputStream());
    OutputStream in = p.getOutputStream();
    in.write(CALLS.getBytes(StandardCharsets.UTF_8));
    in.flush();
    out.await("\"id\":5");
    in.close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out.all();
  }

  /** The http command, used with the key in both headers, a wrong key, tools; then SIGTERM. */
  private static String http(Map<String, String> env) throws Exception {
    Map<String, String> withPort = new java.util.HashMap<>(env);
    withPort.put("PORT", "0");
    Process p = process(withPort, "http").start();
    Output out = new Output(p.getInputStream());
    Output err = new Output(p.getErrorStream());
    int port = err.awaitPort();
    try {
      McpSyncClient client =
          McpClient.sync(
                  HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                      .endpoint("/mcp")
                      .httpRequestCustomizer(
                          (b, m, u, body, ctx) -> b.header("Authorization", "Bearer " + KEY))
                      .build())
              .requestTimeout(Duration.ofSeconds(60))
              .build();
      client.initialize();
      for (String tool : List.of("get_current_user", "list_workspaces", "get_current_time_entry")) {
        assertThat(client.callTool(new McpSchema.CallToolRequest(tool, Map.of())).isError())
            .as(tool)
            .isFalse();
      }
      client.closeGracefully();
      HttpClient raw = HttpClient.newHttpClient();
      for (String[] header :
          List.of(
              new String[] {"X-API-Key", KEY},
              new String[] {"Authorization", "Bearer wrong-key-0123456789abcdef"})) {
        raw.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                .header(header[0], header[1])
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
      }
    } finally {
      p.destroy(); // SIGTERM
    }
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out.all() + err.all();
  }

  /** Everything a process prints on one stream, read by a daemon thread. */
  private static final class Output {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Thread reader;

    Output(InputStream in) {
      reader =
          new Thread(
              () -> {
                byte[] buffer = new byte[8192];
                try {
                  for (int n; (n = in.read(buffer)) != -1; ) {
                    synchronized (bytes) {
                      bytes.write(buffer, 0, n);
                    }
                  }
                } catch (IOException ended) {
                  // the process is gone
                }
              });
      reader.setDaemon(true);
      reader.start();
    }

    int awaitPort() throws InterruptedException {
      Matcher m = SERVING.matcher(await("Ctrl-C to stop"));
      assertThat(m.find()).as("the http command says where it serves").isTrue();
      return Integer.parseInt(m.group(1));
    }

    /** Everything printed so far, once it contains {@code expected} (two minutes at most). */
    String await(String expected) throws InterruptedException {
      for (int i = 0; i < 1200; i++) {
        String text = text();
        if (text.contains(expected) || !reader.isAlive()) {
          return text;
        }
        Thread.sleep(100); // polling the child's output, not waiting on a limiter or a clock
      }
      return text();
    }

    String all() throws InterruptedException {
      reader.join(30_000);
      return text();
    }

    private String text() {
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
