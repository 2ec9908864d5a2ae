package dev.toggltrackmcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toggltrackmcp.sandbox.SimulatorJson.Style;
import dev.toggltrackmcp.sandbox.World.Entry;
import dev.toggltrackmcp.sandbox.World.Member;
import dev.toggltrackmcp.sandbox.World.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Time-entry writes of Track v9 (toggl-api.md §5): create, update, stop, delete and bulk edit, each
 * answering 200 and setting {@code at}. A caller may change their own entries; a workspace admin
 * may also change their teammates' (a choice; Toggl's exact rule is unverified).
 */
final class EntryWrites {
  static final int MOST_BULK_IDS = 100;

  private final Dataset data;
  private final Clock clock;

  EntryWrites(Dataset data, Clock clock) {
    this.data = data;
    this.clock = clock;
  }

  /**
   * {@code POST /workspaces/{wid}/time_entries}. Starting a running entry stops the owner's running
   * one at server now; a running entry may start in the past.
   */
  Answer create(Member caller, Workspace ws, JsonNode body, boolean meta) {
    JsonNode createdWith = body.get("created_with");
    if (createdWith == null || !createdWith.isTextual() || createdWith.asText().isBlank()) {
      throw WriteRefused.badRequest("created_with needs to be provided an a valid string");
    }
    JsonNode wid = body.get("workspace_id");
    if (wid == null || wid.isNull()) {
      throw WriteRefused.badRequest("workspace_id is required and must match the path");
    }
    if (!wid.canConvertToExactIntegral() || wid.asLong() != ws.id()) {
      throw WriteRefused.badRequest(
          "workspace_id " + wid + " does not match the workspace in the path (" + ws.id() + ")");
    }
    long owner = owner(caller, ws, body.get("user_id"));
    EntryDraft draft = EntryDraft.fresh(data, ws, caller, owner);
    apply(draft, body);
    draft.createTimes(body.get("start"), body.get("stop"), body.get("duration"));
    draft.check();
    Instant now = now();
    return data.atomically(
        () -> {
          if (draft.running()) {
            data.runningOf(owner).ifPresent(r -> data.put(r.stoppedAt(latest(now, r.start()))));
          }
          Entry e = draft.build(data.newEntryId(), now);
          data.put(e);
          ObjectNode json = SimulatorJson.entry(e, data, meta, Style.WRITE);
          if (draft.createdWithoutEnd()) { // what Toggl answers, though it stores stop = start
            json.putNull("stop");
            json.put("duration", 0);
          } else if (e.running()) { // -1 right after creation; later reads give -(start epoch)
            json.put("duration", -1);
          }
          return Answer.stored(json);
        });
  }

  /**
   * {@code PUT …/time_entries/{id}}: only the fields sent change; {@code tag_action} add/delete.
   */
  Answer update(Member caller, Workspace ws, long id, JsonNode body, boolean meta) {
    Entry e = visible(caller, ws, id);
    EntryDraft draft = EntryDraft.of(e, data, ws, caller);
    JsonNode wid = body.get("workspace_id");
    if (wid != null && !wid.isNull() && wid.asLong() != ws.id()) {
      throw WriteRefused.badRequest("workspace_id does not match the workspace in the path");
    }
    apply(draft, body);
    draft.changeTimes(body.get("start"), body.get("stop"), body.get("duration"));
    draft.check();
    return data.atomically(
        () -> {
          Entry changed = draft.build(e.id(), now());
          data.put(changed);
          return Answer.stored(SimulatorJson.entry(changed, data, meta, Style.WRITE));
        });
  }

  /** {@code PATCH …/time_entries/{id}/stop}: 409 when it is not running. */
  Answer stop(Member caller, Workspace ws, long id, boolean meta) {
    return data.atomically(
        () -> {
          Entry e = visible(caller, ws, id);
          if (!e.running()) {
            throw new WriteRefused(409, "Time entry is already stopped");
          }
          Entry stopped = e.stoppedAt(latest(now(), e.start()));
          data.put(stopped);
          return Answer.stored(SimulatorJson.entry(stopped, data, meta, Style.WRITE));
        });
  }

