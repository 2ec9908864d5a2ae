package dev.toggltrackmcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.sandbox.Dataset;
import dev.toggltrackmcp.sandbox.World;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Arguments as a model types them (ids as numbers, labelled names, filters without a query) and
 * answers whose text stands on its own, through the real MCP stack of each transport. Expected
 * numbers come from the simulator's records ({@link Expected}), never from our output.
 */
interface ArgumentsEndToEnd {
  LocalDate TODAY = LocalDate.of(2026, 11, 25);

  CallToolResult call(String tool, Map<String, Object> args);

  Dataset world();

  Expected expected();

  private Map<String, Object> ok(String tool, Map<String, Object> args) {
    return ToolsEndToEndTest.data(call(tool, args));
  }

  private static long number(Object o) {
    return ((Number) o).longValue();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> breakdown(Map<String, Object> summary, String by) {
    return (List<Map<String, Object>>) ((Map<String, Object>) summary.get("breakdowns")).get(by);
  }

  private List<World.Entry> thisMonth(Predicate<World.Entry> which) {
    return expected().startingOn(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), which);
  }

  private List<World.Client> twins() {
    Map<String, List<World.Client>> byName =
        world().clients().stream().collect(Collectors.groupingBy(c -> c.name().toLowerCase()));
    return byName.values().stream().filter(l -> l.size() > 1).flatMap(List::stream).toList();
  }

  @Test
  default void idsMayBeSentAsNumbers() {
    World.Entry anyBillable = thisMonth(e -> e.billable() && expected().clientOf(e) != null).get(0);
    long client = expected().clientOf(anyBillable);
    long project = anyBillable.projectId();
    List<World.Entry> want = thisMonth(e -> Objects.equals(expected().clientOf(e), client));
    Map<String, Object> byClient =
        ok("get_time_summary", Map.of("period", "this_month", "client", client));
    expected().assertTotal(number(byClient.get("total_seconds")), want);
    Map<String, Object> byProject =
        ok("list_time_entries", Map.of("period", "this_month", "project", project));
    assertThat(number(byProject.get("total")))
        .isEqualTo(thisMonth(e -> Objects.equals(e.projectId(), project)).size());
    long tagId = thisMonth(e -> !e.tagIds().isEmpty()).get(0).tagIds().get(0);
    Map<String, Object> byTag =
        ok("list_time_entries", Map.of("period", "this_month", "tags", List.of(tagId)));
    assertThat(number(byTag.get("total")))
        .isEqualTo(thisMonth(e -> e.tagIds().contains(tagId)).size())
        .isPositive();
  }

