package dev.toggltrackmcp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.mcp.McpService;
import dev.toggltrackmcp.mcp.TogglTools;
import dev.toggltrackmcp.mcp.ToolRegistry;
import dev.toggltrackmcp.testing.ServerProcess;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stdio server answers a waiting {@code initialize} before it assembles the service; the answer
 * must be the one the SDK gives, and the SDK's own answer must never reach the client.
 */
class EarlyInitializeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static McpService service(boolean writes) {
    return new TogglTools(new ToolRegistry(null, null, Clock.systemUTC(), null), writes, "9.9.9");
  }

  private static String initialize(Object id, String version) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + (id instanceof String s ? "\"" + s + "\"" : id)
        + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
        + version
        + "\",\"capabilities\":{\"roots\":{\"listChanged\":true}},"
        + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
  }

  /** What the client reads; {@code early} false hides the waiting input, as a slow client would. */
  private static List<JsonNode> serve(
      McpService service, boolean early, AtomicBoolean answeredFirst, String... lines)
      throws IOException {
    byte[] input = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    InputStream in =
        early
            ? new ByteArrayInputStream(input)
            : new ByteArrayInputStream(input) {
              @Override
              public synchronized int available() {
                return 0;
              }
            };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StdioServer.run(
        service.introduction(),
        () -> {
          answeredFirst.set(out.size() > 0);
          return service;
        },
        in,
        out);
    List<JsonNode> answers = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        answers.add(JSON.readTree(line));
      }
    }
    return answers;
  }

  static Stream<Arguments> requests() {
    List<Arguments> all = new ArrayList<>();
    for (String version : List.of("2025-06-18", "2025-11-25", "2024-11-05", "2099-01-01")) {
      for (Object id : List.<Object>of(1, "init-7", 9_007_199_254_740_993L)) {
        for (boolean writes : List.of(false, true)) {
          all.add(Arguments.of(version, id, writes));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}, id {1}, writes {2}")
  @MethodSource("requests")
  void theEarlyAnswerIsTheSdksAnswer(String version, Object id, boolean writes) throws IOException {
    AtomicBoolean early = new AtomicBoolean();
    List<JsonNode> sent = serve(service(writes), true, early, initialize(id, version));
    AtomicBoolean late = new AtomicBoolean();
    List<JsonNode> sdk = serve(service(writes), false, late, initialize(id, version));

    assertThat(early).as("answered before the service was assembled").isTrue();
    assertThat(late).as("a client that has not written yet waits for the SDK").isFalse();
    assertThat(sent).hasSize(1);
    assertThat(sdk).hasSize(1);
    assertThat(sent.get(0)).isEqualTo(sdk.get(0));
    assertThat(sent.get(0).get("id")).isEqualTo(JSON.valueToTree(id));
    assertThat(sent.get(0).at("/result/protocolVersion").asText())
        .isEqualTo(version.startsWith("2025") ? version : "2025-11-25");
  }

  @Test
  void theSessionGoesOnAsAfterAnyInitializeAndTheSdksOwnAnswerStaysInside() throws IOException {
    AtomicBoolean early = new AtomicBoolean();
    List<JsonNode> answers =
        serve(
            service(false),
            true,
            early,
            initialize(1, "2025-06-18"),
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"prompts/list\"}");

    assertThat(early).isTrue();
    assertThat(answers).extracting(a -> a.get("id").asText()).containsExactly("1", "2", "3");
    assertThat(answers.get(1).at("/result/tools")).hasSize(16);
    assertThat(answers.get(2).at("/result/prompts")).hasSize(4);
    assertThat(answers.toString()).doesNotContain(EarlyInitialize.SDK_ID);
  }

  private static final String INITIALIZED =
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

  @ParameterizedTest(name = "writes {0}")
  @ValueSource(booleans = {false, true})
  void theEarlyToolListIsTheSdksToolList(boolean writes) throws IOException {
    String[] session = {
      initialize(1, "2025-11-25"),
      INITIALIZED,
      "{\"jsonrpc\":\"2.0\",\"id\":\"t\",\"method\":\"tools/list\"}"
    };
    List<JsonNode> sent = serve(service(writes), true, new AtomicBoolean(), session);
    List<JsonNode> sdk = serve(service(writes), false, new AtomicBoolean(), session);

    assertThat(sent).hasSize(2);
    assertThat(sent).isEqualTo(sdk);
    assertThat(sent.get(1).get("id").asText()).isEqualTo("t");
    assertThat(sent.get(1).at("/result/tools")).hasSize(writes ? 25 : 16);
    assertThat(sent.toString())
        .doesNotContain(EarlyToolList.SDK_ID)
        .doesNotContain(EarlyInitialize.SDK_ID);
  }

  @Test
  void whatComesBeforeTheToolListIsAnsweredToo() throws IOException {
    String[] session = {
      initialize(1, "2025-06-18"),
      INITIALIZED,
      "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"prompts/list\"}",
      "not json",
      "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\",\"params\":{\"cursor\":\"x\"}}",
      "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/list\",\"params\":{}}",
      "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"resources/list\"}"
    };
    List<JsonNode> sent = serve(service(false), true, new AtomicBoolean(), session);
    List<JsonNode> sdk = serve(service(false), false, new AtomicBoolean(), session);

    assertThat(sent)
        .extracting(a -> a.path("id").asText())
        .containsExactlyInAnyOrder("1", "2", "null", "3", "4", "5");
    assertThat(sent).containsExactlyInAnyOrderElementsOf(sdk);
    assertThat(byId(sent, "4").at("/result/tools")).hasSize(16);
  }

  static Stream<Arguments> valuesTheSdkWritesItsOwnWay() {
    Map<String, Object> withNull = new LinkedHashMap<>();
    withNull.put("type", "object");
    withNull.put("default", null);
    return Stream.of(
        Arguments.of("a null", withNull),
        Arguments.of("a float", Map.of("type", "number", "maximum", 1.5f)),
        Arguments.of("a non-text key", Map.of("type", "object", "x", Map.of(1, "one"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valuesTheSdkWritesItsOwnWay")
  void aToolListHoldingOtherValuesIsLeftToTheSdk(String what, Map<String, Object> schema)
      throws IOException {
    McpService odd =
        new McpService() {
          @Override
          public dev.toggltrackmcp.mcp.Introduction introduction() {
            return service(false).introduction();
          }

          @Override
          public List<SyncToolSpecification> tools() {
            return List.of(
                SyncToolSpecification.builder()
                    .tool(McpSchema.Tool.builder().name("odd").inputSchema(schema).build())
                    .callHandler((exchange, request) -> null)
                    .build());
          }
        };
    String toolsList = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    EarlyAnswer answer =
        EarlyToolList.answer(
            (JsonRpcCheck.Passed) JsonRpcCheck.check(toolsList),
            odd,
            new StdioServer.LineWriter(out));

    assertThat(answer).isNull();
    assertThat(out.size()).as("nothing written").isZero();
    String[] session = {initialize(1, "2025-11-25"), INITIALIZED, toolsList};
    assertThat(serve(odd, true, new AtomicBoolean(), session))
        .isEqualTo(serve(odd, false, new AtomicBoolean(), session));
  }

  private static JsonNode byId(List<JsonNode> answers, String id) {
    return answers.stream().filter(a -> a.path("id").asText().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void aFirstMessageOtherThanInitializeIsLeftToTheSdk() throws IOException {
    AtomicBoolean early = new AtomicBoolean();
    List<JsonNode> answers =
        serve(
            service(false),
            true,
            early,
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":"
                + "{\"requestId\":99}}",
            initialize(1, "2025-06-18"));
    List<JsonNode> reference =
        serve(service(false), true, new AtomicBoolean(), initialize(1, "2025-06-18"));

    assertThat(early).as("nothing was answered before the assembly").isFalse();
    assertThat(answers).containsExactly(reference.get(0));
  }

  @Test
  void theVersionsNamedForTheEarlyAnswerAreTheSdkTransportsOwn() {
    StdioServerTransportProvider sdk =
        new StdioServerTransportProvider(
            McpServers.JSON,
            new ByteArrayInputStream(new byte[0]),
            new ByteArrayOutputStream(),
            StdioServer.LONGEST_LINE);
    assertThat(OfferedVersions.STDIO_SDK).containsExactlyElementsOf(sdk.protocolVersions());
  }

  /**
   * Counted, not timed: in a fresh process (classes load as first used), the class-load log on the
   * same stdout as the answers shows Jackson's ObjectMapper, whose first set-up costs a start about
   * 45 ms, loaded only after the initialize answer was written, while the server was assembled; and
   * the SDK server built only after the tool list was answered.
   */
  @Test
  void theEarlyAnswersWaitForNeitherAnObjectMapperNorTheSdkServer(@TempDir Path dir)
      throws Exception {
    Path input = dir.resolve("stdin.jsonl");
    Files.writeString(
        input,
        String.join(
            "\n",
            initialize(1, "2025-06-18"),
            INITIALIZED,
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
            ""));
    List<String> command = new ArrayList<>();
    command.add(ServerProcess.java());
    command.add("-Xlog:class+load=info:stdout:none");
    command.addAll(ServerProcess.arguments(List.of("stdio")));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectInput(input.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("TOGGL_API_TOKEN", "early-initialize-test-token");
    builder.environment().put("TOGGL_API_BASE_URL", "http://127.0.0.1:9/api/v9");
    builder.environment().put("TOGGL_CACHE_DIR", "off");
    Process process = builder.start();
    List<String> lines;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      lines = out.lines().toList();
    } finally {
      process.destroy();
    }
    int answer = indexOf(lines, "{\"jsonrpc\"");
    int mapper = indexOf(lines, "com.fasterxml.jackson.databind.ObjectMapper ");
    int toolList = indexOf(lines, "{\"jsonrpc\":\"2.0\",\"id\":2,");
    int sdkServer = indexOf(lines, "io.modelcontextprotocol.server.McpAsyncServer ");

    assertThat(answer).as("the initialize answer").isNotNegative();
    assertThat(JSON.readTree(lines.get(answer)).at("/result/serverInfo/name").asText())
        .isEqualTo("toggl-track-mcp");
    assertThat(mapper).as("ObjectMapper loaded (by the assembly)").isNotNegative();
    assertThat(mapper).as("ObjectMapper loaded after the answer").isGreaterThan(answer);
    assertThat(JSON.readTree(lines.get(toolList)).at("/result/tools")).hasSize(16);
    assertThat(sdkServer).as("the SDK server built (after the tool list)").isGreaterThan(toolList);
  }

  private static int indexOf(List<String> lines, String start) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(start)) {
        return i;
      }
    }
    return -1;
  }
}
