package dev.toggltrackmcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.sandbox.Dataset;
import dev.toggltrackmcp.sandbox.World;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The team tools through the real MCP stack of each transport, as Ana (an admin of Lima
 * Consulting). Every number is computed here from the simulator's records — everyone's finished
 * entries, their projects' rates or the workspace's — never from the server's output.
 */
interface TeamEndToEnd {
  long LIMA = 7654321L;
  long SIDE_PROJECTS = 7654323L;

  CallToolResult call(String tool, Map<String, Object> args);

  Dataset world();

  private Map<String, Object> ok(String tool, Map<String, Object> args) {
    return ToolsEndToEndTest.data(call(tool, args));
  }

  private static long number(Object o) {
    return ((Number) o).longValue();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
    return (List<Map<String, Object>>) m.get(key);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> breakdown(Map<String, Object> summary, String by) {
    return (List<Map<String, Object>>) ((Map<String, Object>) summary.get("breakdowns")).get(by);
  }

  /** Everyone's finished entries in Lima Consulting starting on a Berlin day in the range. */
  private List<World.Entry> team(LocalDate first, LocalDate last, Predicate<World.Entry> more) {
    return world().teamEntries().stream()
        .filter(e -> e.workspaceId() == LIMA && !e.running())
        .filter(
            e -> {
              LocalDate d = LocalDate.ofInstant(e.start(), Expected.BERLIN);
              return !d.isBefore(first) && !d.isAfter(last);
            })
        .filter(more)
        .toList();
  }

  private long memberId(String name) {
    return world().members().stream()
        .filter(m -> m.user().fullname().equals(name))
        .findFirst()
        .orElseThrow()
        .id();
  }

  private String memberName(long id) {
    return world().member(id).orElseThrow().user().fullname();
  }

  /** Billable amount per currency: each billable entry at its project's rate, else Lima's 85. */
  private Map<String, BigDecimal> amounts(List<World.Entry> entries) {
    World.Workspace ws = world().workspace(LIMA).orElseThrow();
    Map<String, Long> centSeconds = new TreeMap<>();
    for (World.Entry e : entries) {
      if (!e.billable()) {
        continue;
      }
      World.Project p = e.projectId() == null ? null : world().project(e.projectId()).orElseThrow();
      BigDecimal rate = p != null && p.rate() != null ? p.rate() : ws.defaultHourlyRate();
      String currency =
          p != null && p.rate() != null && p.currency() != null
              ? p.currency()
              : ws.defaultCurrency();
      centSeconds.merge(currency, rate.movePointRight(2).longValue() * e.duration(), Long::sum);
    }
    Map<String, BigDecimal> out = new TreeMap<>();
    centSeconds.forEach(
        (c, cs) ->
            out.put(
                c,
                BigDecimal.valueOf(cs)
                    .divide(BigDecimal.valueOf(360_000), 2, RoundingMode.HALF_UP)));
    return out;
  }

  private static Map<String, BigDecimal> amountsIn(Map<String, Object> m) {
    Map<String, BigDecimal> out = new TreeMap<>();
    for (Map<String, Object> a : list(m, "billable_amounts")) {
      out.put((String) a.get("currency"), new BigDecimal(a.get("amount").toString()).setScale(2));
    }
    return out;
  }

  private static long seconds(List<World.Entry> entries) {
    return entries.stream().mapToLong(World.Entry::duration).sum();
  }

  private static long billableSeconds(List<World.Entry> entries) {
    return seconds(entries.stream().filter(World.Entry::billable).toList());
  }

  /** Totals, billable seconds, amounts and per-user lines of a summary, against the records. */
  private void assertTotalsAndUsers(Map<String, Object> s, List<World.Entry> want) {
    assertThat(number(s.get("total_seconds"))).isEqualTo(seconds(want));
    assertThat(number(s.get("billable_seconds"))).isEqualTo(billableSeconds(want));
    assertThat(number(s.get("entry_count"))).isEqualTo(want.size());
    assertThat(amountsIn(s)).isEqualTo(amounts(want)).isNotEmpty();
    Map<Long, List<World.Entry>> byUser =
        want.stream().collect(Collectors.groupingBy(World.Entry::userId));
    List<Map<String, Object>> users = breakdown(s, "user");
    assertThat(users).hasSize(byUser.size());
    for (Map<String, Object> u : users) {
      List<World.Entry> theirs = byUser.get(Long.parseLong((String) u.get("key")));
      assertThat(u.get("name")).isEqualTo(memberName(Long.parseLong((String) u.get("key"))));
      assertThat(number(u.get("seconds"))).as(u.get("name").toString()).isEqualTo(seconds(theirs));
      assertThat(number(u.get("billable_seconds"))).isEqualTo(billableSeconds(theirs));
      assertThat(number(u.get("entry_count"))).isEqualTo(theirs.size());
      assertThat(amountsIn(u)).isEqualTo(amounts(theirs));
    }
  }

  @Test
  default void theTeamSummaryByUserAndProjectMatchesEveryonesRecords() {
    LocalDate first = LocalDate.of(2026, 10, 1);
    LocalDate last = LocalDate.of(2026, 10, 31);
    Map<String, Object> s =
        ok("get_team_summary", Map.of("start_date", first.toString(), "end_date", last.toString()));
    List<World.Entry> want = team(first, last, e -> true);
    assertThat(want.stream().map(World.Entry::userId).distinct()).hasSizeGreaterThan(5);
    assertTotalsAndUsers(s, want);
    assertThat((String) s.get("source")).contains("summary endpoint").contains("one request");
    Map<List<Long>, Long> nested = new HashMap<>();
    for (World.Entry e : want) {
      nested.merge(
          Arrays.asList(e.userId(), e.projectId() == null ? -1L : e.projectId()),
          e.duration(),
          Long::sum);
    }
    Map<List<Long>, Long> seen = new HashMap<>();
    for (Map<String, Object> u : breakdown(s, "user")) {
      for (Map<String, Object> p : list(u, "projects")) {
        String key = (String) p.get("key");
        seen.put(
            List.of(
                Long.parseLong((String) u.get("key")),
                key.equals("none") ? -1L : Long.parseLong(key)),
            number(p.get("seconds")));
      }
    }
    assertThat(seen).isEqualTo(nested);
    Map<String, Long> byProject = new HashMap<>();
    for (World.Entry e : want) {
      byProject.merge(
          e.projectId() == null ? "none" : e.projectId().toString(), e.duration(), Long::sum);
    }
    assertThat(
            breakdown(s, "project").stream()
                .collect(
                    Collectors.toMap(g -> (String) g.get("key"), g -> number(g.get("seconds")))))
        .isEqualTo(byProject);
  }

  @Test
  default void detailedRowsGiveTheSameNumbersAsTheSummaryEndpoint() {
    Map<String, Object> args =
        Map.of("start_date", "2026-09-01", "end_date", "2026-09-30", "group_by", List.of("user"));
    Map<String, Object> viaSummary = ok("get_team_summary", args);
    Map<String, Object> viaRows =
        ok(
            "get_team_summary",
            Map.of(
                "start_date",
                "2026-09-01",
                "end_date",
                "2026-09-30",
                "group_by",
                List.of("user", "week")));
    assertThat((String) viaSummary.get("source")).contains("summary endpoint");
    assertThat((String) viaRows.get("source")).contains("detailed search");
    List<World.Entry> want = team(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), e -> true);
    assertTotalsAndUsers(viaSummary, want);
    assertTotalsAndUsers(viaRows, want);
    assertThat(breakdown(viaRows, "week").stream().mapToLong(g -> number(g.get("seconds"))).sum())
        .isEqualTo(seconds(want));
  }

