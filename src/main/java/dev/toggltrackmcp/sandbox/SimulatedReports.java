package dev.toggltrackmcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toggltrackmcp.sandbox.World.Entry;
import dev.toggltrackmcp.sandbox.World.Project;
import dev.toggltrackmcp.sandbox.World.Workspace;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Reports API v3 search and summary, over the whole history, in the user's local days. */
final class SimulatedReports {
  private static final Pattern PATH =
      Pattern.compile("/reports/api/v3/workspace/(\\d+)/(search|summary)/time_entries");
  static final int MAX_PAGE_SIZE = 50;

  private final Dataset data;

  SimulatedReports(Dataset data) {
    this.data = data;
  }

  Answer post(String path, String body) {
    Matcher m = PATH.matcher(path);
    if (!m.matches()) {
      return Answer.error(404, "Not found");
    }
    long wid = Long.parseLong(m.group(1));
    Workspace ws = data.workspace(wid).orElse(null);
    if (ws == null) {
      return Answer.error(403, "Workspace not found/accessible");
    }
    JsonNode request;
    LocalDate first;
    LocalDate last;
    try {
      request = SimulatorJson.MAPPER.readTree(body);
      first = LocalDate.parse(request.path("start_date").asText());
      last = LocalDate.parse(request.path("end_date").asText());
    } catch (IOException | DateTimeParseException e) {
      return Answer.error(400, "Invalid 'start_date' or 'end_date' value");
    }
    if (last.isBefore(first)) {
      return Answer.error(400, "end_date must not be earlier than start_date");
    }
    if (ChronoUnit.DAYS.between(first, last) >= 366) {
      return Answer.error(400, "The maximum date range is one year");
    }
    List<Entry> matching = matching(wid, first, last, request);
    return m.group(2).equals("search") ? search(ws, matching, request) : summary(matching, request);
  }

  private List<Entry> matching(long wid, LocalDate first, LocalDate last, JsonNode request) {
    ZoneId zone = ZoneId.of(data.user().timezone());
    Set<Long> projects = ids(request.get("project_ids"));
    Set<Long> tags = ids(request.get("tag_ids"));
    String description = request.path("description").asText("").toLowerCase();
    List<Entry> result = new ArrayList<>();
    for (Entry e : data.liveEntries()) {
      LocalDate day = LocalDate.ofInstant(e.start(), zone);
      if (e.workspaceId() != wid || e.running() || day.isBefore(first) || day.isAfter(last)) {
        continue;
      }
      if (!projects.isEmpty() && !projects.contains(e.projectId())) {
        continue;
      }
      if (!tags.isEmpty() && e.tagIds().stream().noneMatch(tags::contains)) {
        continue;
      }
      if (!description.isEmpty() && !e.description().toLowerCase().contains(description)) {
        continue;
      }
      if (request.has("billable") && request.get("billable").asBoolean() != e.billable()) {
        continue;
      }
      result.add(e);
    }
    java.util.Collections.reverse(result); // reports order by date, oldest first
    return result;
  }

