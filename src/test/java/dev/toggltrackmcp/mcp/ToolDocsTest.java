package dev.toggltrackmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What clients see in tools/list is a reviewed file ({@code docs/tools.json}), and the README's
 * tool table is generated from the same definitions. Run with {@code -Dtools.update=true} to
 * rewrite both after an intended change.
 */
class ToolDocsTest {
  private static final Path SNAPSHOT = Path.of("docs/tools.json");

  private final List<McpSchema.Tool> tools =
      new TogglTools(new ToolRegistry(null, null, Clock.systemUTC(), null), false, "test")
          .toolList();

  @Test
  void everyToolIsDescribedAndEveryArgumentDocumented() {
    assertThat(tools)
        .extracting(McpSchema.Tool::name)
        .doesNotHaveDuplicates()
        .allMatch(n -> n.matches("[a-z_]+"));
    for (McpSchema.Tool t : tools) {
      assertThat(t.description()).as(t.name()).hasSizeGreaterThan(40);
      assertThat(t.annotations().readOnlyHint()).as(t.name()).isTrue();
      assertThat(t.outputSchema()).as(t.name()).containsKey("properties");
      properties(t)
          .forEach(
              (name, schema) ->
                  assertThat((String) schema.get("description"))
                      .as(t.name() + "." + name)
                      .isNotBlank());
    }
  }

  @Test
  void theToolListMatchesTheReviewedSnapshot() throws Exception {
    GeneratedDocs.snapshot(SNAPSHOT, tools);
  }

  @Test
  void theReadmeToolTableIsCurrent() throws Exception {
    StringBuilder table =
        new StringBuilder("| tool | arguments | what it answers |\n|---|---|---|\n");
    for (McpSchema.Tool t : tools) {
      @SuppressWarnings("unchecked")
      List<String> required = (List<String>) t.inputSchema().getOrDefault("required", List.of());
      String args =
          properties(t).isEmpty()
              ? "—"
              : String.join(
                  ", ",
                  properties(t).keySet().stream()
                      .map(n -> "`" + n + "`" + (required.contains(n) ? " (required)" : ""))
                      .toList());
      String what = t.description().split("(?<=\\.) ")[0].replace("|", "\\|");
      table
          .append("| `")
          .append(t.name())
          .append("` | ")
          .append(args)
          .append(" | ")
          .append(what)
          .append(" |\n");
    }
    GeneratedDocs.readmeBlock("tools", "ToolDocsTest", table.toString());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> properties(McpSchema.Tool t) {
    return (Map<String, Map<String, Object>>) t.inputSchema().get("properties");
  }
}