  @Test
  default void whoLoggedTimeOnAClientLastWeekAsTheDemoAsks() {
    long acme =
        world().clients().stream()
            .filter(c -> c.name().equals("Acme Corp") && c.workspaceId() == LIMA)
            .findFirst()
            .orElseThrow()
            .id();
    Map<String, Object> s =
        ok(
            "get_team_summary",
            Map.of(
                "period",
                "last_week",
                "client",
                "Acme Corp (Lima Consulting)",
                "group_by",
                List.of("user")));
    List<World.Entry> want =
        team(
            LocalDate.of(2026, 11, 16),
            LocalDate.of(2026, 11, 22),
            e ->
                e.projectId() != null
                    && Long.valueOf(acme)
                        .equals(world().project(e.projectId()).orElseThrow().clientId()));
    assertThat(want).isNotEmpty();
    assertTotalsAndUsers(s, want);
  }

  @Test
  default void oneMembersEntriesArriveWhole_pastFiftyRowsNewestFirst_byNameOrId() {
    long bruno = memberId("Bruno Costa");
    LocalDate first = LocalDate.of(2026, 9, 1);
    LocalDate last = LocalDate.of(2026, 10, 31);
    List<World.Entry> want = team(first, last, e -> e.userId() == bruno);
    assertThat(want).hasSizeGreaterThan(100);
    for (Object who : List.of("bruno costa", bruno)) {
      Map<String, Object> r =
          ok(
              "get_team_time_entries",
              Map.of(
                  "start_date", first.toString(),
                  "end_date", last.toString(),
                  "users", List.of(who),
                  "limit", 1000));
      assertThat(number(r.get("total"))).isEqualTo(want.size());
      assertThat(r.get("has_more")).isEqualTo(false);
      assertThat(number(r.get("total_seconds"))).isEqualTo(seconds(want));
      List<Map<String, Object>> entries = list(r, "entries");
      assertThat(entries.stream().map(e -> number(e.get("id"))).toList())
          .containsExactlyInAnyOrderElementsOf(want.stream().map(World.Entry::id).toList());
      assertThat(entries).allMatch(e -> "Bruno Costa".equals(e.get("user_name")));
      List<String> starts = entries.stream().map(e -> (String) e.get("start")).toList();
      assertThat(starts).isSortedAccordingTo(Comparator.reverseOrder());
    }
    Map<String, Object> paged =
        ok(
            "get_team_time_entries",
            Map.of(
                "start_date", first.toString(),
                "end_date", last.toString(),
                "users", List.of(bruno),
                "limit", 50,
                "offset", 50));
    assertThat(list(paged, "entries")).hasSize(50);
    assertThat(paged).containsEntry("has_more", true);
  }

