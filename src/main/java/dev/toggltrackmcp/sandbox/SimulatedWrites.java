package dev.toggltrackmcp.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.toggltrackmcp.sandbox.World.Member;
import dev.toggltrackmcp.sandbox.World.Workspace;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Track v9 writes, routed by method and path (all are workspace paths, so they count against
 * the organization quota). {@code ?meta=true} is accepted on entry writes. A refused write answers
 * Toggl's error and changes nothing.
 */
final class SimulatedWrites {
  private static final Pattern PATH =
      Pattern.compile(
          "/api/v9/workspaces/(\\d+)/(time_entries|tags|clients|projects)(?:/([0-9,]+))?(/stop)?");

  private final Dataset data;
  private final EntryWrites entries;
  private final CatalogWrites catalog;

  SimulatedWrites(Dataset data, Clock clock) {
    this.data = data;
    this.entries = new EntryWrites(data, clock);
    this.catalog = new CatalogWrites(data, clock);
  }

  Answer handle(Member caller, String method, String path, Map<String, String> query, String body) {
    Matcher m = PATH.matcher(path);
    if (!m.matches()) {
      return Answer.error(404, "Not found");
    }
    long wid = Long.parseLong(m.group(1));
    Workspace ws = data.workspace(wid).orElse(null);
    if (ws == null || !caller.belongsTo(wid)) {
      return Answer.error(403, "Workspace not found/accessible");
    }
    String what = m.group(2);
    String ids = m.group(3);
    boolean stop = m.group(4) != null;
    boolean meta = "true".equals(query.get("meta"));
    try {
      if (what.equals("time_entries")) {
        return timeEntries(caller, ws, method, ids, stop, body, meta);
      }
      if (ids != null || stop || !method.equals("POST")) {
        return Answer.error(405, "Method not allowed");
      }
      JsonNode json = json(body);
      return data.atomically(
          () ->
              switch (what) {
                case "tags" -> catalog.tag(caller, ws, json);
                case "clients" -> catalog.client(caller, ws, json);
                default -> catalog.project(caller, ws, json);
              });
    } catch (WriteRefused refused) {
      return refused.answer();
    }
  }

  private Answer timeEntries(
      Member caller,
      Workspace ws,
      String method,
      String ids,
      boolean stop,
      String body,
      boolean meta) {
    if (ids == null) {
      if (!method.equals("POST") || stop) {
        return Answer.error(405, "Method not allowed");
      }
      return entries.create(caller, ws, json(body), meta);
    }
    List<Long> list = ids(ids);
    if (list.size() == 1 && !ids.contains(",")) {
      long id = list.get(0);
      switch (method) {
        case "PUT":
          return stop
              ? Answer.error(405, "Method not allowed")
              : entries.update(caller, ws, id, json(body), meta);
        case "DELETE":
          return stop ? Answer.error(405, "Method not allowed") : entries.delete(caller, ws, id);
        case "PATCH":
          return stop
              ? entries.stop(caller, ws, id, meta)
              : entries.bulk(caller, ws, list, json(body));
        default:
          return Answer.error(405, "Method not allowed");
      }
    }
    if (!method.equals("PATCH") || stop) {
      return Answer.error(405, "Method not allowed");
    }
    return entries.bulk(caller, ws, list, json(body));
  }

  private static List<Long> ids(String text) {
    List<Long> ids = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      try {
        ids.add(Long.parseLong(part));
      } catch (NumberFormatException e) {
        throw WriteRefused.badRequest("Invalid time entry ids: '" + text + "'");
      }
    }
    return ids;
  }

  private static JsonNode json(String body) {
    try {
      JsonNode node = SimulatorJson.MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw WriteRefused.badRequest("The request needs a JSON body");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw WriteRefused.badRequest("Invalid JSON input");
    }
  }
}
