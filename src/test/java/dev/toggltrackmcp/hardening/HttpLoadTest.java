package dev.toggltrackmcp.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.bench.LoadBench;
import dev.toggltrackmcp.testing.SimulatedWorld;
import dev.toggltrackmcp.transport.HttpServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A small load run in every build (10 sessions, 500 calls); the full one (50 sessions, 10,000
 * calls) is {@code bin/bench load}. And slow clients: hundreds of connections that trickle or idle
 * must not starve the others. Counts and outcomes only: no timing is asserted.
 */
class HttpLoadTest {
  private static final String KEY = "load-key-0123456789abcdef";

  /** Each kind of slow client, this many times: 3 × 100 = 300 connections. */
  private static final int EACH = 100;

  @Test
  void concurrentSessionsAllSucceed() throws Exception {
    try (SimulatedWorld sim = new SimulatedWorld()) {
      try (HttpServer http = sim.serveHttp(sim.settings().onLoopbackFreePort())) {
        LoadBench.Round r = LoadBench.round(http.port(), 10, 500);
        assertThat(r.calls()).isEqualTo(500);
        assertThat(r.failures()).isZero();
        assertThat(sim.simulator.requests().nonGetV9()).isZero();
      }
    }
  }

  /**
   * 100 unauthenticated clients announcing a 4 MB body and trickling it a byte every 2 s (below the
   * idle timeout, as the attack in the review did), 100 authenticated ones trickling a body the
   * same way, and 100 that send half a request line and go quiet; meanwhile {@code /health} and a
   * tool call still answer. The unauthenticated ones are refused on their headers and their
   * connection closed, without the server waiting for their bodies.
   */
  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void threeHundredSlowConnectionsStarveNeitherHealthNorAToolCall() throws Exception {
    // limits far beyond the test's length: every slow client is still trickling at the end
    HttpServer.Limits patient = new HttpServer.Limits(Duration.ofMinutes(5), Duration.ofMinutes(5));
    try (SimulatedWorld sim = new SimulatedWorld();
        HttpServer http = sim.serveHttp(sim.settingsWithKey(KEY), patient)) {
      int port = http.port();
      List<Socket> unauthenticated = new ArrayList<>();
      List<Trickle> trickling = new ArrayList<>();
      List<Socket> idle = new ArrayList<>();
      Thread trickler = null;
      try {
        for (int i = 0; i < EACH; i++) {
          unauthenticated.add(open(port, post("Content-Length: 4000000\r\n") + "{"));
          trickling.add(new Trickle(port));
          idle.add(open(port, "POST /mc"));
        }
        trickler = trickle(unauthenticated, trickling);

        HttpClient raw = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> health =
            raw.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(60))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"ok\"");

        McpSyncClient client =
            McpClient.sync(
                    HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                        .endpoint("/mcp")
                        .httpRequestCustomizer(
                            (b, method, uri, body, context) ->
                                b.header("Authorization", "Bearer " + KEY))
                        .build())
                .requestTimeout(Duration.ofSeconds(60))
                .build();
        client.initialize();
        McpSchema.CallToolResult result =
            client.callTool(new McpSchema.CallToolRequest("list_workspaces", Map.of()));
        assertThat(result.isError()).isFalse();
        client.closeGracefully();

        trickler.interrupt();
        trickler.join();
        // refused on the headers and closed; 4,000,000 bytes announced, a few sent, none awaited
        for (Socket s : unauthenticated) {
          String answer = readToEnd(s);
          assertThat(answer).startsWith("HTTP/1.1 401").contains("Connection: close");
        }
        // the trickling ones were still being read, not lost: the rest of the body is answered
        for (Trickle t : trickling.subList(0, 5)) {
          assertThat(t.finish()).startsWith("HTTP/1.1 ");
        }
      } finally {
        if (trickler != null) {
          trickler.interrupt();
        }
        for (Socket s : unauthenticated) {
          s.close();
        }
        for (Trickle t : trickling) {
          t.socket.close();
        }
        for (Socket s : idle) {
          s.close();
        }
      }
    }
  }

  /** An authenticated request whose body (a ping with padding) arrives a byte at a time. */
  private static final class Trickle {
    private static final String PREFIX =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"";
    private static final String SUFFIX = "\"}}";
    private static final int PAD = 1000;
    final Socket socket;
    private int padded;

    Trickle(int port) throws IOException {
      socket =
          open(
              port,
              post(
                      "Authorization: Bearer "
                          + KEY
                          + "\r\nContent-Length: "
                          + (PREFIX.length() + PAD + SUFFIX.length())
                          + "\r\n")
                  + PREFIX);
    }

    void oneMore() throws IOException {
      if (padded < PAD) {
        socket.getOutputStream().write('x');
        socket.getOutputStream().flush();
        padded++;
      }
    }

    /** Sends the rest of the body and returns the status line of the answer. */
    String finish() throws IOException {
      String rest = "x".repeat(PAD - padded) + SUFFIX;
      socket.getOutputStream().write(rest.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return firstLine(socket);
    }
  }

  /** Sends one more byte on every slow connection every 2 s, until interrupted. */
  private static Thread trickle(List<Socket> unauthenticated, List<Trickle> trickling) {
    Thread t =
        new Thread(
            () -> {
              try {
                while (!Thread.currentThread().isInterrupted()) {
                  Thread.sleep(2000); // the attacker's pace: below the idle timeout
                  for (Socket s : unauthenticated) {
                    if (s.getInputStream().available() == 0) { // not refused yet: go on
                      s.getOutputStream().write(' ');
                    }
                  }
                  for (Trickle tr : trickling) {
                    tr.oneMore();
                  }
                }
              } catch (InterruptedException | IOException stop) {
                // the test is over
              }
            },
            "trickler");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** A body still incomplete after the limit gets 408 and a closed connection. */
  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aBodyTooSlowToArriveIsRefusedAndTheConnectionClosed() throws Exception {
    HttpServer.Limits hasty = new HttpServer.Limits(Duration.ofSeconds(1), Duration.ofMinutes(5));
    try (SimulatedWorld sim = new SimulatedWorld();
        HttpServer http = sim.serveHttp(sim.settingsWithKey(KEY), hasty);
        Socket s =
            open(
                http.port(),
                post("Authorization: Bearer " + KEY + "\r\nContent-Length: 100\r\n") + "{")) {
      String answer = readToEnd(s);
      assertThat(answer)
          .startsWith("HTTP/1.1 408")
          .contains("Connection: close")
          .contains("too_slow");
    }
  }

  private static String post(String headers) {
    return "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Accept: application/json, text/event-stream\r\n"
        + headers
        + "\r\n";
  }

  private static Socket open(int port, String firstBytes) throws IOException {
    Socket s = new Socket("127.0.0.1", port);
    s.setSoTimeout(60_000);
    OutputStream out = s.getOutputStream();
    out.write(firstBytes.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return s;
  }

  private static String readToEnd(Socket s) throws IOException {
    return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  private static String firstLine(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    StringBuilder line = new StringBuilder();
    for (int b; (b = in.read()) != -1 && b != '\n'; ) {
      line.append((char) b);
    }
    return line.toString();
  }
}
