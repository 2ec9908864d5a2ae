package dev.toggltrackmcp.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toggltrackmcp.sandbox.World.Entry;
import dev.toggltrackmcp.sandbox.World.Project;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Track API v9 reads, behaving as {@code toggl-api.md} describes. */
final class SimulatedTrackApi {
  private static final Pattern WS = Pattern.compile("/api/v9/workspaces/(\\d+)/(\\w+)(?:/(\\d+))?");
  private static final Pattern ENTRY = Pattern.compile("/api/v9/me/time_entries/(\\d+)");
  static final int LOOKBACK_DAYS = 90;

  private final Dataset data;
  private final Clock clock;
  private final String token;

  SimulatedTrackApi(Dataset data, Clock clock, String token) {
    this.data = data;
    this.clock = clock;
    this.token = token;
  }

  Answer get(String path, Map<String, String> query) {
    switch (path) {
      case "/api/v9/me":
        return me("true".equals(query.get("with_related_data")));
      case "/api/v9/me/workspaces":
        return Answer.json(
            array(data.workspaces().stream().map(SimulatorJson::workspace).toList()));
      case "/api/v9/me/time_entries":
        return timeEntries(query);
      case "/api/v9/me/time_entries/current":
        return data.running()
            .map(e -> Answer.json(SimulatorJson.entry(e, data)))
            .orElse(new Answer(200, "null", Map.of()));
      case "/api/v9/me/quota":
        return new Answer(200, "[]", Map.of()); // filled in by the server, which keeps the quota
      default:
        break;
    }
    Matcher entry = ENTRY.matcher(path);
    if (entry.matches()) {
      return data.entry(Long.parseLong(entry.group(1)))
          .filter(e -> !e.deleted())
          .map(e -> Answer.json(SimulatorJson.entry(e, data)))
          .orElse(Answer.error(404, "Time entry not found"));
    }
    Matcher ws = WS.matcher(path);
    if (ws.matches()) {
      long wid = Long.parseLong(ws.group(1));
      if (data.workspace(wid).isEmpty()) {
        return Answer.error(403, "Workspace not found/accessible");
      }
      return workspaceList(wid, ws.group(2), ws.group(3), query);
    }
    return Answer.error(404, "Not found");
  }

  private Answer me(boolean related) {
    ObjectNode me = SimulatorJson.user(data.user(), token);
    if (related) {
      me.set(
          "workspaces", array(data.workspaces().stream().map(SimulatorJson::workspace).toList()));
      me.set("projects", array(data.projects().stream().map(SimulatorJson::project).toList()));
      me.set("clients", array(data.clients().stream().map(SimulatorJson::client).toList()));
      me.set("tags", array(data.tags().stream().map(SimulatorJson::tag).toList()));
      if (!data.tasks().isEmpty()) {
        me.set("tasks", array(data.tasks().stream().map(SimulatorJson::task).toList()));
      }
      Instant since = clock.instant().minus(Duration.ofDays(9));
      me.set("time_entries", entries(e -> !e.deleted() && !e.start().isBefore(since)));
    }
    return Answer.json(me);
  }

  private Answer timeEntries(Map<String, String> query) {
    Instant now = clock.instant();
    if (query.containsKey("since") && query.containsKey("before")) {
      return Answer.error(400, "'since' and 'before' can not be present simultaneously");
    }
    try {
      if (query.containsKey("since")) {
        Instant since = Instant.ofEpochSecond(Long.parseLong(query.get("since")));
        return Answer.json(entries(e -> !e.at().isBefore(since)));
      }
      if (query.containsKey("start_date") != query.containsKey("end_date")) {
        return Answer.error(400, "start_date and end_date must be given together");
      }
      if (query.containsKey("start_date")) {
        Instant start = instantOf(query.get("start_date"));
        Instant end = instantOf(query.get("end_date"));
        LocalDate earliest = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(LOOKBACK_DAYS);
        if (start.isBefore(earliest.atStartOfDay(ZoneOffset.UTC).toInstant())) {
          return Answer.error(400, "start_date must not be earlier than " + earliest);
        }
        return Answer.json(
            entries(e -> !e.deleted() && !e.start().isBefore(start) && e.start().isBefore(end)));
      }
      if (query.containsKey("before")) {
        Instant before = instantOf(query.get("before"));
        return Answer.json(entries(e -> !e.deleted() && e.start().isBefore(before)));
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      return Answer.error(400, "Invalid date or timestamp");
    }
    Instant since = now.minus(Duration.ofDays(9));
    return Answer.json(entries(e -> !e.deleted() && !e.start().isBefore(since)));
  }

  private Answer workspaceList(long wid, String what, String id, Map<String, String> query) {
    switch (what) {
      case "projects" -> {
        if (id != null) {
          return data.project(Long.parseLong(id))
              .filter(p -> p.workspaceId() == wid)
              .map(p -> Answer.json(SimulatorJson.project(p)))
              .orElse(Answer.error(404, "Project not found"));
        }
        String active = query.getOrDefault("active", "true");
        int perPage = Math.min(200, intParam(query, "per_page", 151));
        int page = Math.max(1, intParam(query, "page", 1));
        List<Project> all =
            data.projects().stream()
                .filter(p -> p.workspaceId() == wid)
                .filter(p -> active.equals("both") || p.active() == active.equals("true"))
                .toList();
        return Answer.json(
            array(page(all, page, perPage).stream().map(SimulatorJson::project).toList()));
      }
      case "clients" -> {
        String status = query.getOrDefault("status", "active");
        return Answer.json(
            array(
                data.clients().stream()
                    .filter(c -> c.workspaceId() == wid)
                    .filter(c -> status.equals("both") || c.archived() == status.equals("archived"))
                    .map(SimulatorJson::client)
                    .toList()));
      }
      case "tags" -> {
        return Answer.json(
            array(
                data.tags().stream()
                    .filter(t -> t.workspaceId() == wid)
                    .map(SimulatorJson::tag)
                    .toList()));
      }
      case "tasks" -> {
        int perPage = intParam(query, "per_page", 50);
        int page = Math.max(1, intParam(query, "page", 1));
        List<World.Task> all = data.tasks().stream().filter(t -> t.workspaceId() == wid).toList();
        ObjectNode wrapped = SimulatorJson.MAPPER.createObjectNode();
        wrapped.set(
            "data", array(page(all, page, perPage).stream().map(SimulatorJson::task).toList()));
        wrapped.put("page", page);
        wrapped.put("per_page", perPage);
        wrapped.put("total_count", all.size());
        return Answer.json(wrapped);
      }
      default -> {
        return Answer.error(404, "Not found");
      }
    }
  }

  private ArrayNode entries(Predicate<Entry> which) {
    return array(
        data.allEntries().stream().filter(which).map(e -> SimulatorJson.entry(e, data)).toList());
  }

  private static <T> List<T> page(List<T> all, int page, int perPage) {
    int from = Math.min(all.size(), (page - 1) * perPage);
    return all.subList(from, Math.min(all.size(), from + perPage));
  }

  private static int intParam(Map<String, String> query, String name, int fallback) {
    try {
      return query.containsKey(name) ? Integer.parseInt(query.get(name)) : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** Dates or RFC 3339 times, as Toggl accepts them. */
  static Instant instantOf(String text) {
    if (text.length() == 10) {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    return OffsetDateTime.parse(text).toInstant();
  }

  static ArrayNode array(List<? extends com.fasterxml.jackson.databind.JsonNode> nodes) {
    ArrayNode a = SimulatorJson.MAPPER.createArrayNode();
    a.addAll(nodes);
    return a;
  }
}
