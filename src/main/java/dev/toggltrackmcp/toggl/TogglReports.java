package dev.toggltrackmcp.toggl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The Reports API v3, which reaches further back than v9's 90 days. One workspace per call; dates
 * are the user's local days, both inclusive; ranges longer than a year are split.
 */
public final class TogglReports {
  static final int PAGE_SIZE = 50;
  static final int LONGEST_SPAN_DAYS = 366;
  private static final String V3 = "/reports/api/v3/workspace/";

  private final TogglHttp http;
  private final ObjectMapper json = TogglJson.mapper();

  public TogglReports(TogglHttp http) {
    this.http = http;
  }

  /**
   * The finished entries of one user in a workspace whose local start day lies in {@code [first,
   * last]}. Entries come back with tag ids only; their {@code tags} names are left empty.
   */
  public List<TimeEntry> timeEntries(
      long workspaceId, long userId, LocalDate first, LocalDate last) {
    List<TimeEntry> all = new ArrayList<>();
    for (LocalDate from = first; !from.isAfter(last); from = from.plusDays(LONGEST_SPAN_DAYS)) {
      LocalDate to = min(last, from.plusDays(LONGEST_SPAN_DAYS - 1));
      all.addAll(searchPages(workspaceId, userId, from, to));
    }
    return all;
  }

  /** Seconds per project (or client) and sub-group for a range of at most a year. */
  public SummaryReport summary(
      long workspaceId, LocalDate first, LocalDate last, String grouping, String subGrouping) {
    ObjectNode body = json.createObjectNode();
    body.put("start_date", first.toString());
    body.put("end_date", last.toString());
    body.put("grouping", grouping);
    body.put("sub_grouping", subGrouping);
    String path = V3 + workspaceId + "/summary/time_entries";
    JsonNode answer = parse(http.postRead(path, body.toString()).body(), path);
    JsonNode groups = answer.path("groups");
    if (!groups.isArray()) {
      throw new TogglException.MalformedResponse(path);
    }
    List<SummaryReport.Group> result = new ArrayList<>();
    for (JsonNode g : groups) {
      List<SummaryReport.SubGroup> subs = new ArrayList<>();
      for (JsonNode s : g.path("sub_groups")) {
        subs.add(
            new SummaryReport.SubGroup(
                optionalId(s.get("id")), s.path("title").asText(""), s.path("seconds").asLong()));
      }
      result.add(new SummaryReport.Group(optionalId(g.get("id")), subs));
    }
    return new SummaryReport(result);
  }

  private List<TimeEntry> searchPages(long workspaceId, long userId, LocalDate from, LocalDate to) {
    String path = V3 + workspaceId + "/search/time_entries";
    ObjectNode body = json.createObjectNode();
    body.put("start_date", from.toString());
    body.put("end_date", to.toString());
    body.putArray("user_ids").add(userId);
    body.put("grouped", true);
    body.put("page_size", PAGE_SIZE);
    body.put("order_by", "date");
    body.put("order_dir", "ASC");
    List<TimeEntry> entries = new ArrayList<>();
    Set<String> cursorsSeen = new HashSet<>();
    while (true) {
      TogglHttp.Response response = http.postRead(path, body.toString());
      JsonNode rows = parse(response.body(), path);
      if (!rows.isArray()) {
        throw new TogglException.MalformedResponse(path);
      }
      for (JsonNode row : rows) {
        addRow(entries, row, workspaceId, path);
      }
      Optional<String> next = response.headers().firstValue("X-Next-Row-Number");
      if (next.isEmpty() || next.get().isBlank() || !cursorsSeen.add(next.get())) {
        return entries;
      }
      try {
        body.put("first_row_number", Long.parseLong(next.get().trim()));
      } catch (NumberFormatException e) {
        throw new TogglException.MalformedResponse(path);
      }
    }
  }

  private void addRow(List<TimeEntry> into, JsonNode row, long workspaceId, String path) {
    List<Long> tagIds = new ArrayList<>();
    row.path("tag_ids").forEach(t -> tagIds.add(t.asLong()));
    Long projectId = optionalId(row.get("project_id"));
    Long taskId = optionalId(row.get("task_id"));
    Long userId = optionalId(row.get("user_id"));
    String description = row.path("description").asText("");
    boolean billable = row.path("billable").asBoolean(false);
    for (JsonNode item : row.path("time_entries")) {
      Instant start = instant(item.get("start"), path);
      Instant stop = item.hasNonNull("stop") ? instant(item.get("stop"), path) : null;
      long id = item.path("id").asLong();
      if (start == null || id == 0 || stop == null) {
        continue; // a running entry or a broken item; running ones are read from v9
      }
      into.add(
          new TimeEntry(
              id,
              workspaceId,
              projectId,
              taskId,
              billable,
              start,
              stop,
              item.path("seconds").asLong(),
              description,
              List.of(),
              tagIds,
              userId,
              item.hasNonNull("at") ? instant(item.get("at"), path) : null,
              null));
    }
  }

  private @Nullable Instant instant(@Nullable JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return null;
    }
    try {
      return json.treeToValue(node, Instant.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new TogglException.MalformedResponse(path);
    }
  }

  private JsonNode parse(String body, String path) {
    try {
      JsonNode node = json.readTree(body);
      if (node == null) {
        throw new TogglException.MalformedResponse(path);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new TogglException.MalformedResponse(path);
    }
  }

  private static @Nullable Long optionalId(@Nullable JsonNode node) {
    return node == null || node.isNull() ? null : node.asLong();
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
