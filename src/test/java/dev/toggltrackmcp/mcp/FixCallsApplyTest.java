package dev.toggltrackmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.sandbox.World;
import dev.toggltrackmcp.testing.SimulatedWorld;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The calls {@code check_timesheet} suggests for the planted week are calls of the write tools as
 * they are: once the user's placeholders are filled, each applies (delete_time_entry previews, as
 * it has no confirm), and afterwards the week has nothing left to fix but what was only previewed.
 */
@Timeout(60)
class FixCallsApplyTest {
  private final SimulatedWorld sim = new SimulatedWorld();
  private final TogglTools tools = sim.server(sim.settings().withWriteEnabled(true)).tools();

  @AfterEach
  void stop() {
    sim.close();
  }

  private static String text(McpSchema.CallToolResult r) {
    return ((McpSchema.TextContent) r.content().get(0)).text();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> findings() {
    McpSchema.CallToolResult r = tools.call("check_timesheet", Map.of());
    assertThat(r.isError()).as(text(r)).isFalse();
    return (List<Map<String, Object>>)
        ((Map<String, Object>) r.structuredContent()).get("findings");
  }

  /** A value the user would give for a placeholder, fitting the entry's workspace. */
  private Object filled(Object value, long workspace) {
    if (FixCalls.WHAT_YOU_DID.equals(value)) {
      return "Filled in by the user";
    }
    if (FixCalls.WHICH_PROJECT.equals(value)) {
      return sim.data().projects().stream()
          .filter(p -> p.workspaceId() == workspace && p.active())
          .findFirst()
          .orElseThrow()
          .id();
    }
    if (value instanceof List<?> l && l.contains(FixCalls.WHICH_TAG)) {
      return List.of(
          sim.data().tags().stream()
              .filter(t -> t.workspaceId() == workspace)
              .findFirst()
              .orElseThrow()
              .name());
    }
    return value;
  }

  @Test
  @SuppressWarnings("unchecked")
  void everySuggestedCallIsAValidCallOfAWriteTool() {
    List<Map<String, Object>> calls = new ArrayList<>();
    for (Map<String, Object> f : findings()) {
      calls.addAll(
          (List<Map<String, Object>>) ((Map<String, Object>) f.get("suggested_fix")).get("calls"));
    }
    assertThat(calls)
        .extracting(c -> c.get("tool"))
        .contains("update_time_entry", "delete_time_entry", "create_time_entry");
    int before = sim.simulator.requests().nonGetV9();
    int writes = 0;
    List<Long> created = new ArrayList<>();
    for (Map<String, Object> c : calls) {
      String tool = (String) c.get("tool");
      Map<String, Object> args = new LinkedHashMap<>((Map<String, Object>) c.get("arguments"));
      long workspace =
          args.containsKey("workspace_id")
              ? ((Number) args.get("workspace_id")).longValue()
              : sim.data()
                  .entry(((Number) args.get("time_entry_id")).longValue())
                  .map(World.Entry::workspaceId)
                  .orElseThrow();
      args.replaceAll((k, v) -> filled(v, workspace));
      McpSchema.CallToolResult r = tools.call(tool, args);
      assertThat(r.isError()).as(tool + " " + args + ": " + text(r)).isFalse();
      Map<String, Object> out = (Map<String, Object>) r.structuredContent();
      if (tool.equals("delete_time_entry")) {
        assertThat(out).as("no confirm: a preview").containsEntry("applied", false);
      } else {
        writes++;
      }
      if (tool.equals("create_time_entry")) {
        created.add(((Number) ((Map<String, Object>) out.get("entry")).get("id")).longValue());
      }
    }
    assertThat(sim.simulator.requests().nonGetV9() - before)
        .as("one write per applied call")
        .isEqualTo(writes);
    assertThat(created).as("the gap was filled").isNotEmpty();
    assertThat(findings())
        .as("what is left: the duplicate (only previewed) and what the new entry lacks")
        .allSatisfy(
            f ->
                assertThat(
                        f.get("kind").equals("duplicate")
                            || created.containsAll(
                                ((List<Number>) f.get("entry_ids"))
                                    .stream().map(Number::longValue).toList()))
                    .as(f.toString())
                    .isTrue());
  }
}
