package dev.toggltrackmcp.sandbox;

import static dev.toggltrackmcp.sandbox.SimulatorJson.array;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toggltrackmcp.sandbox.SimulatorJson.Style;
import dev.toggltrackmcp.sandbox.World.Entry;
import dev.toggltrackmcp.sandbox.World.Member;
import dev.toggltrackmcp.sandbox.World.Project;
import dev.toggltrackmcp.sandbox.World.Workspace;
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

/**
 * The Track API v9 reads, behaving as {@code toggl-api.md} describes, for whoever the token belongs
 * to: {@code /me…} answers with the caller's profile, workspaces and entries, and a workspace the
 * caller is not an active member of answers 403.
 *
 * <p>{@code GET /workspaces/{wid}/users} lists the members; for a caller who is not an admin of the
 * workspace the emails are withheld ({@code null}), a plausible limitation chosen here (which one
 * Toggl applies is unverified).
 */
final class SimulatedTrackApi {
  private static final Pattern WS =
      Pattern.compile("/api/v9/workspaces/(\\d+)(?:/(\\w+)(?:/(\\d+))?)?");
  private static final Pattern ENTRY = Pattern.compile("/api/v9/me/time_entries/(\\d+)");
  static final int LOOKBACK_DAYS = 90;

  private final Dataset data;
  private final Clock clock;

  SimulatedTrackApi(Dataset data, Clock clock) {
    this.data = data;
    this.clock = clock;
  }

  Answer get(Member caller, String token, String path, Map<String, String> query) {
    boolean meta = "true".equals(query.get("meta"));
    switch (path) {
      case "/api/v9/me":
        return me(caller, token, "true".equals(query.get("with_related_data")));
      case "/api/v9/me/workspaces":
        return Answer.json(
            array(
                visibleWorkspaces(caller).stream()
                    .map(w -> SimulatorJson.workspace(w, caller))
                    .toList()));
      case "/api/v9/me/organizations":
        return Answer.json(organizations(caller));
      case "/api/v9/me/time_entries":
        return timeEntries(caller, query, meta);
      case "/api/v9/me/time_entries/current":
        return data.runningOf(caller.id())
            .map(e -> Answer.json(SimulatorJson.entry(e, data, meta, Style.READ)))
            .orElse(new Answer(200, "null", Map.of()));
      default:
        break;
    }
    Matcher entry = ENTRY.matcher(path);
    if (entry.matches()) {
      return data.find(Long.parseLong(entry.group(1)))
          .filter(e -> e.userId() == caller.id() && !e.deleted())
          .map(e -> Answer.json(SimulatorJson.entry(e, data, meta, Style.READ)))
          .orElse(Answer.error(404, "Time entry not found"));
    }
    Matcher ws = WS.matcher(path);
    if (ws.matches()) {
      long wid = Long.parseLong(ws.group(1));
      Workspace workspace = data.workspace(wid).orElse(null);
      if (workspace == null || !caller.belongsTo(wid)) {
        return Answer.error(403, "Workspace not found/accessible");
      }
      if (ws.group(2) == null) {
        return Answer.json(SimulatorJson.workspace(workspace, caller));
      }
      return workspaceList(caller, workspace, ws.group(2), ws.group(3), query);
    }
    return Answer.error(404, "Not found");
  }

  private List<Workspace> visibleWorkspaces(Member caller) {
    return data.workspaces().stream().filter(w -> caller.belongsTo(w.id())).toList();
  }