  private Answer search(Workspace ws, List<Entry> entries, JsonNode request) {
    boolean grouped = request.path("grouped").asBoolean(false);
    Map<List<Object>, List<Entry>> rows = new LinkedHashMap<>();
    for (Entry e : entries) {
      List<Object> key =
          grouped
              ? List.of(
                  Objects.toString(e.projectId()),
                  Objects.toString(e.taskId()),
                  e.description(),
                  e.tagIds().stream().sorted().toList(),
                  e.billable())
              : List.of(e.id());
      rows.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
    }
    List<List<Entry>> all = new ArrayList<>(rows.values());
    if (request.path("order_dir").asText("ASC").equalsIgnoreCase("DESC")) {
      java.util.Collections.reverse(all); // newest first
    }
    int size = Math.min(MAX_PAGE_SIZE, Math.max(1, request.path("page_size").asInt(MAX_PAGE_SIZE)));
    int firstRow = Math.max(1, request.path("first_row_number").asInt(1));
    int from = Math.min(all.size(), firstRow - 1);
    int to = Math.min(all.size(), from + size);
    ArrayNode page = SimulatorJson.MAPPER.createArrayNode();
    for (int i = from; i < to; i++) {
      page.add(row(ws, i + 1, all.get(i)));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (to < all.size()) {
      headers.put("X-Next-Row-Number", Integer.toString(to + 1));
      headers.put("X-Next-ID", Long.toString(all.get(to).get(0).id()));
    }
    return new Answer(200, page.toString(), headers);
  }

  private ObjectNode row(Workspace ws, int number, List<Entry> group) {
    Entry head = group.get(0);
    ObjectNode row = SimulatorJson.MAPPER.createObjectNode();
    row.put("row_number", number);
    row.put("user_id", data.user().id());
    row.put("username", data.user().fullname());
    row.put("project_id", head.projectId());
    row.put("task_id", head.taskId());
    row.put("description", head.description());
    ArrayNode tagIds = row.putArray("tag_ids");
    head.tagIds().forEach(tagIds::add);
    row.put("billable", head.billable());
    Project project = head.projectId() == null ? null : data.project(head.projectId()).orElse(null);
    BigDecimal rate =
        project != null && project.rate() != null ? project.rate() : ws.defaultHourlyRate();
    long seconds = group.stream().mapToLong(Entry::duration).sum();
    if (rate == null || !head.billable()) {
      row.putNull("hourly_rate_in_cents");
      row.putNull("billable_amount_in_cents");
    } else {
      row.put("hourly_rate_in_cents", rate.movePointRight(2).longValue());
      row.put(
          "billable_amount_in_cents",
          rate.movePointRight(2)
              .multiply(BigDecimal.valueOf(seconds))
              .divide(BigDecimal.valueOf(3600), 0, RoundingMode.HALF_UP)
              .longValue());
    }
    row.put("currency", ws.defaultCurrency());
    ArrayNode items = row.putArray("time_entries");
    for (Entry e : group) {
      ObjectNode item = items.addObject();
      item.put("id", e.id());
      item.put("seconds", e.duration());
      item.put("start", SimulatorJson.time(e.start()));
      item.put("stop", SimulatorJson.time(e.stop()));
      item.put("at", SimulatorJson.time(e.at()));
    }
    return row;
  }

  private Answer summary(List<Entry> entries, JsonNode request) {
    String grouping = request.path("grouping").asText("projects");
    String sub = request.path("sub_grouping").asText("time_entries");
    Map<Long, Map<String, long[]>> groups = new LinkedHashMap<>();
    Map<String, Long> subIds = new LinkedHashMap<>();
    for (Entry e : entries) {
      Long project = e.projectId();
      Long client =
          project == null ? null : data.project(project).map(Project::clientId).orElse(null);
      Long groupId = grouping.equals("clients") ? client : project;
      Long subId =
          switch (sub) {
            case "projects" -> project;
            case "clients" -> client;
            case "tasks" -> e.taskId();
            default -> null;
          };
      String title = sub.equals("time_entries") ? e.description() : Objects.toString(subId);
      subIds.put(title, subId);
      groups.computeIfAbsent(groupId == null ? -1L : groupId, k -> new LinkedHashMap<>())
              .computeIfAbsent(title, k -> new long[1])[0] +=
          e.duration();
    }
    ObjectNode root = SimulatorJson.MAPPER.createObjectNode();
    ArrayNode out = root.putArray("groups");
    groups.forEach(
        (id, subs) -> {
          ObjectNode g = out.addObject();
          g.put("id", id == -1L ? null : id);
          ArrayNode sg = g.putArray("sub_groups");
          subs.forEach(
              (title, seconds) -> {
                ObjectNode s = sg.addObject();
                s.put("id", subIds.get(title));
                s.put("title", title);
                s.put("seconds", seconds[0]);
              });
        });
    return Answer.json(root);
  }

  private static Set<Long> ids(JsonNode node) {
    Set<Long> ids = new HashSet<>();
    if (node != null && node.isArray()) {
      node.forEach(n -> ids.add(n.asLong()));
    }
    return ids;
  }
}