  @Test
  default void namesThatRepeatAcrossWorkspacesAreLabelledInBreakdownsAndWorkAsInput() {
    List<World.Client> twins = twins();
    assertThat(twins).as("the simulated world has two clients of one name").hasSizeGreaterThan(1);
    Map<String, Object> s =
        ok("get_time_summary", Map.of("period", "this_month", "group_by", List.of("client")));
    Map<String, Long> want = new HashMap<>();
    for (World.Entry e : thisMonth(e -> expected().clientOf(e) != null)) {
      want.merge(expected().clientLabel(expected().clientOf(e)), 1L, Long::sum);
    }
    Map<String, Long> got = new HashMap<>();
    breakdown(s, "client").stream()
        .filter(g -> !g.get("key").equals("none"))
        .forEach(g -> got.put((String) g.get("name"), number(g.get("entry_count"))));
    assertThat(got).isEqualTo(want);
    String text =
        ToolsEndToEndTest.text(
            call(
                "get_time_summary", Map.of("period", "this_month", "group_by", List.of("client"))));
    for (World.Client twin : twins) {
      String label = expected().clientLabel(twin.id());
      assertThat(label).isNotEqualTo(twin.name());
      if (want.containsKey(label)) {
        assertThat(text).contains(label);
      }
      // the label is accepted as input and means that one client
      Map<String, Object> one =
          ok("get_time_summary", Map.of("period", "this_month", "client", label));
      expected()
          .assertTotal(
              number(one.get("total_seconds")),
              thisMonth(e -> Objects.equals(expected().clientOf(e), twin.id())));
    }
    // the bare name is refused with every labelled choice and its id
    CallToolResult ambiguous = call("get_time_summary", Map.of("client", twins.get(0).name()));
    assertThat(ambiguous.isError()).isTrue();
    for (World.Client twin :
        twins.stream().filter(t -> t.name().equalsIgnoreCase(twins.get(0).name())).toList()) {
      assertThat(ToolsEndToEndTest.text(ambiguous))
          .contains("\"" + expected().clientLabel(twin.id()) + "\" (id " + twin.id() + ")");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  default void searchByFiltersAloneAndWithinOneField() {
    LocalDate from = TODAY.minusDays(89);
    Map<String, Object> tagged = ok("search_time_entries", Map.of("tags", List.of("development")));
    assertThat(number(tagged.get("total")))
        .isEqualTo(
            expected().startingOn(from, TODAY, e -> expected().tagged(e, "development")).size())
        .isPositive();
    Map<String, Object> inDescription =
        ok(
            "search_time_entries",
            Map.of("query", "meeting", "search_in", List.of("description"), "limit", 1000));
    List<World.Entry> described =
        expected().startingOn(from, TODAY, e -> expected().describedWith(e, "meeting"));
    assertThat(number(inDescription.get("total"))).isEqualTo(described.size()).isPositive();
    assertThat((List<Map<String, Object>>) inDescription.get("entries"))
        .allSatisfy(e -> assertThat(e.get("matched_in")).isEqualTo(List.of("description")));
    Map<String, Object> anywhere =
        ok("search_time_entries", Map.of("query", "meeting", "limit", 1));
    List<World.Entry> mentioned =
        expected().startingOn(from, TODAY, e -> expected().mentions(e, "meeting"));
    assertThat(number(anywhere.get("total")))
        .isEqualTo(mentioned.size())
        .isGreaterThan(described.size());
    Map<String, Object> byField = (Map<String, Object>) anywhere.get("matches_by_field");
    assertThat(number(byField.get("description"))).isEqualTo(described.size());
    assertThat(number(byField.get("tag")))
        .isEqualTo(
            expected()
                .startingOn(
                    from,
                    TODAY,
                    e -> e.tagIds().stream().anyMatch(t -> world().tagName(t).contains("meeting")))
                .size());
    assertThat(
            ToolsEndToEndTest.text(
                call("search_time_entries", Map.of("query", "meeting", "limit", 1))))
        .contains("Found in description " + described.size());
  }

  @Test
  default void breakdownsNeverDropRowsSilently() {
    Map<String, Object> args = Map.of("period", "last_quarter", "group_by", List.of("project"));
    Map<String, Object> s = ok("get_time_summary", args);
    List<World.Entry> want =
        expected().startingOn(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30), e -> true);
    long projects =
        want.stream().map(e -> e.projectId() == null ? -1L : e.projectId()).distinct().count();
    assertThat(breakdown(s, "project")).hasSize((int) projects);
    assertThat(projects).as("more groups than the text shows").isGreaterThan(15);
    String text = ToolsEndToEndTest.text(call("get_time_summary", args));
    List<String> rows = tableRows(text);
    assertThat(rows).hasSize(15);
    assertThat(rows.get(14)).startsWith("(" + (projects - 14) + " others)");
    long entries = 0;
    for (String row : rows) {
      String[] cells = row.trim().split("\\s+");
      entries += Long.parseLong(cells[cells.length - 2]); // the Entries column, before Share
    }
    assertThat(entries).as("the rows add up to every entry").isEqualTo(want.size());
  }

  @Test
  default void anEmptyGroupByMeansTotalsOnly() {
    Map<String, Object> s =
        ok("get_time_summary", Map.of("period", "this_week", "group_by", List.of()));
    assertThat((Map<?, ?>) s.get("breakdowns")).isEmpty();
    expected()
        .assertTotal(
            number(s.get("total_seconds")),
            expected()
                .startingOn(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 29), e -> true));
    assertThat(
            ToolsEndToEndTest.text(
                call("get_time_summary", Map.of("period", "this_week", "group_by", List.of()))))
        .doesNotContain("By ");
  }

