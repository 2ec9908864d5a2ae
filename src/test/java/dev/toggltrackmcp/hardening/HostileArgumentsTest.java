package dev.toggltrackmcp.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.mcp.TogglTools;
import dev.toggltrackmcp.testing.SimulatedWorld;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Bad input generated from every tool's input schema: each case must come back as an isError result
 * naming the argument, with no trace, nothing sent to Toggl, and the tools still working.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileArgumentsTest {
  private static final String MEGABYTE = "x".repeat(1024 * 1024);
  private SimulatedWorld sim;
  private TogglTools tools;

  @BeforeAll
  void start() {
    sim = new SimulatedWorld();
    tools = sim.server(sim.settings().withWriteEnabled(true)).tools(); // the write tools too
    tools.call("list_workspaces", Map.of()); // fill the cache, so any later request is a leak
    tools.call("list_workspace_users", Map.of()); // the members an unknown user is checked against
  }

  @AfterAll
  void stop() {
    sim.close();
  }

  /** A valid value for a property, so one bad argument at a time can be tried. */
  private static Object valid(String name, Map<String, Object> schema) {
    return switch (name) {
      case "time_entry_id" -> 4_100_000_000L;
      case "query" -> "meeting";
      case "changes" -> Map.of("billable", true);
      case "name" -> "q9";
      default -> null;
    };
  }

  /** The types of an {@code anyOf} schema's branches (an id-or-name takes two), else none. */
  private static List<Object> eitherOf(Map<String, Object> schema) {
    return schema.get("anyOf") instanceof List<?> branches
        ? branches.stream().map(b -> ((Map<?, ?>) b).get("type")).map(Object.class::cast).toList()
        : List.of();
  }

  @SuppressWarnings("unchecked")
  private static List<Object[]> badValues(String name, Map<String, Object> schema) {
    List<Object[]> cases = new ArrayList<>();
    Object type = schema.get("type");
    cases.add(new Object[] {"huge string", MEGABYTE});
    cases.add(new Object[] {"control characters", "a\u0000b\u001b[31m"});
    if (eitherOf(schema).containsAll(List.of("integer", "string"))) {
      cases.add(new Object[] {"object for id or name", Map.of("a", 1)});
      cases.add(new Object[] {"boolean for id or name", true});
      cases.add(new Object[] {"fraction for id", 1.5});
      cases.add(new Object[] {"negative id", -1});
      cases.add(new Object[] {"unknown name", "Ünknöwn 東京 name"});
      cases.add(new Object[] {"unknown id", 999_999_999_999L});
      cases.add(new Object[] {"unknown id as text", "999999999999"});
    } else if ("string".equals(type)) {
      cases.add(new Object[] {"number for string", 42});
      cases.add(new Object[] {"object for string", Map.of("a", 1)});
      if (schema.containsKey("enum")) {
        cases.add(new Object[] {"unknown enum", "sometime-ish"});
      }
      if (name.endsWith("_date")) {
        cases.add(new Object[] {"not a date", "yesterday-ish"});
        cases.add(new Object[] {"impossible date", "2026-02-31"});
      }
    } else if ("integer".equals(type)) {
      cases.add(new Object[] {"string for integer", "many"});
      cases.add(new Object[] {"negative", -1});
      cases.add(new Object[] {"huge", Long.MAX_VALUE});
      cases.add(new Object[] {"fraction", 1.5});
      if (!name.equals("offset")) {
        cases.add(new Object[] {"zero", 0});
      }
    } else if ("boolean".equals(type)) {
      cases.add(new Object[] {"string for boolean", "yes"});
      cases.add(new Object[] {"number for boolean", 1});
    } else if ("array".equals(type)) {
      cases.add(new Object[] {"number for array", 7});
      cases.add(new Object[] {"array of numbers", List.of(1, 2)});
      cases.add(new Object[] {"too many", java.util.Collections.nCopies(50, "meeting")});
      cases.add(new Object[] {"unknown values", List.of("no-such-thing-at-all")});
    }
    return cases;
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyBadArgumentOfEveryToolIsRefusedByName() {
    Map<String, Integer> triedByKind = new TreeMap<>();
    int before = sim.requests();
    for (McpSchema.Tool tool : tools.toolList()) {
      Map<String, Map<String, Object>> props =
          (Map<String, Map<String, Object>>) tool.inputSchema().get("properties");
      Map<String, Object> base = new HashMap<>();
      props.forEach(
          (n, s) -> {
            Object v = valid(n, s);
            if (v != null) {
              base.put(n, v);
            }
          });
      if (tool.name().equals("bulk_update_time_entries")) {
        base.put("period", "last_week"); // which entries: without them nothing else is read
      }
      // unknown argument, and missing required ones
      expectRefusal(
          tool.name(), with(base, "colour", "red"), "colour", triedByKind, "unknown argument");
      List<String> required = (List<String>) tool.inputSchema().getOrDefault("required", List.of());
      for (String r : required) {
        Map<String, Object> missing = new HashMap<>(base);
        missing.remove(r);
        expectRefusal(tool.name(), missing, r, triedByKind, "missing required");
      }
      for (Map.Entry<String, Map<String, Object>> p : props.entrySet()) {
        for (Object[] bad : badValues(p.getKey(), p.getValue())) {
          expectRefusal(
              tool.name(),
              with(base, p.getKey(), bad[1]),
              p.getKey(),
              triedByKind,
              (String) bad[0]);
        }
      }
    }
    // ranges that make no sense
    expectRefusal(
        "list_time_entries",
        Map.of("start_date", "2026-11-10", "end_date", "2026-11-01"),
        "end_date",
        triedByKind,
        "end before start");
    expectRefusal(
        "get_time_summary",
        Map.of("start_date", "2016-01-01", "end_date", "2026-01-01"),
        "start_date",
        triedByKind,
        "ten years");
    expectRefusal(
        "get_time_summary",
        Map.of("client", "Acme Corp"),
        "Acme Corp",
        triedByKind,
        "ambiguous name");
    assertThat(sim.requests())
        .as("invalid input never reaches Toggl: " + sim.simulator.requests().snapshot())
        .isEqualTo(before);
    assertThat(sim.simulator.requests().nonGetV9()).isZero();
    assertThat(triedByKind.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(150);
    assertThat(triedByKind.get("object for id or name"))
        .as("every project, client and tag argument tried as an id-or-name")
        .isEqualTo(22);
    System.out.println("Hostile inputs tried, by kind: " + triedByKind);
    // and the tools still answer
    assertThat(tools.call("get_time_summary", Map.of("period", "today")).isError()).isFalse();
  }

  private void expectRefusal(
      String tool,
      Map<String, Object> args,
      String named,
      Map<String, Integer> tally,
      String kind) {
    McpSchema.CallToolResult r = tools.call(tool, args);
    String text = ((McpSchema.TextContent) r.content().get(0)).text();
    assertThat(r.isError()).as(tool + " " + kind + " " + named + " → " + text).isTrue();
    assertThat(text)
        .as(tool + " " + kind)
        .contains(named)
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(text.length()).as("a sentence, not an echo of the input").isLessThan(2000);
    tally.merge(kind, 1, Integer::sum);
  }

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>(base);
    m.put(key, value);
    return m;
  }
}
