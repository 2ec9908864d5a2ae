package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.analytics.Hours;
import dev.toggltrackmcp.arguments.Arguments;
import dev.toggltrackmcp.arguments.InvalidArgument;
import dev.toggltrackmcp.toggl.TogglException;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code delete_time_entry}: without {@code confirm: true} a preview of what would go; with it the
 * entry is deleted and gone from every total at once.
 */
final class DeleteTool {
  private final ToolContext ctx;

  DeleteTool(ToolContext ctx) {
    this.ctx = ctx;
  }

  ToolDefinition definition() {
    return ToolDefinition.write(
        "delete_time_entry",
        "Delete an entry",
        "Deletes one time entry, in two steps: without confirm it changes nothing and answers what"
            + " would be deleted (the entry, its hours); call again with confirm: true once the"
            + " user agreed. Examples: {\"time_entry_id\": 4100012345} (preview), then"
            + " {\"time_entry_id\": 4100012345, \"confirm\": true}.",
        Schema.object()
            .required(
                "time_entry_id",
                Schema.integer("The entry's id (from list_time_entries).", 1, Arguments.LARGEST_ID))
            .prop("confirm", WriteSchemas.confirm("delete it")),
        WriteSchemas.totals(Schema.object())
            .prop("entry", CommonSchemas.entry())
            .prop("note", WriteSchemas.note())
            .build(false),
        new ToolDefinition.Effect(true, true),
        this::delete);
  }

  private ToolAnswer delete(Arguments args) {
    long id = args.requiredId("time_entry_id", "pass an id from list_time_entries");
    boolean confirm = Boolean.TRUE.equals(args.bool("confirm"));
    Account account = ctx.data.account().value();
    TimeEntry entry =
        ctx.data
            .entry(id)
            .value()
            .orElseThrow(
                () ->
                    new InvalidArgument(
                        "time_entry_id",
                        "No time entry with id "
                            + id
                            + " exists (it may have been deleted already); find ids with"
                            + " list_time_entries."));
    WrittenEntry shown = new WrittenEntry(account, ctx.now());
    long seconds = entry.seconds(ctx.now());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("applied", confirm);
    out.put("entry_count", 1);
    out.put("total_seconds", seconds);
    out.put("total_hours", Hours.decimal(seconds));
    if (!confirm) {
      out.put("entry", shown.structured(entry));
      return new ToolAnswer(
          "Preview, nothing was deleted. Would delete 1 entry ("
              + Hours.hm(seconds)
              + ", "
              + Hours.decimal(seconds)
              + " h): "
              + shown.line(entry)
              + ".\nTo delete it, once the user agrees, call delete_time_entry with"
              + " {\"time_entry_id\": "
              + id
              + ", \"confirm\": true}.",
          out);
    }
    TimeEntry gone;
    try {
      gone = ctx.writes().delete(id);
    } catch (TogglException e) {
      throw WriteFailure.explain(e, "deleting entry " + id);
    }
    out.put("entry", shown.structured(gone));
    return new ToolAnswer(
        "Deleted: "
            + shown.line(gone)
            + ". It no longer counts in any list or total ("
            + Hours.decimal(seconds)
            + " h fewer).",
        out);
  }
}
