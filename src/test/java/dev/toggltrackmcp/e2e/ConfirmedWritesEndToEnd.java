package dev.toggltrackmcp.e2e;

import static dev.toggltrackmcp.e2e.WritesEndToEndTest.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.sandbox.Dataset;
import dev.toggltrackmcp.sandbox.Fault;
import dev.toggltrackmcp.sandbox.World;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The writes that change or remove what exists, and the ones that make new names: delete and bulk
 * edits previewed until confirmed, a bulk edit in requests of at most 100 ids and its partial
 * failure, tags/clients/projects created only when asked, and lost answers that never make a second
 * entry or a second delete.
 */
interface ConfirmedWritesEndToEnd {
  CallToolResult call(String tool, Map<String, Object> args);

  SimulatorCounters simulator();

  Dataset world();

  Map<String, Integer> requestsOf(Runnable run);

  World.Entry firstEntryOn(int day);

  long lima();

  @Test
  default void aDeleteIsPreviewedUntilConfirmedThenGoneFromEveryTotal() {
    World.Entry e = firstEntryOn(6);
    long seconds = e.stop().getEpochSecond() - e.start().getEpochSecond();
    Map<String, Object> day = Map.of("start_date", "2026-11-06", "end_date", "2026-11-06");
    long before = number(data(call("get_time_summary", day)).get("total_seconds"));
    assertThat(
            requestsOf(
                () -> {
                  Map<String, Object> preview =
                      data(call("delete_time_entry", Map.of("time_entry_id", e.id())));
                  assertThat(preview)
                      .containsEntry("applied", false)
                      .containsEntry("entry_count", 1);
                  assertThat(number(preview.get("total_seconds"))).isEqualTo(seconds);
                  assertThat(number(map(preview.get("entry")).get("id"))).isEqualTo(e.id());
                  assertThat(number(data(call("get_time_summary", day)).get("total_seconds")))
                      .as("a preview deletes nothing")
                      .isEqualTo(before);
                }))
        .as("a preview asks Toggl nothing")
        .isEmpty();
    CallToolResult[] deleted = new CallToolResult[1];
    assertThat(
            requestsOf(
                () ->
                    deleted[0] =
                        call(
                            "delete_time_entry", Map.of("time_entry_id", e.id(), "confirm", true))))
        .isEqualTo(Map.of("DELETE /api/v9/workspaces/{id}/time_entries/{id}", 1));
    assertThat(data(deleted[0])).containsEntry("applied", true);
    assertThat(
            requestsOf(
                () -> {
                  assertThat(number(data(call("get_time_summary", day)).get("total_seconds")))
                      .isEqualTo(before - seconds);
                  assertThat(maps(data(call("list_time_entries", day)).get("entries")))
                      .noneMatch(x -> number(x.get("id")) == e.id());
                  CallToolResult again = call("delete_time_entry", Map.of("time_entry_id", e.id()));
                  assertThat(again.isError()).isTrue();
                  assertThat(text(again)).contains("No time entry");
                }))
        .as("read after delete")
        .isEmpty();
  }

  @Test
  default void aBulkEditIsPreviewedUntilConfirmedThenAppliedPerEntry() {
    Map<String, Object> which =
        new HashMap<>(
            Map.of(
                "start_date", "2026-11-09",
                "end_date", "2026-11-13",
                "project", "Website Redesign",
                "changes", Map.of("add_tags", List.of("billable-review"))));
    Map<String, Object>[] preview = new Map[1];
    assertThat(requestsOf(() -> preview[0] = data(call("bulk_update_time_entries", which))))
        .isEmpty();
    long n = number(preview[0].get("entry_count"));
    assertThat(n).isPositive();
    assertThat(preview[0]).containsEntry("applied", false).containsEntry("updated_count", 0);
    assertThat(text(call("bulk_update_time_entries", which))).startsWith("Preview");
    which.put("confirm", true);
    Map<String, Object>[] applied = new Map[1];
    assertThat(requestsOf(() -> applied[0] = data(call("bulk_update_time_entries", which))))
        .isEqualTo(
            Map.of("PATCH /api/v9/workspaces/{id}/time_entries/{ids}", (int) ((n + 99) / 100)));
    assertThat(applied[0])
        .containsEntry("applied", true)
        .containsEntry("complete", true)
        .containsEntry("updated_count", (int) n);
    assertThat(
            requestsOf(
                () ->
                    assertThat(
                            number(
                                data(call(
                                        "list_time_entries",
                                        Map.of(
                                            "start_date", "2026-11-09",
                                            "end_date", "2026-11-13",
                                            "tags", List.of("billable-review"),
                                            "project", "Website Redesign")))
                                    .get("total")))
                        .isEqualTo(n)))
        .as("read after write")
        .isEmpty();
  }

  @Test
  default void aBulkEditOfMoreThanAHundredEntriesGoesInRequestsOfAHundred() {
    Map<String, Object> which =
        new HashMap<>(
            Map.of(
                "start_date",
                "2026-09-01",
                "end_date",
                "2026-10-31",
                "workspace_id",
                lima(),
                "changes",
                Map.of("add_tags", List.of("travel"))));
    long n = number(data(call("bulk_update_time_entries", which)).get("entry_count"));
    assertThat(n).as("enough entries for two requests").isGreaterThan(100);
    which.put("confirm", true);
    Map<String, Object>[] applied = new Map[1];
    assertThat(requestsOf(() -> applied[0] = data(call("bulk_update_time_entries", which))))
        .containsEntry("PATCH /api/v9/workspaces/{id}/time_entries/{ids}", (int) ((n + 99) / 100));
    assertThat(applied[0]).containsEntry("complete", true).containsEntry("updated_count", (int) n);
  }