  @Test
  default void pluralsAgreeWithTheirCounts() {
    Map<LocalDate, Long> perDay =
        world().liveEntries().stream()
            .collect(
                Collectors.groupingBy(
                    e -> LocalDate.ofInstant(e.start(), Expected.BERLIN), Collectors.counting()));
    LocalDate lonely =
        perDay.entrySet().stream()
            .filter(d -> d.getValue() == 1)
            .map(Map.Entry::getKey)
            .sorted()
            .reduce((a, b) -> b)
            .orElseThrow();
    String day = lonely.toString();
    String text =
        ToolsEndToEndTest.text(
            call("get_time_summary", Map.of("start_date", day, "end_date", day)));
    assertThat(text)
        .contains(" in 1 entry")
        .contains(" 1 day with entries")
        .doesNotContain("1 days")
        .doesNotContain("1 entries");
    assertThat(
            ToolsEndToEndTest.text(
                call("list_time_entries", Map.of("start_date", day, "end_date", day))))
        .startsWith("1 entry, ");
    World.Client unique =
        world().clients().stream()
            .filter(c -> !c.archived() && twins().stream().noneMatch(t -> t.id() == c.id()))
            .findFirst()
            .orElseThrow();
    assertThat(ToolsEndToEndTest.text(call("list_clients", Map.of("query", unique.name()))))
        .startsWith("1 client, ");
  }

  @Test
  default void aFutureStartDateAloneAsksForAnEndDateAndAnEmptyRangeSaysWhereHistoryStarts() {
    CallToolResult alone = call("get_time_summary", Map.of("start_date", "2026-12-01"));
    assertThat(alone.isError()).isTrue();
    assertThat(ToolsEndToEndTest.text(alone))
        .contains("start_date")
        .contains("add an end_date")
        .doesNotContain("unexpectedly");
    Map<String, Object> future =
        ok("get_time_summary", Map.of("start_date", "2026-12-01", "end_date", "2026-12-07"));
    assertThat(number(future.get("entry_count"))).isZero();
    String created = LocalDate.ofInstant(world().user().createdAt(), Expected.BERLIN).toString();
    assertThat(future).containsEntry("history_starts_on", created);
    assertThat(
            ToolsEndToEndTest.text(
                call(
                    "get_time_summary",
                    Map.of("start_date", "2026-12-01", "end_date", "2026-12-07"))))
        .startsWith("No entries in 2026-12-01 – 2026-12-07 (Europe/Berlin)")
        .contains("your history starts on " + created);
    assertThat(
            ToolsEndToEndTest.text(
                call(
                    "list_time_entries",
                    Map.of("start_date", "2020-01-01", "end_date", "2020-01-31"))))
        .startsWith("No entries in 2020-01-01 – 2020-01-31")
        .contains(created);
  }

  @Test
  default void entryTablesCarryIdClientAndBillableAndProjectsTheirRates() {
    List<World.Entry> today = expected().startingOn(TODAY, TODAY, e -> true);
    String text = ToolsEndToEndTest.text(call("list_time_entries", Map.of("period", "today")));
    assertThat(text.lines().filter(l -> l.contains("Billable")).findFirst()).isPresent();
    for (World.Entry e : today) {
      String row =
          text.lines().filter(l -> l.startsWith(Long.toString(e.id()))).findFirst().orElseThrow();
      Long client = expected().clientOf(e);
      if (client != null) {
        assertThat(row).contains(expected().clientLabel(client));
      }
      assertThat(row).endsWith(e.billable() ? "yes" : "no");
    }
    World.Project rated =
        world().projects().stream()
            .filter(p -> p.rate() != null && p.active())
            .findFirst()
            .orElseThrow();
    String projects = ToolsEndToEndTest.text(call("list_projects", Map.of("query", rated.name())));
    assertThat(projects).contains(rated.rate().toPlainString() + " " + rated.currency());
  }

  /** The rows of the first text table in an answer, without its header and rule. */
  private static List<String> tableRows(String text) {
    List<String> lines = text.lines().toList();
    int rule = 0;
    while (!lines.get(rule).startsWith("---")) {
      rule++;
    }
    List<String> rows = new ArrayList<>();
    for (int i = rule + 1; i < lines.size() && !lines.get(i).isBlank(); i++) {
      rows.add(lines.get(i));
    }
    return rows;
  }
}