  private Answer me(Member caller, String token, boolean related) {
    ObjectNode me = SimulatorJson.user(caller.user(), token);
    if (related) {
      List<Workspace> visible = visibleWorkspaces(caller);
      Predicate<Long> in = wid -> visible.stream().anyMatch(w -> w.id() == wid);
      me.set(
          "workspaces",
          array(visible.stream().map(w -> SimulatorJson.workspace(w, caller)).toList()));
      me.set(
          "projects",
          array(
              data.projects().stream()
                  .filter(p -> in.test(p.workspaceId()))
                  .map(SimulatorJson::project)
                  .toList()));
      me.set(
          "clients",
          array(
              data.clients().stream()
                  .filter(c -> in.test(c.workspaceId()))
                  .map(SimulatorJson::client)
                  .toList()));
      me.set(
          "tags",
          array(
              data.tags().stream()
                  .filter(t -> in.test(t.workspaceId()))
                  .map(SimulatorJson::tag)
                  .toList()));
      List<World.Task> tasks = data.tasks().stream().filter(t -> in.test(t.workspaceId())).toList();
      if (!tasks.isEmpty()) {
        me.set("tasks", array(tasks.stream().map(SimulatorJson::task).toList()));
      }
      Instant since = clock.instant().minus(Duration.ofDays(9));
      me.set(
          "time_entries", entries(caller, e -> !e.deleted() && !e.start().isBefore(since), false));
    }
    return Answer.json(me);
  }

  private ArrayNode organizations(Member caller) {
    ArrayNode out = SimulatorJson.MAPPER.createArrayNode();
    for (World.Organization org : data.organizations()) {
      boolean visible =
          visibleWorkspaces(caller).stream().anyMatch(w -> w.organizationId() == org.id());
      if (!visible) {
        continue;
      }
      ObjectNode o = out.addObject();
      o.put("id", org.id());
      o.put("name", org.name());
      o.put("pricing_plan_name", org.plan());
      o.put("admin", caller.admin());
      o.put("owner", caller.id() == data.user().id() && org.id() == 6_543_210L);
      o.put(
          "user_count",
          data.members().stream()
              .filter(m -> m.active())
              .filter(
                  m ->
                      data.workspaces().stream()
                          .anyMatch(w -> w.organizationId() == org.id() && m.belongsTo(w.id())))
              .count());
      o.putNull("suspended_at");
      o.putNull("server_deleted_at");
    }
    return out;
  }

  private Answer timeEntries(Member caller, Map<String, String> query, boolean meta) {
    Instant now = clock.instant();
    if (query.containsKey("since") && query.containsKey("before")) {
      return Answer.error(400, "'since' and 'before' can not be present simultaneously");
    }
    try {
      if (query.containsKey("since")) {
        Instant since = Instant.ofEpochSecond(Long.parseLong(query.get("since")));
        return Answer.json(entries(caller, e -> !e.at().isBefore(since), meta));
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
            entries(
                caller,
                e -> !e.deleted() && !e.start().isBefore(start) && e.start().isBefore(end),
                meta));
      }
      if (query.containsKey("before")) {
        Instant before = instantOf(query.get("before"));
        return Answer.json(entries(caller, e -> !e.deleted() && e.start().isBefore(before), meta));
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      return Answer.error(400, "Invalid date or timestamp");
    }
    Instant since = now.minus(Duration.ofDays(9));
    return Answer.json(entries(caller, e -> !e.deleted() && !e.start().isBefore(since), meta));
  }

  private Answer workspaceList(
      Member caller, Workspace ws, String what, String id, Map<String, String> query) {
    long wid = ws.id();
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
      case "users" -> {
        boolean admin = caller.admin();
        return Answer.json(
            array(
                data.members().stream()
                    .filter(m -> m.workspaceIds().contains(wid))
                    .map(m -> SimulatorJson.workspaceUser(m, admin))
                    .toList()));
      }
      case "time_entry_constraints" -> {
        return Answer.json(SimulatorJson.constraints(ws.constraints()));
      }
      case "time_entries" -> {
        return Answer.error(405, "Method not allowed"); // only POST exists on this path
      }
      default -> {
        return Answer.error(404, "Not found");
      }
    }
  }

  private ArrayNode entries(Member caller, Predicate<Entry> which, boolean meta) {
    return array(
        data.allEntriesOf(caller.id()).stream()
            .filter(which)
            .map(e -> SimulatorJson.entry(e, data, meta, Style.READ))
            .toList());
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
}
