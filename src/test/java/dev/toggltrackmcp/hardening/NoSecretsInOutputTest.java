package dev.toggltrackmcp.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.sandbox.SimulatorOptions;
import dev.toggltrackmcp.testing.ServerProcess;
import dev.toggltrackmcp.testing.SimulatedWorld;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** At every LOG_LEVEL, nothing a process prints — stdout or stderr — carries a secret. */
class NoSecretsInOutputTest {
  private static final String CALLS =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n"
          + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
          + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"get_current_user\",\"arguments\":{}}}\n"
          + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"list_workspaces\",\"arguments\":{}}}\n"
          + "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"get_time_summary\",\"arguments\":{\"period\":\"last_year\"}}}\n"
          + "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"get_time_entry_details\",\"arguments\":{\"time_entry_id\":12345}}}\n"
          + "not json at all\n";

  @ParameterizedTest
  @ValueSource(strings = {"error", "warn", "info", "debug"})
  void noTokenInAnythingPrinted(String level) throws Exception {
    ProcessBuilder pb =
        ServerProcess.builder("demo", "--stdio", "--at", SimulatedWorld.NOW.toString())
            .redirectErrorStream(true);
    pb.environment().put("LOG_LEVEL", level);
    Process p = pb.start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(CALLS.getBytes(StandardCharsets.UTF_8));
    }
    String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(printed).contains("\"id\":5"); // every call was answered
    assertThat(printed)
        .doesNotContain(SimulatorOptions.DEFAULT_TOKEN)
        .doesNotContain("api_token")
        .doesNotContain("ws-secret-")
        .doesNotContain("intercom")
        .doesNotContain("Authorization");
    if (level.equals("debug")) {
      assertThat(printed).contains("/api/v9/me"); // debug really logs each request
    }
  }
}
