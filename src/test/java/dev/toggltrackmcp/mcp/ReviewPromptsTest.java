package dev.toggltrackmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toggltrackmcp.arguments.Arguments;
import dev.toggltrackmcp.testing.SimulatedWorld;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Prompts name only what the server serves, and use a tool others add once it is there. */
class ReviewPromptsTest {
  private final SimulatedWorld world = new SimulatedWorld();
  private final ToolContext ctx =
      new ToolContext(world.synced(null), world.client(), null, world.clock, null);
  private final List<ToolDefinition> readTools =
      new ToolRegistry(ctx.data, world.client(), world.clock, null).tools(false);

  @AfterEach
  void stop() {
    world.close();
  }

  @Test
  void timesheetCheckCallsCheckTimesheetWhenItIsServedWithTheArgumentsItTakes() {
    List<ToolDefinition> without =
        readTools.stream().filter(t -> !t.name().equals("check_timesheet")).toList();
    List<ToolDefinition> served = new ArrayList<>(without);
    served.add(
        new ToolDefinition(
            "check_timesheet",
            "Check timesheet",
            "A tool another part of the server provides.",
            Schema.object()
                .prop("start_date", Schema.date("First day."))
                .prop("end_date", Schema.date("Last day.")),
            Map.of(),
            true,
            args -> new ToolAnswer("", Map.of())));
    assertThat(text(served, "timesheet_check", Map.of("period", "last_week")))
        .contains(
            "1. check_timesheet {\"start_date\":\"2026-11-16\",\"end_date\":\"2026-11-22\"} — ")
        .contains("2. get_time_summary");
    assertThat(text(without, "timesheet_check", Map.of("period", "last_week")))
        .doesNotContain("check_timesheet")
        .startsWith("Check my Toggl Track timesheet for Monday 2026-11-16 to Sunday 2026-11-22");
  }

  @Test
  void aPromptNeverNamesAToolTheServerDoesNotServe() {
    List<ToolDefinition> withoutLists =
        readTools.stream().filter(t -> !t.name().equals("list_time_entries")).toList();
    assertThatThrownBy(() -> text(withoutLists, "standup", Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("list_time_entries");
  }

  private String text(List<ToolDefinition> served, String name, Map<String, Object> args) {
    PromptDefinition p =
        new PromptRegistry(ctx, served)
            .prompts().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    return p.text().write(new Arguments(args, p.argumentNames()));
  }
}
