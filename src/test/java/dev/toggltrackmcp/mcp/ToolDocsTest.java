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
  private static final Path WRITE_SNAPSHOT = Path.of("docs/write-tools.json");

  private final List<McpSchema.Tool> tools =
      new TogglTools(new ToolRegistry(null, null, Clock.systemUTC(), null), false, "test")
          .toolList();

  /** The tools TOGGL_WRITE_ENABLED=true adds. */
  private final List<McpSchema.Tool> writeTools =
      new TogglTools(new ToolRegistry(null, null, Clock.systemUTC(), null), true, "test")
          .toolList().stream().filter(t -> !t.annotations().readOnlyHint()).toList();

  @Test
  void everyWriteToolSaysWhatItDoesToData() {
    assertThat(writeTools)
        .extracting(McpSchema.Tool::name)
        .containsExactly(
            "start_time_entry",
            "stop_time_entry",
            "create_time_entry",
            "update_time_entry",
            "delete_time_entry",
            "bulk_update_time_entries",
            "create_tag",
            "create_project",
            "create_client");
    for (McpSchema.Tool t : writeTools) {
      assertThat(t.annotations().readOnlyHint()).as(t.name()).isFalse();
      assertThat(t.annotations().destructiveHint()).as(t.name()).isNotNull();
      assertThat(t.annotations().idempotentHint()).as(t.name()).isNotNull();
      assertThat(t.description()).as(t.name()).contains("{\"");
      assertThat(t.outputSchema()).as(t.name()).containsKey("properties");
      properties(t)
          .forEach(
              (name, schema) ->
                  assertThat((String) schema.get("description"))
                      .as(t.name() + "." + name)
                      .isNotBlank());
    }
    assertThat(writeTools)
        .filteredOn(t -> t.annotations().destructiveHint())
        .extracting(McpSchema.Tool::name)
        .as("what may overwrite or remove the user's data")
        .containsExactly(
            "start_time_entry",
            "update_time_entry",
            "delete_time_entry",
            "bulk_update_time_entries");
    assertThat(
            new TogglTools(new ToolRegistry(null, null, Clock.systemUTC(), null), true, "test")
                .introduction()
                .instructions())
        .contains("confirm: true");
  }

  @Test
  void theWriteToolListMatchesTheReviewedSnapshot() throws Exception {
    GeneratedDocs.snapshot(WRITE_SNAPSHOT, writeTools);
  }

  @Test
  void theReadmeWriteToolTableIsCurrent() throws Exception {
    GeneratedDocs.readmeBlock("write-tools", "ToolDocsTest", table(writeTools));
  }

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
    GeneratedDocs.readmeBlock("tools", "ToolDocsTest", table(tools));
  }

  private static String table(List<McpSchema.Tool> tools) {
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
    return table.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> properties(McpSchema.Tool t) {
    return (Map<String, Map<String, Object>>) t.inputSchema().get("properties");
  }
}
