package dev.toggltrackmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.sandbox.World;
import dev.toggltrackmcp.testing.SimulatedWorld;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A timer started in the past while another runs: Toggl would stop the running one now, so the two
 * would overlap from the new start until now. Refused naming it, unless allow_overlap.
 */
@Timeout(60)
class TimerInThePastTest {
  private final SimulatedWorld sim = new SimulatedWorld();
  private final TogglTools tools = sim.server(sim.settings().withWriteEnabled(true)).tools();

  @AfterEach
  void stop() {
    sim.close();
  }

  private static String text(McpSchema.CallToolResult r) {
    return ((McpSchema.TextContent) r.content().get(0)).text();
  }

  @Test
  @SuppressWarnings("unchecked")
  void itOverlapsTheRunningTimerUntilNow() {
    World.Entry running = sim.data().running().orElseThrow();
    String halfAnHourAgo =
        SimulatedWorld.NOW
            .minusSeconds(1800)
            .atZone(ZoneId.of("Europe/Berlin"))
            .toLocalDateTime()
            .toString();
    McpSchema.CallToolResult refused =
        tools.call("start_time_entry", Map.of("description", "Call", "start", halfAnHourAgo));
    assertThat(refused.isError()).as(text(refused)).isTrue();
    assertThat(text(refused)).contains("id " + running.id()).contains("running");
    assertThat(sim.simulator.requests().nonGetV9()).isZero();

    McpSchema.CallToolResult started =
        tools.call(
            "start_time_entry",
            Map.of("description", "Call", "start", halfAnHourAgo, "allow_overlap", true));
    assertThat(started.isError()).as(text(started)).isFalse();
    Map<String, Object> out = (Map<String, Object>) started.structuredContent();
    assertThat(((Number) ((Map<String, Object>) out.get("stopped_entry")).get("id")).longValue())
        .isEqualTo(running.id());
    assertThat(((Map<String, Object>) out.get("entry")).get("start"))
        .isEqualTo(halfAnHourAgo + ":00+01:00");
    assertThat(text(started)).contains("Toggl stopped the entry that was running");
  }
}
