package dev.toggltrackmcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.sandbox.Fault;
import dev.toggltrackmcp.testing.SimulatedWorld;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code check} end to end against the simulator, through the command line. */
class CheckCommandTest {
  private final SimulatedWorld sim = new SimulatedWorld();
  private final CommandRun command = new CommandRun();

  @AfterEach
  void stop() {
    sim.close();
  }

  private int check(String token) {
    return command.run(
        Map.of("TOGGL_API_TOKEN", token, "TOGGL_API_BASE_URL", sim.simulator.baseUrl().toString()),
        "check");
  }

  @Test
  void aGoodTokenPrintsTheAccountInTwoRequests() {
    assertThat(check(sim.simulator.token())).isZero();
    String text = command.out();
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
    assertThat(command.err())
        .contains("TOGGL_API_TOKEN")
        .doesNotContain("wrong-token-0123456789")
        .doesNotContain("Exception");
  }

  @Test
  void quotaAndOutagesFailWithAClearLine() {
    sim.simulator.faults().next(1, Fault.QUOTA_402);
    assertThat(check(sim.simulator.token())).isEqualTo(1);
    assertThat(command.err()).contains("quota").contains("812 s");
    sim.simulator.faults().next(10, Fault.UNAVAILABLE_503);
    sim.clock.advance(Duration.ofHours(1));
    assertThat(check(sim.simulator.token())).isEqualTo(1);
    assertThat(command.err()).contains("503");
  }
}
