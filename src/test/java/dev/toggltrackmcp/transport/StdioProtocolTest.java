package dev.toggltrackmcp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.testing.InvalidMessages;
import dev.toggltrackmcp.testing.ServerProcess;
import dev.toggltrackmcp.testing.SimulatedWorld;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The stdio server as a real child process, fed by hand: garbage, floods, and EOF. */
class StdioProtocolTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INIT =
      "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

  @Test
  void survivesGarbageAnswersEveryRequestAndExitsOnEof() throws Exception {
    Process p =
        ServerProcess.builder("demo", "--stdio", "--at", SimulatedWorld.NOW.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    OutputStream in = p.getOutputStream();
    StringBuilder script = new StringBuilder();
    script.append("this is not json\n");
    script.append("[1,2,3]\n");
    script
        .append("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\",\"pad\":\"")
        .append("x".repeat(5 * 1024 * 1024))
        .append("\"}\n"); // over the 4 MiB line limit
    script.append("{\"jsonrpc\":\"2.0\",\"id\":\"early\",\"method\":\"tools/list\"}\n");
    script.append(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n");
    script.append("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n");
    script.append("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"no/such/method\"}\n");
    for (int i = 0; i < 50; i++) {
      script.append(
          "{\"jsonrpc\":\"2.0\",\"id\":"
              + (100 + i)
              + ",\"method\":\"tools/call\",\"params\":{\"name\":\"list_tags\",\"arguments\":{}}}\n");
    }
    script.append(
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"list_time_entries\",\"arguments\":{\"limit\":-1}}}\n");
    in.write(script.toString().getBytes(StandardCharsets.UTF_8));
    in.flush();

    List<JsonNode> lines = new ArrayList<>();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    java.util.concurrent.BlockingQueue<String> received =
        new java.util.concurrent.LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                for (String line; (line = out.readLine()) != null; ) {
                  received.add(line);
                }
              } catch (java.io.IOException ignored) {
                // the process ended
              }
            });
    reader.setDaemon(true);
    reader.start();
    // every request with an id is answered (a request sent before initialize may or may not be:
    // the protocol leaves that to the server), plus one parse error per garbage line
    java.util.Set<String> owed = new java.util.HashSet<>(List.of("1", "2", "3"));
    for (int i = 0; i < 50; i++) {
      owed.add(Integer.toString(100 + i));
    }
    while (!owed.isEmpty()) {
      String line = received.poll(60, TimeUnit.SECONDS);
      assertThat(line).as("answers still owed: " + owed).isNotNull();
      JsonNode node = JSON.readTree(line); // every stdout line is JSON
      lines.add(node);
      owed.remove(node.path("id").asText());
    }
    in.close(); // EOF
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("exits after stdin EOF").isTrue();

    assertThat(lines).allSatisfy(l -> assertThat(l.path("jsonrpc").asText()).isEqualTo("2.0"));
    assertThat(lines.stream().filter(l -> l.path("error").path("code").asInt() == -32700))
        .hasSize(2); // not JSON, and too long
    assertThat(lines.stream().filter(l -> l.path("error").path("code").asInt() == -32600))
        .hasSize(1); // [1,2,3]: a batch
    assertThat(lines.toString()).contains("larger than");
    assertThat(lines.stream().filter(l -> l.path("id").asInt() >= 100 && l.has("result")))
        .hasSize(50);
    JsonNode bad = lines.stream().filter(l -> l.path("id").asInt() == 3).findFirst().orElseThrow();
    assertThat(bad.path("result").path("isError").asBoolean()).isTrue();
    assertThat(bad.toString()).contains("limit");
    JsonNode unknown =
        lines.stream().filter(l -> l.path("id").asInt() == 2).findFirst().orElseThrow();
    assertThat(unknown.path("error").path("code").asInt()).isEqualTo(-32601);
  }

  @Test
  @Timeout(120)
  void everyMalformedMessageGetsAnErrorAndTheServerKeepsServing() throws Exception {
    java.io.File stderr = java.io.File.createTempFile("stdio-err", ".txt");
    stderr.deleteOnExit();
    Process p =
        ServerProcess.builder("demo", "--stdio", "--at", SimulatedWorld.NOW.toString())
            .redirectError(stderr)
            .start();
    StringBuilder script = new StringBuilder();
    // 2024-11-05 allowed batches, which are not served: the newest version is offered instead
    script.append(INIT.replace("2025-06-18", "2024-11-05")).append("\n");
    script.append("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n");
    List<InvalidMessages.Case> cases = InvalidMessages.all();
    for (int i = 0; i < cases.size(); i++) {
      script.append(cases.get(i).line()).append("\n");
      script.append("{\"jsonrpc\":\"2.0\",\"id\":\"after-" + i + "\",\"method\":\"ping\"}\n");
    }
    OutputStream in = p.getOutputStream();
    in.write(script.toString().getBytes(StandardCharsets.UTF_8));
    in.flush();

    java.util.concurrent.BlockingQueue<String> received = linesOf(p);
    java.util.Map<String, JsonNode> byId = new java.util.HashMap<>();
    List<JsonNode> nullIdErrors = new ArrayList<>();
    int expectedLines = 1 + 2 * cases.size(); // initialize, then an error and a pong per case
    try {
      for (int n = 0; n < expectedLines; n++) {
        String line = received.poll(30, TimeUnit.SECONDS);
        assertThat(line)
            .as("line %d of %d; the server stopped answering", n, expectedLines)
            .isNotNull();
        JsonNode node = JSON.readTree(line);
        if (node.path("id").isNull()) {
          nullIdErrors.add(node);
        } else {
          byId.put(node.path("id").asText(), node);
        }
      }
    } finally {
      p.destroy();
    }
    assertThat(byId.get("0").path("result").path("protocolVersion").asText())
        .isEqualTo("2025-11-25");
    for (int i = 0; i < cases.size(); i++) {
      assertThat(byId.get("after-" + i)).as("ping after " + cases.get(i)).isNotNull();
      assertThat(byId.get("after-" + i).has("result")).isTrue();
    }
    java.util.Map<Integer, Long> nullIdCodes = new java.util.HashMap<>();
    for (InvalidMessages.Case c : cases) {
      if (c.id() == null) {
        nullIdCodes.merge(c.code(), 1L, Long::sum);
      } else {
        JsonNode error = byId.get(c.id());
        assertThat(error).as(c.name()).isNotNull();
        assertThat(error.path("error").path("code").asInt()).as(c.name()).isEqualTo(c.code());
      }
    }
    assertThat(
            nullIdErrors.stream()
                .collect(
                    java.util.stream.Collectors.groupingBy(
                        e -> e.path("error").path("code").asInt(),
                        java.util.stream.Collectors.counting())))
        .isEqualTo(nullIdCodes);
    String everything = byId.values() + nullIdErrors.toString();
    assertThat(everything)
        .doesNotContain("java.")
        .doesNotContain("Exception")
        .doesNotContain("McpSchema");
    String log = java.nio.file.Files.readString(stderr.toPath());
    assertThat(log).doesNotContain("\tat ").doesNotContain("Exception");
  }

  /** Every line the process prints on stdout, read by a daemon thread, so waiting can time out. */
  private static java.util.concurrent.BlockingQueue<String> linesOf(Process p) {
    java.util.concurrent.BlockingQueue<String> received =
        new java.util.concurrent.LinkedBlockingQueue<>();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    Thread reader =
        new Thread(
            () -> {
              try {
                for (String line; (line = out.readLine()) != null; ) {
                  received.add(line);
                }
              } catch (java.io.IOException ignored) {
                // the process ended
              }
            });
    reader.setDaemon(true);
    reader.start();
    return received;
  }

  @Test
  void sigtermEndsTheServerPromptly() throws Exception {
    Process p =
        ServerProcess.builder("demo", "--stdio", "--at", SimulatedWorld.NOW.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    OutputStream in = p.getOutputStream();
    in.write(
        ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n")
            .getBytes(StandardCharsets.UTF_8));
    in.flush();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    assertThat(JSON.readTree(out.readLine()).has("result")).isTrue();
    p.destroy(); // SIGTERM, stdin still open
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("exits on SIGTERM").isTrue();
  }
}