  /** {@code DELETE …/time_entries/{id}}: 200 with no body; {@code since} then shows it deleted. */
  Answer delete(Member caller, Workspace ws, long id) {
    return data.atomically(
        () -> {
          Entry e = visible(caller, ws, id);
          data.put(e.deletedAt(now()));
          return new Answer(200, "", Map.of(), true);
        });
  }

  /**
   * {@code PATCH …/time_entries/{id1},{id2},…}: a JSON Patch applied entry by entry, not as one
   * transaction: each id lands in {@code success} or, with the reason, in {@code failure}.
   */
  Answer bulk(Member caller, Workspace ws, List<Long> ids, JsonNode body) {
    if (ids.size() > MOST_BULK_IDS) {
      throw WriteRefused.badRequest(
          "Too many time entry ids (" + ids.size() + "): at most " + MOST_BULK_IDS + " at once");
    }
    List<BulkPatch.Op> ops = BulkPatch.parse(body);
    ObjectNode answer = SimulatorJson.MAPPER.createObjectNode();
    ArrayNode success = answer.putArray("success");
    ArrayNode failure = answer.putArray("failure");
    for (long id : new LinkedHashSet<>(ids)) {
      try {
        data.atomically(
            () -> {
              Entry e =
                  data.find(id).filter(x -> !x.deleted() && mayChange(caller, x)).orElse(null);
              if (e == null) {
                throw new WriteRefused(404, "Time entry not found");
              }
              if (e.workspaceId() != ws.id()) {
                throw WriteRefused.badRequest("Time entry belongs to another workspace");
              }
              EntryDraft draft = EntryDraft.of(e, data, ws, caller);
              BulkPatch.apply(ops, draft);
              draft.check();
              data.put(draft.build(e.id(), now()));
              return e;
            });
        success.add(id);
      } catch (WriteRefused refused) {
        ObjectNode f = failure.addObject();
        f.put("id", id);
        f.put("message", refused.getMessage());
      }
    }
    return new Answer(200, answer.toString(), Map.of(), !success.isEmpty());
  }

  private void apply(EntryDraft draft, JsonNode body) {
    if (body.has("project_id")) {
      draft.project(body.get("project_id"));
    }
    if (body.has("task_id")) {
      draft.task(body.get("task_id"));
    }
    if (body.has("billable")) {
      draft.billable(body.get("billable"));
    }
    if (body.has("description")) {
      draft.description(body.get("description"));
    }
    String action = tagAction(body.get("tag_action"));
    if (body.hasNonNull("tags")) {
      draft.tags(body.get("tags"), action);
    }
    if (body.hasNonNull("tag_ids")) { // sent with tags, both together are the entry's tags
      draft.tagIds(body.get("tag_ids"), action == null && body.hasNonNull("tags") ? "add" : action);
    }
  }

  private static String tagAction(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    String action = value.asText();
    if (!action.equals("add") && !action.equals("delete")) {
      throw WriteRefused.badRequest(
          "Invalid 'tag_action' value, allowed values are: 'add', 'delete'");
    }
    return action;
  }

  /** Whose entry a create makes: the caller's, or (for an admin) a member's given as user_id. */
  private long owner(Member caller, Workspace ws, JsonNode userId) {
    if (userId == null || userId.isNull() || userId.asLong() == caller.id()) {
      return caller.id();
    }
    if (!caller.admin()) {
      throw new WriteRefused(403, "Only workspace admins can create time entries for other users");
    }
    long id = userId.asLong();
    if (data.member(id).filter(m -> m.belongsTo(ws.id())).isEmpty()) {
      throw WriteRefused.badRequest("user_id " + id + " is not an active member of this workspace");
    }
    return id;
  }

  private Entry visible(Member caller, Workspace ws, long id) {
    return data.find(id)
        .filter(e -> !e.deleted() && e.workspaceId() == ws.id() && mayChange(caller, e))
        .orElseThrow(() -> new WriteRefused(404, "Time entry not found"));
  }

  private static boolean mayChange(Member caller, Entry e) {
    return e.userId() == caller.id() || caller.admin();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
