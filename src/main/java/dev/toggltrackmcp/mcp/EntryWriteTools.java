package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.arguments.Arguments;
import dev.toggltrackmcp.arguments.EntryEditQuery;
import dev.toggltrackmcp.arguments.InvalidArgument;
import dev.toggltrackmcp.arguments.NewEntryQuery;
import dev.toggltrackmcp.store.TimeEntryWrites.Edited;
import dev.toggltrackmcp.store.TimeEntryWrites.NewEntry;
import dev.toggltrackmcp.store.TimeEntryWrites.Written;
import dev.toggltrackmcp.toggl.TogglException;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Logging past time and changing one entry. */
final class EntryWriteTools {
  private final ToolContext ctx;
  private final WriteChecks checks;

  EntryWriteTools(ToolContext ctx) {
    this.ctx = ctx;
    this.checks = new WriteChecks(ctx);
  }

  List<ToolDefinition> definitions() {
    return List.of(create(), update());
  }

  private ToolDefinition create() {
    return ToolDefinition.write(
        "create_time_entry",
        "Log past time",
        "Logs a finished time entry: start with stop, or start with a duration (\"1h30m\" or"
            + " minutes), local times in the user's Toggl timezone. Refused without sending"
            + " anything: a time in the future, a zero or negative length, start/stop/duration"
            + " that disagree, a missing field the workspace requires, an overlap with existing"
            + " entries (they are named; allow_overlap: true insists) and names that do not exist"
            + " (the closest are listed). The original server's description, project_id,"
            + " start_time, duration_minutes, billable, tags work too. Examples:"
            + " {\"description\": \"Client call\", \"project\": \"Website Redesign\", \"start\":"
            + " \"2026-11-24T14:00\", \"duration\": \"1h30m\"}, {\"start\": \"2026-11-24T09:00\","
            + " \"stop\": \"2026-11-24T10:15\", \"tags\": [\"meeting\"]} or {\"description\":"
            + " \"Review\", \"project_id\": 201234000, \"start_time\": \"2026-11-24T16:00:00+01:00\","
            + " \"duration_minutes\": 45}.",
        WriteSchemas.newEntry(true),
        WriteSchemas.oneEntry("The entry as Toggl stored it."),
        new ToolDefinition.Effect(false, false),
        this::log);
  }

  private ToolAnswer log(Arguments args) {
    boolean allowOverlap = Boolean.TRUE.equals(args.bool("allow_overlap"));
    NewEntryQuery query = NewEntryQuery.forCreate(args);
    Account account = ctx.data.account().value();
    NewEntry entry = query.resolve(account, ctx.configuredWorkspace, false, ctx.now());
    checks.meetsConstraints(List.of(WriteChecks.draft(entry)), account);
    checks.noOverlap(entry.start(), entry.stop(), null, allowOverlap, account);
    Written w;
    try {
      w = ctx.writes().create(entry);
    } catch (TogglException e) {
      throw WriteFailure.explain(e, "logging the entry");
    }
    WrittenEntry shown = new WrittenEntry(ctx.data.account().value(), ctx.now());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("entry", shown.structured(w.entry()));
    String text = "Logged: " + shown.line(w.entry()) + ".";
    if (w.note() != null) {
      out.put("note", w.note());
      text += "\nNote: " + w.note();
    }
    return new ToolAnswer(text, out);
  }

