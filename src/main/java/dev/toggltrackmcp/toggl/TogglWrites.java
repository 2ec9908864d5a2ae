package dev.toggltrackmcp.toggl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toggltrackmcp.toggl.model.Client;
import dev.toggltrackmcp.toggl.model.Project;
import dev.toggltrackmcp.toggl.model.Tag;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The Track v9 write endpoints (toggl-api.md §5), one request each: the body in Toggl's words, the
 * answer read with the same parsing as the reads. No retry policy of its own beyond {@link
 * TogglHttp}'s: a create that may have been stored arrives as {@link TogglException.Unconfirmed}.
 */
public final class TogglWrites {
  /** What Toggl records as the app that made an entry ({@code created_with}, required). */
  public static final String CREATED_WITH = "toggl-track-mcp";

  /** Toggl's limit on ids in one bulk edit. */
  public static final int MOST_BULK_IDS = 100;

  private static final String V9 = "/api/v9";

  /** One JSON Patch operation of a bulk edit; {@code value} null is sent as no value. */
  public record PatchOp(String op, String path, @Nullable Object value) {}

  /** Toggl's answer to a bulk edit: ids changed, and ids refused with Toggl's reason. */
  public record BulkAnswer(List<Long> success, Map<Long, String> failure) {
    public BulkAnswer {
      success = List.copyOf(success);
      failure = Map.copyOf(failure);
    }
  }

  private final TogglHttp http;
  private final ObjectMapper json = TogglJson.mapper();

  public TogglWrites(TogglHttp http) {
    this.http = http;
  }

  /**
   * {@code POST /workspaces/{wid}/time_entries}: a null {@code stop} starts a running timer
   * (duration -1), which makes Toggl stop the one running; {@code billable} is sent only when set.
   */
  public TimeEntry createEntry(
      long workspaceId,
      Instant start,
      @Nullable Instant stop,
      String description,
      @Nullable Long projectId,
      @Nullable Long taskId,
      List<String> tags,
      @Nullable Boolean billable) {
    ObjectNode body = json.createObjectNode();
    body.put("created_with", CREATED_WITH);
    body.put("workspace_id", workspaceId);
    body.put("start", time(start));
    if (stop == null) {
      body.put("duration", -1);
    } else {
      body.put("stop", time(stop));
    }
    if (!description.isEmpty()) {
      body.put("description", description);
    }
    if (projectId != null) {
      body.put("project_id", projectId);
    }
    if (taskId != null) {
      body.put("task_id", taskId);
    }
    if (!tags.isEmpty()) {
      ArrayNode t = body.putArray("tags");
      tags.forEach(t::add);
    }
    if (billable != null) {
      body.put("billable", billable);
    }
    String path = entries(workspaceId);
    return entry(http.post(V9 + path, body.toString()).body(), path);
  }

  /**
   * {@code PUT /workspaces/{wid}/time_entries/{id}} with only {@code changes} (Toggl's field names;
   * a null value clears the field; instants are sent as RFC 3339).
   */
  public TimeEntry updateEntry(long workspaceId, long entryId, Map<String, Object> changes) {
    ObjectNode body = json.createObjectNode();
    for (Map.Entry<String, Object> c : changes.entrySet()) {
      Object v = c.getValue();
      body.set(c.getKey(), json.valueToTree(v instanceof Instant i ? time(i) : v));
    }
    String path = entries(workspaceId) + "/" + entryId;
    return entry(http.put(V9 + path, body.toString()).body(), path);
  }

  /** {@code PATCH /workspaces/{wid}/time_entries/{id}/stop}: the entry stopped at server now. */
  public TimeEntry stopEntry(long workspaceId, long entryId) {
    String path = entries(workspaceId) + "/" + entryId + "/stop";
    return entry(http.patch(V9 + path, null).body(), path);
  }

  /** {@code DELETE /workspaces/{wid}/time_entries/{id}}: 200 or 204, body ignored. */
  public void deleteEntry(long workspaceId, long entryId) {
    http.delete(V9 + entries(workspaceId) + "/" + entryId);
  }

  /**
   * {@code PATCH /workspaces/{wid}/time_entries/{id1},{id2},…} with a JSON Patch body, at most
   * {@value #MOST_BULK_IDS} ids; not transactional, so the answer says per id.
   */
  public BulkAnswer bulkEdit(long workspaceId, List<Long> entryIds, List<PatchOp> ops) {
    if (entryIds.isEmpty() || entryIds.size() > MOST_BULK_IDS) {
      throw new IllegalArgumentException("1 to " + MOST_BULK_IDS + " ids, not " + entryIds.size());
    }
    ArrayNode body = json.createArrayNode();
    for (PatchOp o : ops) {
      ObjectNode n = body.addObject();
      n.put("op", o.op());
      n.put("path", o.path());
      if (o.value() != null) {
        n.set("value", json.valueToTree(o.value() instanceof Instant i ? time(i) : o.value()));
      }
    }
    String ids = entryIds.stream().map(String::valueOf).collect(Collectors.joining(","));
    String path = entries(workspaceId) + "/" + ids;
    JsonNode answer = TogglAnswers.tree(http.patch(V9 + path, body.toString()).body(), path);
    if (!answer.isObject()) {
      throw new TogglException.MalformedResponse(entries(workspaceId) + "/{ids}");
    }
    List<Long> success = new ArrayList<>();
    answer.path("success").forEach(n -> success.add(n.asLong()));
    Map<Long, String> failure = new LinkedHashMap<>();
    answer
        .path("failure")
        .forEach(
            n ->
                failure.put(
                    n.path("id").asLong(),
                    TogglHttp.togglMessage(n.path("message").asText("no reason given"))));
    return new BulkAnswer(success, failure);
  }

  /** {@code POST /workspaces/{wid}/tags}; Toggl's spec types the answer as a list, so both do. */
  public Tag createTag(long workspaceId, String name) {
    ObjectNode body = json.createObjectNode().put("name", name);
    String path = "/workspaces/" + workspaceId + "/tags";
    JsonNode answer = TogglAnswers.tree(http.post(V9 + path, body.toString()).body(), path);
    if (answer.isArray() && answer.size() == 1) {
      answer = answer.get(0);
    }
    return TogglAnswers.object(answer, Tag.class, path);
  }

  /** {@code POST /workspaces/{wid}/clients}. */
  public Client createClient(long workspaceId, String name) {
    ObjectNode body = json.createObjectNode().put("name", name);
    body.putNull("notes");
    String path = "/workspaces/" + workspaceId + "/clients";
    return TogglAnswers.object(
        TogglAnswers.tree(http.post(V9 + path, body.toString()).body(), path), Client.class, path);
  }

  /** {@code POST /workspaces/{wid}/projects}: active, private, Toggl's default color. */
  public Project createProject(long workspaceId, String name, @Nullable Long clientId) {
    ObjectNode body = json.createObjectNode().put("name", name);
    if (clientId != null) {
      body.put("client_id", clientId);
    }
    body.put("active", true);
    body.put("is_private", true);
    String path = "/workspaces/" + workspaceId + "/projects";
    return TogglAnswers.object(
        TogglAnswers.tree(http.post(V9 + path, body.toString()).body(), path), Project.class, path);
  }

  private static String entries(long workspaceId) {
    return "/workspaces/" + workspaceId + "/time_entries";
  }

  private static String time(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t);
  }

  private static TimeEntry entry(String body, String path) {
    return TogglAnswers.checked(
        TogglAnswers.object(TogglAnswers.tree(body, path), TimeEntry.class, path), path);
  }
}