  @Test
  default void aBulkEditThatPartlyFailsSaysWhichAndNeverDone() {
    LocalDate d = LocalDate.of(2026, 11, 12);
    List<World.Entry> three =
        world().liveEntries().stream()
            .filter(e -> !e.running() && LocalDate.ofInstant(e.start(), BERLIN).equals(d))
            .filter(e -> e.workspaceId() == lima())
            .limit(3)
            .toList();
    assertThat(three).hasSize(3);
    long gone = three.get(2).id();
    simulator().deleteInToggl(gone); // the user deletes it in the Toggl app; the cache still has it
    CallToolResult r =
        call(
            "bulk_update_time_entries",
            Map.of(
                "time_entry_ids", three.stream().map(World.Entry::id).toList(),
                "changes", Map.of("description", "Sprint review"),
                "confirm", true));
    Map<String, Object> out = data(r);
    assertThat(out).containsEntry("complete", false).containsEntry("updated_count", 2);
    assertThat(maps(out.get("failed"))).extracting(f -> number(f.get("id"))).containsExactly(gone);
    assertThat(text(r))
        .contains("Only partly done")
        .contains(Long.toString(gone))
        .doesNotContain("Changed all");
  }

  @Test
  default void tagsClientsAndProjectsAreCreatedOnlyWhenAskedAndReadAtOnce() {
    assertThat(requestsOf(() -> data(call("create_tag", Map.of("name", "q1")))))
        .isEqualTo(Map.of("POST /api/v9/workspaces/{id}/tags", 1));
    Map<String, Object>[] client = new Map[1];
    assertThat(
            requestsOf(
                () -> client[0] = data(call("create_client", Map.of("name", "Initech Labs")))))
        .isEqualTo(Map.of("POST /api/v9/workspaces/{id}/clients", 1));
    Map<String, Object>[] created = new Map[1];
    assertThat(
            requestsOf(
                () ->
                    created[0] =
                        data(
                            call(
                                "create_project",
                                Map.of("name", "Quantum Ledger", "client", "Initech Labs")))))
        .isEqualTo(Map.of("POST /api/v9/workspaces/{id}/projects", 1));
    Map<String, Object> project = map(created[0].get("project"));
    assertThat(project).containsEntry("client_name", "Initech Labs");
    assertThat(
            requestsOf(
                () -> {
                  assertThat(number(data(call("list_tags", Map.of("query", "q1"))).get("total")))
                      .isEqualTo(1);
                  assertThat(
                          number(
                              data(call("list_projects", Map.of("query", "quantum ledger")))
                                  .get("total")))
                      .isEqualTo(1);
                  CallToolResult again = call("create_tag", Map.of("name", "Q1"));
                  assertThat(again.isError()).isTrue();
                  assertThat(text(again)).contains("already exists");
                }))
        .as("read after write")
        .isEmpty();
    nothingAt(world(), local(2, "05:00"), local(2, "05:30"));
    assertThat(
            map(
                data(call(
                        "create_time_entry",
                        Map.of(
                            "project",
                            "Quantum Ledger",
                            "tags",
                            List.of("q1"),
                            "start",
                            "2026-11-02T05:00",
                            "duration",
                            30)))
                    .get("entry")))
        .containsEntry("project_name", "Quantum Ledger")
        .containsEntry("client_name", "Initech Labs")
        .containsEntry("tags", List.of("q1"));
  }

  @Test
  default void aCreateWhoseAnswerIsLostIsStoredExactlyOnce() {
    nothingAt(world(), local(11, "05:00"), local(11, "05:30"));
    int stored = simulator().storedByEndpoint().getOrDefault(CREATE, 0);
    simulator().fault(Fault.STORED_THEN_502, "POST", "/api/v9/workspaces/");
    CallToolResult[] lost = new CallToolResult[1];
    assertThat(
            requestsOf(
                () ->
                    lost[0] =
                        call(
                            "create_time_entry",
                            Map.of(
                                "description",
                                "Lost answer",
                                "start",
                                "2026-11-11T05:00",
                                "duration",
                                "30m"))))
        .as("the create, then one since request that finds it stored")
        .isEqualTo(Map.of(CREATE, 1, "GET /api/v9/me/time_entries", 1));
    CallToolResult r = lost[0];
    assertThat(text(r)).contains("Note:");
    assertThat(simulator().storedByEndpoint().get(CREATE) - stored)
        .as("stored once: " + text(r))
        .isEqualTo(1);
    assertThat(data(r)).containsKey("entry");
    assertThat(
            number(
                data(call(
                        "search_time_entries",
                        Map.of("query", "Lost answer", "period", "this_month")))
                    .get("total")))
        .isEqualTo(1);
  }

  @Test
  default void aDeleteWhoseAnswerIsLostIsDoneOnceAndSaysSo() {
    World.Entry e = firstEntryOn(13);
    String delete = "DELETE /api/v9/workspaces/{id}/time_entries/{id}";
    int stored = simulator().storedByEndpoint().getOrDefault(delete, 0);
    simulator().fault(Fault.STORED_THEN_DROPPED, "DELETE", "/api/v9/workspaces/");
    CallToolResult r = call("delete_time_entry", Map.of("time_entry_id", e.id(), "confirm", true));
    assertThat(data(r)).containsEntry("applied", true);
    assertThat(text(r)).startsWith("Deleted");
    assertThat(
            maps(
                data(call(
                        "list_time_entries",
                        Map.of("start_date", "2026-11-13", "end_date", "2026-11-13")))
                    .get("entries")))
        .noneMatch(x -> number(x.get("id")) == e.id());
    assertThat(simulator().storedByEndpoint().get(delete) - stored).isEqualTo(1);
  }
}
