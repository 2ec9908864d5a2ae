package dev.toggltrackmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What clients see in prompts/list, resources/list and resources/templates/list is reviewed in
 * {@code docs/prompts.json} and {@code docs/resources.json}, and the README's prompt and resource
 * tables are generated from the same registries ({@code -Dtools.update=true} rewrites them).
 */
class PromptResourceDocsTest {
  private final ToolRegistry registry = new ToolRegistry(null, null, Clock.systemUTC(), null);
  private final TogglTools service = new TogglTools(registry, false, "test");
  private final List<McpSchema.Prompt> prompts = service.promptList();
  private final List<McpSchema.Resource> resources = service.resourceList();
  private final List<McpSchema.ResourceTemplate> templates = service.resourceTemplateList();

  @Test
  void everyPromptIsDescribedAndEveryArgumentCompletes() {
    assertThat(prompts)
        .extracting(McpSchema.Prompt::name)
        .containsExactly("weekly_review", "invoice_prep", "timesheet_check", "standup")
        .allMatch(n -> n.matches("[a-z_]+"));
    for (PromptDefinition p : new PromptRegistry(registry.context(), List.of()).prompts()) {
      assertThat(p.description()).as(p.name()).hasSizeGreaterThan(40);
      assertThat(p.title()).as(p.name()).isNotBlank();
      for (PromptDefinition.Argument a : p.arguments()) {
        assertThat(a.description()).as(p.name() + "." + a.name()).hasSizeGreaterThan(20);
        assertThat(a.completer()).as(p.name() + "." + a.name()).isNotSameAs(Completer.NONE);
      }
    }
  }

  @Test
  void everyResourceIsDescribedTypedAndEveryVariableCompletes() {
    List<ResourceDefinition> all = new ResourceRegistry(registry.context(), List.of()).resources();
    assertThat(all).extracting(ResourceDefinition::uri).doesNotHaveDuplicates();
    for (ResourceDefinition r : all) {
      assertThat(r.uri()).startsWith("toggl://");
      assertThat(r.name()).matches("[a-z_]+");
      assertThat(r.description()).as(r.uri()).hasSizeGreaterThan(40);
      assertThat(r.mimeType()).as(r.uri()).isIn("application/json", "text/csv");
      List<String> inUri =
          java.util.regex.Pattern.compile("\\{([a-z_]+)}")
              .matcher(r.uri())
              .results()
              .map(m -> m.group(1))
              .toList();
      assertThat(r.variables().keySet()).as(r.uri()).containsExactlyElementsOf(inUri);
      r.variables().values().forEach(c -> assertThat(c).isNotSameAs(Completer.NONE));
    }
    assertThat(all)
        .filteredOn(ResourceDefinition::subscribable)
        .extracting(ResourceDefinition::uri)
        .containsExactly("toggl://current-entry");
  }

  @Test
  void theIntroductionNamesEveryPromptAndResourceInTheirOrder() {
    // the introduction is written before any prompt or resource is built (it answers initialize
    // while the server is assembled), so it names them from its own lists: these must match
    assertThat(Introduction.PROMPTS)
        .containsExactlyElementsOf(prompts.stream().map(McpSchema.Prompt::name).toList());
    assertThat(Introduction.RESOURCES)
        .containsExactlyElementsOf(
            java.util.stream.Stream.concat(
                    resources.stream().map(McpSchema.Resource::uri),
                    templates.stream().map(McpSchema.ResourceTemplate::uriTemplate))
                .toList());
    String instructions = service.introduction().instructions();
    Introduction.PROMPTS.forEach(p -> assertThat(instructions).contains(p));
    Introduction.RESOURCES.forEach(r -> assertThat(instructions).contains(r));
    assertThat(service.introduction().capabilities().resources().subscribe())
        .as("subscriptions are offered exactly when a resource can be subscribed to")
        .isEqualTo(resources.stream().anyMatch(r -> r.uri().equals("toggl://current-entry")));
    assertThat(service.introduction().capabilities().prompts()).isNotNull();
    assertThat(service.introduction().capabilities().completions()).isNotNull();
  }

  @Test
  void theListsMatchTheReviewedSnapshots() throws Exception {
    GeneratedDocs.snapshot(Path.of("docs/prompts.json"), prompts);
    Map<String, Object> both = new LinkedHashMap<>();
    both.put("resources", resources);
    both.put("resourceTemplates", templates);
    GeneratedDocs.snapshot(Path.of("docs/resources.json"), both);
  }

  @Test
  void theReadmeTablesAreCurrent() throws Exception {
    StringBuilder p = new StringBuilder("| prompt | arguments | what it does |\n|---|---|---|\n");
    for (McpSchema.Prompt prompt : prompts) {
      String args =
          prompt.arguments().isEmpty()
              ? "—"
              : String.join(
                  ", ",
                  prompt.arguments().stream()
                      .map(a -> "`" + a.name() + "`" + (a.required() ? " (required)" : ""))
                      .toList());
      p.append("| `")
          .append(prompt.name())
          .append("` | ")
          .append(args)
          .append(" | ")
          .append(cell(prompt.description()))
          .append(" |\n");
    }
    GeneratedDocs.readmeBlock("prompts", "PromptResourceDocsTest", p.toString());
    StringBuilder r = new StringBuilder("| resource | type | what it holds |\n|---|---|---|\n");
    resources.forEach(x -> row(r, x.uri(), x.mimeType(), x.description()));
    templates.forEach(x -> row(r, x.uriTemplate(), x.mimeType(), x.description()));
    GeneratedDocs.readmeBlock("resources", "PromptResourceDocsTest", r.toString());
  }

  private static void row(StringBuilder table, String uri, String type, String description) {
    table
        .append("| `")
        .append(uri)
        .append("` | ")
        .append(type)
        .append(" | ")
        .append(cell(description))
        .append(" |\n");
  }

  /** The first sentence, as a table cell. */
  private static String cell(String description) {
    return description.split("(?<=\\.) ")[0].replace("|", "\\|");
  }
}
