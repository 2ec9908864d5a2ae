package dev.toggltrackmcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.testing.SimulatedWorld;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code call TOOL key=value ...} through the command line, against the simulator. */
class CallCommandTest {
  private final SimulatedWorld sim = new SimulatedWorld();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @AfterEach
  void stop() {
    sim.close();
  }

  private int call(String... args) {
    Environment env =
        new Environment(
            Map.of(
                "TOGGL_API_TOKEN", sim.simulator.token(),
                "TOGGL_API_BASE_URL", sim.simulator.baseUrl().toString(),
                "TOGGL_CACHE_DIR", "off"),
            Path.of("/nonexistent-dir"),
            Path.of("/tmp"),
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return Main.run(env, args);
  }

  @Test
  void printsTheTextOfAToolWithTypedArguments() {
    assertThat(call("call", "list_projects", "workspace_id=7654321", "status=all", "limit=5"))
        .isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("230 projects, showing 1–5");
  }

  @Test
  void printsTheWholeResultAsJsonWithListsGivenAsJson() throws Exception {
    assertThat(
            call("call", "get_time_summary", "period=last_week", "group_by=[\"client\"]", "--json"))
        .isZero();
    var result = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(result.path("structuredContent").path("breakdowns").has("client")).isTrue();
  }

  @Test
  void anErrorResultExitsNonZero() {
    assertThat(call("call", "list_time_entries", "period=fortnight")).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Invalid argument period");
    assertThat(call("call", "no_such_tool")).isEqualTo(1);
  }

  @Test
  void aMalformedPairIsAUsageError() {
    assertThat(call("call", "list_tags", "justaword")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("key=value");
  }
}
