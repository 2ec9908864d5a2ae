package dev.toggltrackmcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.sandbox.Fault;
import dev.toggltrackmcp.testing.SimulatedWorld;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code check} end to end against the simulator, through the command line. */
class CheckCommandTest {
  private final SimulatedWorld sim = new SimulatedWorld();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @AfterEach
  void stop() {
    sim.close();
  }

  private int check(String token) {
    Environment env =
        new Environment(
            Map.of(
                "TOGGL_API_TOKEN", token, "TOGGL_API_BASE_URL", sim.simulator.baseUrl().toString()),
            Path.of("/nonexistent-dir"),
            Path.of("/tmp"),
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return Main.run(env, "check");
  }

  @Test
  void aGoodTokenPrintsTheAccountInTwoRequests() {
    assertThat(check(sim.simulator.token())).isZero();
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .contains("Ana Lima")
        .contains("230 projects")
        .contains("Running: Implement login page")
        .contains("API quota (user)")
        .doesNotContain(sim.simulator.token());
    assertThat(sim.requests()).isEqualTo(2);
  }

  @Test
  void aWrongTokenFailsWithAClearLine() {
    assertThat(check("wrong-token-0123456789")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("TOGGL_API_TOKEN")
        .doesNotContain("wrong-token-0123456789")
        .doesNotContain("Exception");
  }

  @Test
  void quotaAndOutagesFailWithAClearLine() {
    sim.simulator.faults().next(1, Fault.QUOTA_402);
    assertThat(check(sim.simulator.token())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("quota").contains("812 s");
    sim.simulator.faults().next(10, Fault.UNAVAILABLE_503);
    sim.clock.advance(Duration.ofHours(1));
    assertThat(check(sim.simulator.token())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("503");
  }
}
