package dev.toggltrackmcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /_simulator/…}: lets a test drive a simulator that lives in another process (the stdio
 * end-to-end tests). Not authenticated, not counted, not quota'd — it only ever listens on
 * loopback.
 *
 * <ul>
 *   <li>{@code GET requests}: totals, per endpoint, writes that reached storage per endpoint, and
 *       the requests a fault answered; {@code POST requests/reset}.
 *   <li>{@code GET quota?user=ID} (default Ana): the quota buckets as {@code /me/quota} shows them,
 *       read without counting a request.
 *   <li>{@code POST faults} {@code {"kind":"STORED_THEN_500","count":1,"method":"POST",
 *       "path_prefix":"/api/v9/workspaces/"}} or {@code {"latency_ms":600}}; {@code DELETE faults}
 *       disarms; {@code POST stalls/release} lets held requests go.
 *   <li>{@code POST clock/advance?seconds=N}; {@code POST entries}, {@code POST running/stop},
 *       {@code POST entries/{id}/delete|edit}, {@code POST projects/{id}/rename}: Ana in the app.
 * </ul>
 */
final class SimulatorAdmin {
  private static final Pattern ENTRY_ACTION =
      Pattern.compile("/_simulator/entries/(\\d+)/(delete|edit)");
  private static final Pattern PROJECT_RENAME =
      Pattern.compile("/_simulator/projects/(\\d+)/rename");

  private final TogglSimulator simulator;

  SimulatorAdmin(TogglSimulator simulator) {
    this.simulator = simulator;
  }

  Answer handle(String method, String path, Map<String, String> query, String body) {
    try {
      return route(method, path, query, body);
    } catch (IOException | RuntimeException e) {
      return Answer.error(400, "bad admin request: " + e.getMessage());
    }
  }

  private Answer route(String method, String path, Map<String, String> query, String body)
      throws IOException {
    Instant now = simulator.clock().instant();
    Dataset data = simulator.data();
    if (method.equals("GET") && path.equals("/_simulator/requests")) {
      ObjectNode n = SimulatorJson.MAPPER.createObjectNode();
      n.put("total", simulator.requests().count());
      n.put("non_get_v9", simulator.requests().nonGetV9());
      ObjectNode by = n.putObject("by_endpoint");
      simulator.requests().byEndpoint().forEach(by::put);
      ObjectNode stored = n.putObject("stored_by_endpoint");
      simulator.requests().storedByEndpoint().forEach(stored::put);
      var faulted = n.putArray("faulted");
      for (RequestLog.Request r : simulator.requests().faulted()) {
        ObjectNode f = faulted.addObject();
        f.put("endpoint", r.endpoint());
        f.put("fault", String.valueOf(r.fault()));
        f.put("status", r.status());
        f.put("stored", r.stored());
      }
      return Answer.json(n);
    }
    if (method.equals("GET") && path.equals("/_simulator/quota")) {
      long userId = Long.parseLong(query.getOrDefault("user", Long.toString(data.user().id())));
      return Answer.json(simulator.quotaCounters(userId));
    }
    if (method.equals("POST") && path.equals("/_simulator/requests/reset")) {
      simulator.requests().reset();
      return Answer.json("{}");
    }
    if (path.equals("/_simulator/faults")) {
      if (method.equals("DELETE")) {
        simulator.faults().clear();
        return Answer.json("{}");
      }
      JsonNode f = SimulatorJson.MAPPER.readTree(body);
      if (f.has("latency_ms")) {
        simulator.faults().latency(Duration.ofMillis(f.get("latency_ms").asLong()));
      }
      if (f.has("kind")) {
        simulator
            .faults()
            .next(
                f.path("count").asInt(1),
                Fault.valueOf(f.get("kind").asText()),
                f.hasNonNull("method") ? f.get("method").asText() : null,
                f.path("path_prefix").asText(""));
      }
      return Answer.json("{}");
    }
    if (method.equals("POST") && path.equals("/_simulator/stalls/release")) {
      simulator.faults().releaseStalls();
      return Answer.json("{}");
    }
    if (method.equals("POST") && path.equals("/_simulator/clock/advance")) {
      if (!(simulator.clock() instanceof ManualClock manual)) {
        return Answer.error(409, "the simulator runs on the real clock");
      }
      manual.advance(Duration.ofSeconds(Long.parseLong(query.getOrDefault("seconds", "0"))));
      return Answer.json("{\"now\":\"" + manual.instant() + "\"}");
    }
    if (method.equals("POST") && path.equals("/_simulator/entries")) {
      JsonNode e = SimulatorJson.MAPPER.readTree(body);
      List<Long> tags = new ArrayList<>();
      e.path("tag_ids").forEach(t -> tags.add(t.asLong()));
      World.Entry added =
          data.addEntry(
              e.path("workspace_id").asLong(data.user().defaultWorkspaceId()),
              e.hasNonNull("project_id") ? e.get("project_id").asLong() : null,
              e.path("description").asText(""),
              Instant.parse(e.get("start").asText()),
              e.hasNonNull("stop") ? Instant.parse(e.get("stop").asText()) : null,
              tags,
              now);
      return Answer.json(SimulatorJson.entry(added, data));
    }
    if (method.equals("POST") && path.equals("/_simulator/running/stop")) {
      data.stopRunning(now);
      return Answer.json("{}");
    }
    Matcher entry = ENTRY_ACTION.matcher(path);
    if (method.equals("POST") && entry.matches()) {
      long id = Long.parseLong(entry.group(1));
      World.Entry changed =
          entry.group(2).equals("delete")
              ? data.delete(id, now)
              : data.editDescription(
                  id, SimulatorJson.MAPPER.readTree(body).path("description").asText(), now);
      return Answer.json(SimulatorJson.entry(changed, data));
    }
    Matcher rename = PROJECT_RENAME.matcher(path);
    if (method.equals("POST") && rename.matches()) {
      String name = SimulatorJson.MAPPER.readTree(body).path("name").asText();
      return Answer.json(
          SimulatorJson.project(data.renameProject(Long.parseLong(rename.group(1)), name, now)));
    }
    return Answer.error(404, "unknown simulator admin path");
  }
}
