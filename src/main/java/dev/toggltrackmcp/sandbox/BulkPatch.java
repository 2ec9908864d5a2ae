package dev.toggltrackmcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The JSON Patch body of a bulk edit: {@code replace}, {@code add} and {@code remove} on {@code
 * /description}, {@code /project_id}, {@code /task_id}, {@code /billable}, {@code /tags}, {@code
 * /tag_ids}, {@code /start}, {@code /stop} and {@code /duration}. A malformed patch is refused as a
 * whole (400); a value an entry cannot take fails that entry only. On the tag lists {@code add} and
 * {@code remove} add and remove the values given ({@code remove} without a value clears the list);
 * on the other fields {@code add} is {@code replace}, and {@code remove} clears description,
 * project, task and billable.
 */
final class BulkPatch {
  private static final Set<String> FIELDS =
      Set.of(
          "description",
          "project_id",
          "task_id",
          "billable",
          "tags",
          "tag_ids",
          "start",
          "stop",
          "duration");
  private static final Set<String> TIMES = Set.of("start", "stop", "duration");

  record Op(String op, String field, @Nullable JsonNode value) {}

  private BulkPatch() {}

  static List<Op> parse(JsonNode body) {
    if (!body.isArray() || body.isEmpty()) {
      throw WriteRefused.badRequest(
          "The body must be a JSON Patch array, e.g. [{\"op\":\"replace\",\"path\":\"/description\",\"value\":\"Planning\"}]");
    }
    List<Op> ops = new ArrayList<>();
    for (JsonNode n : body) {
      String op = n.path("op").asText("");
      String path = n.path("path").asText("");
      String field = path.startsWith("/") ? path.substring(1) : "";
      if (!Set.of("add", "remove", "replace").contains(op)) {
        throw WriteRefused.badRequest(
            "Invalid 'op' value '" + op + "', allowed values are: 'add', 'remove', 'replace'");
      }
      if (!FIELDS.contains(field)) {
        throw WriteRefused.badRequest("Invalid 'path' value '" + path + "' for a time entry");
      }
      JsonNode value = n.get("value");
      if (!op.equals("remove") && value == null) {
        throw WriteRefused.badRequest("'" + op + "' on " + path + " needs a value");
      }
      if (op.equals("remove") && TIMES.contains(field)) {
        throw WriteRefused.badRequest(path + " cannot be removed");
      }
      ops.add(new Op(op, field, value));
    }
    return ops;
  }

  /** Applies the patch to one entry; a value it cannot take throws for that entry only. */
  static void apply(List<Op> ops, EntryDraft draft) {
    for (Op o : ops) {
      JsonNode v = o.value();
      boolean remove = o.op().equals("remove");
      switch (o.field()) {
        case "description" -> draft.description(remove ? NullNode.instance : v);
        case "project_id" -> draft.project(remove ? NullNode.instance : v);
        case "task_id" -> draft.task(remove ? NullNode.instance : v);
        case "billable" ->
            draft.billable(remove ? com.fasterxml.jackson.databind.node.BooleanNode.FALSE : v);
        case "tags", "tag_ids" -> tags(o, draft);
        case "start" -> draft.changeTimes(v, null, null);
        case "stop" -> draft.changeTimes(null, v, null);
        default -> draft.changeTimes(null, null, v);
      }
    }
  }

  private static void tags(Op o, EntryDraft draft) {
    if (o.op().equals("remove") && o.value() == null) {
      draft.clearTags();
      return;
    }
    String action = o.op().equals("replace") ? null : o.op().equals("add") ? "add" : "delete";
    if (o.field().equals("tags")) {
      draft.tags(o.value(), action);
    } else {
      draft.tagIds(o.value(), action);
    }
  }
}