  private ToolDefinition update() {
    return ToolDefinition.write(
        "update_time_entry",
        "Change an entry",
        "Changes one time entry: only what is given changes. Tags: tags replaces them all,"
            + " add_tags / remove_tags change some. A new start keeps the stop; stop or duration"
            + " stops a running entry. Times are local in the user's Toggl timezone. Answers the"
            + " entry before and after. Examples: {\"time_entry_id\": 4100012345, \"description\":"
            + " \"Client call\", \"project\": \"Website Redesign\"}, {\"time_entry_id\":"
            + " 4100012345, \"add_tags\": [\"meeting\"], \"billable\": true} or"
            + " {\"time_entry_id\": 4100012345, \"start\": \"2026-11-24T09:00\", \"stop\":"
            + " \"2026-11-24T10:30\"}.",
        Schema.object()
            .required(
                "time_entry_id",
                Schema.integer("The entry's id (from list_time_entries).", 1, Arguments.LARGEST_ID))
            .prop("description", Schema.string("New description; \"\" clears it."))
            .prop(
                "project",
                Schema.idOrName(
                    "New project by id or name, in the entry's workspace (must exist)."))
            .prop("remove_project", Schema.bool("true to remove the project (and task)."))
            .prop("task", Schema.idOrName("New task by id or name (sets its project too)."))
            .prop("remove_task", Schema.bool("true to remove the task."))
            .prop(
                "tags",
                Schema.array(
                    "Replaces every tag, e.g. [\"meeting\"]; [] removes them all.",
                    Schema.idOrName("A tag name or id.")))
            .prop(
                "add_tags",
                Schema.array("Tags to add, keeping the others.", Schema.idOrName("A tag.")))
            .prop(
                "remove_tags",
                Schema.array("Tags to take off, keeping the others.", Schema.idOrName("A tag.")))
            .prop("billable", Schema.bool("Billable or not."))
            .prop("start", Schema.dateTime("New start." + WriteSchemas.TIMES))
            .prop("stop", Schema.dateTime("New stop (stops a running entry)." + WriteSchemas.TIMES))
            .prop(
                "duration",
                Schema.textOrNumber(
                    "New length from the start instead of stop: \"1h30m\" or minutes (90)."))
            .prop(
                "allow_overlap",
                Schema.bool(
                    "true to keep new times even though they overlap other entries (default:"
                        + " refused, naming them).")),
        WriteSchemas.edited(),
        new ToolDefinition.Effect(true, true),
        this::change);
  }

  private ToolAnswer change(Arguments args) {
    long id = args.requiredId("time_entry_id", "pass an id from list_time_entries");
    boolean allowOverlap = Boolean.TRUE.equals(args.bool("allow_overlap"));
    EntryEditQuery query = EntryEditQuery.forUpdate(args);
    Account account = ctx.data.account().value();
    query.namesExist(account);
    TimeEntry before = find(id);
    EntryEditQuery.Resolved r = query.resolve(before, account, ctx.now());
    WrittenEntry shown = new WrittenEntry(account, ctx.now());
    List<String> differences = shown.differences(before, r.after());
    if (differences.isEmpty()) {
      throw new ToolRefusal(
          "Entry " + id + " already is like that (" + shown.line(before) + "); nothing was sent.");
    }
    if (query.times().given()) {
      checks.noOverlap(r.after().start(), r.after().stop(), id, allowOverlap, account);
    }
    checks.meetsConstraints(List.of(r.after()), account);
    Edited edited;
    try {
      edited = ctx.writes().update(id, r.edit());
    } catch (TogglException e) {
      throw WriteFailure.explain(e, "changing entry " + id);
    }
    WrittenEntry now = new WrittenEntry(ctx.data.account().value(), ctx.now());
    List<String> changed = now.differences(edited.before(), edited.after());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("before", now.structured(edited.before()));
    out.put("after", now.structured(edited.after()));
    out.put("changed", changed);
    return new ToolAnswer(
        "Changed entry "
            + id
            + ": "
            + (changed.isEmpty() ? "Toggl kept every value" : String.join("; ", changed))
            + ".\nNow: "
            + now.line(edited.after())
            + ".",
        out);
  }

  private TimeEntry find(long id) {
    return ctx.data
        .entry(id)
        .value()
        .orElseThrow(
            () ->
                new InvalidArgument(
                    "time_entry_id",
                    "No time entry with id "
                        + id
                        + " exists (it may have been deleted); find ids with list_time_entries"
                        + " or search_time_entries."));
  }
}