  @Test
  default void everyonesEntriesWithADescriptionFilterCarryTheirNames() {
    LocalDate day = LocalDate.of(2026, 11, 24);
    List<World.Entry> want =
        team(day, day, e -> e.description().toLowerCase(Locale.ROOT).contains("review"));
    assertThat(want.stream().map(World.Entry::userId).distinct()).hasSizeGreaterThan(1);
    Map<String, Object> r =
        ok(
            "get_team_time_entries",
            Map.of("period", "yesterday", "description", "Review", "limit", 1000));
    assertThat(number(r.get("total"))).isEqualTo(want.size());
    Map<Long, String> names = new HashMap<>();
    want.forEach(e -> names.put(e.id(), memberName(e.userId())));
    for (Map<String, Object> e : list(r, "entries")) {
      assertThat(e.get("user_name")).isEqualTo(names.get(number(e.get("id"))));
    }
  }

  @Test
  default void aRangeLongerThanTogglsYearIsAskedInSpansAndSummed() {
    LocalDate first = LocalDate.of(2025, 10, 1);
    LocalDate last = LocalDate.of(2026, 11, 20);
    Map<String, Object> s =
        ok(
            "get_team_summary",
            Map.of(
                "start_date",
                first.toString(),
                "end_date",
                last.toString(),
                "group_by",
                List.of("user")));
    assertThat((String) s.get("source")).contains("2 spans");
    assertTotalsAndUsers(s, team(first, last, e -> true));
  }

  @Test
  default void membersAreListedWithRolesAndTheDeactivatedOne() {
    Map<String, Object> r = ok("list_workspace_users", Map.of());
    List<Map<String, Object>> members = list(r, "members");
    assertThat(members).hasSize(8);
    assertThat(r).containsEntry("you_are_admin", true).doesNotContainKey("limited");
    Map<String, Map<String, Object>> byName = new HashMap<>();
    members.forEach(m -> byName.put((String) m.get("name"), m));
    assertThat(byName.get("Mateo Rossi")).containsEntry("active", false);
    assertThat(byName.get("Bruno Costa"))
        .containsEntry("admin", true)
        .containsEntry("email", "bruno.costa@limaconsulting.example");
    assertThat(byName.get("Ana Lima")).containsEntry("is_you", true);
    assertThat(byName).containsKeys("Zoë Ñúñez", "佐藤 花子");
    assertThat(ToolsEndToEndTest.text(call("list_workspace_users", Map.of())))
        .contains("Mateo Rossi")
        .contains("deactivated");
  }

  @Test
  default void aFreeWorkspaceAndAnUnknownUserAreOneSentenceEach() {
    CallToolResult free =
        call("get_team_summary", Map.of("workspace_id", SIDE_PROJECTS, "period", "last_month"));
    assertThat(free.isError()).isTrue();
    assertThat(ToolsEndToEndTest.text(free))
        .startsWith("Team reports are not on the Toggl plan of Side Projects")
        .contains("get_time_summary");
    CallToolResult unknown =
        call("get_team_time_entries", Map.of("users", List.of("Jonas Webber")));
    assertThat(unknown.isError()).isTrue();
    assertThat(ToolsEndToEndTest.text(unknown))
        .contains("No user matches \"Jonas Webber\"; closest: \"Jonas Weber\"")
        .contains("list_workspace_users");
  }
}
