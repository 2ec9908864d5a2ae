package dev.toggltrackmcp.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.sandbox.SimulatorOptions;
import dev.toggltrackmcp.testing.ServerProcess;
import dev.toggltrackmcp.testing.SimulatedWorld;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A client that goes away mid-conversation costs the log at most a line, never a stack trace. */
class ClientGoesAwayTest {
  private static final String INIT =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

  @TempDir Path directory;

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void stdoutClosedByTheClient() throws Exception {
    Path err = directory.resolve("stderr.txt");
    Process p =
        ServerProcess.builder(
                "demo", "--stdio", "--entries", "200", "--at", SimulatedWorld.NOW.toString())
            .redirectError(err.toFile())
            .start();
    OutputStream in = p.getOutputStream();
    in.write((INIT + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    assertThat(out.readLine()).contains("\"result\"");
    out.close(); // like `| head -c 100`: the client stops reading
    StringBuilder more = new StringBuilder();
    more.append("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n");
    for (int id = 2; id <= 4; id++) {
      more.append("{\"jsonrpc\":\"2.0\",\"id\":")
          .append(id)
          .append(
              ",\"method\":\"tools/call\",\"params\":{\"name\":\"list_tags\",\"arguments\":{}}}\n");
    }
    in.write(more.toString().getBytes(StandardCharsets.UTF_8));
    in.close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exits after stdin EOF").isTrue();
    String log = Files.readString(err);
    assertThat(log).doesNotContain("\tat ").doesNotContain("Broken pipe").doesNotContain("ERROR");
  }

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void httpClientsThatHangUpMidRequest() throws Exception {
    Path err = directory.resolve("stderr.txt");
    // the child runs on the real clock and this simulator on a manual one: no quota to wait for
    try (SimulatedWorld sim =
        new SimulatedWorld(
            SimulatorOptions.defaults().withQuotas(100_000, 100_000).withBurstLimit(false))) {
      ProcessBuilder pb = ServerProcess.builder("http").redirectError(err.toFile());
      pb.environment().put("TOGGL_API_TOKEN", sim.simulator.token());
      pb.environment().put("TOGGL_API_BASE_URL", sim.simulator.baseUrl().toString());
      pb.environment().put("TOGGL_CACHE_DIR", "off");
      pb.environment().put("PORT", "0");
      Process p = pb.start();
      try {
        int port = awaitPort(err);
        String session = initialize(port);
        for (int i = 0; i < 20; i++) {
          String call =
              "{\"jsonrpc\":\"2.0\",\"id\":"
                  + i
                  + ",\"method\":\"tools/call\",\"params\":{\"name\":\"get_time_summary\","
                  + "\"arguments\":{\"period\":\"this_year\"}}}";
          try (Socket s = new Socket("127.0.0.1", port)) {
            s.getOutputStream().write(post(session, call).getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
          } // hung up before the answer
          try (Socket s = new Socket("127.0.0.1", port)) { // a listening stream, dropped
            s.getOutputStream()
                .write(
                    ("GET /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                            + "Mcp-Session-Id: "
                            + session
                            + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
          }
        }
        // still serving: a new session gets the same answer the others hung up on, by which time
        // the server has written (or tried to write) theirs
        String answer = call(port, initialize(port));
        assertThat(answer).contains("\"result\"").contains("Total");
      } finally {
        p.destroy();
      }
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    String log = Files.readString(err);
    assertThat(log).doesNotContain("\tat ").doesNotContain("ERROR");
  }

  private static String post(String session, String body) {
    return "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Accept: application/json, text/event-stream\r\n"
        + (session == null ? "" : "Mcp-Session-Id: " + session + "\r\n")
        + "Content-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\nConnection: close\r\n\r\n"
        + body;
  }

  private static String call(int port, String session) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(60_000);
      String call =
          "{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"tools/call\",\"params\":{\"name\":"
              + "\"get_time_summary\",\"arguments\":{\"period\":\"this_year\"}}}";
      s.getOutputStream().write(post(session, call).getBytes(StandardCharsets.UTF_8));
      // the answer is an event stream the SDK keeps alive: read until the answer is in
      StringBuilder answer = new StringBuilder();
      byte[] buffer = new byte[8192];
      for (int n;
          !answer.toString().contains("\"id\":99")
              && (n = s.getInputStream().read(buffer)) != -1; ) {
        answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
      }
      return answer.toString();
    }
  }

  private static String initialize(int port) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(60_000);
      s.getOutputStream().write(post(null, INIT).getBytes(StandardCharsets.UTF_8));
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      Matcher m = Pattern.compile("(?i)Mcp-Session-Id: (\\S+)").matcher(answer);
      assertThat(m.find()).as(answer).isTrue();
      String session = m.group(1);
      try (Socket n = new Socket("127.0.0.1", port)) {
        n.setSoTimeout(60_000);
        String initialized = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
        n.getOutputStream().write(post(session, initialized).getBytes(StandardCharsets.UTF_8));
        assertThat(new String(n.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
            .startsWith("HTTP/1.1 202");
      }
      return session;
    }
  }

  private static int awaitPort(Path err) throws Exception {
    Pattern serving = Pattern.compile("serving MCP at http://127\\.0\\.0\\.1:(\\d+)/mcp");
    for (int i = 0; i < 600; i++) {
      Matcher m = serving.matcher(Files.exists(err) ? Files.readString(err) : "");
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      Thread.sleep(100); // polling the child's log for its port, not waiting on a clock
    }
    throw new AssertionError("the http command never said where it serves");
  }
}
