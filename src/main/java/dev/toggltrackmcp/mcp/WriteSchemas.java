package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.arguments.Arguments;
import java.util.Map;

/** Argument and result schemas the write tools share, described once. */
final class WriteSchemas {
  private WriteSchemas() {}

  static final String TIMES =
      " Local date-time in the user's Toggl timezone (2026-11-24T14:00) or with offset"
          + " (2026-11-24T14:00:00+01:00).";

  /** What a new entry is about; {@code create} adds stop, duration and the original names. */
  static Schema.Obj newEntry(boolean create) {
    Schema.Obj o =
        Schema.object()
            .prop("description", Schema.string("What is done, e.g. \"Client call\"."))
            .prop(
                "project",
                Schema.idOrName(
                    "Project id or name (any case), e.g. \"Website Redesign\"; where names repeat,"
                        + " the label list_projects shows. Must exist."))
            .prop(
                "task",
                Schema.idOrName(
                    "Task id or name of the project (optional; sets the project when none is"
                        + " given)."))
            .prop(
                "tags",
                Schema.array(
                    "Tags by name or id, e.g. [\"meeting\"]; each must exist in the entry's"
                        + " workspace (create_tag makes new ones).",
                    Schema.idOrName("A tag name or id.")))
            .prop("billable", Schema.bool("Billable or not (default: the project's setting)."))
            .prop(
                "workspace_id",
                Schema.integer(
                    "Workspace id (default: the project's, else the configured or your default"
                        + " workspace).",
                    1,
                    Arguments.LARGEST_ID));
    if (create) {
      o.prop("start", Schema.dateTime("When it started." + TIMES))
          .prop("stop", Schema.dateTime("When it ended." + TIMES))
          .prop(
              "duration",
              Schema.textOrNumber(
                  "Length instead of stop: text like \"1h30m\", \"45m\", \"1:30\" or a number of"
                      + " minutes (90)."))
          .prop(
              "project_id", Schema.integer("Project id (the original server's name for project)."))
          .prop("start_time", Schema.dateTime("Same as start (the original server's name)."))
          .prop(
              "duration_minutes",
              Schema.number("Length in minutes (the original server's name for duration)."));
    } else {
      o.prop(
          "start",
          Schema.dateTime("When the timer started (default now; may be in the past)." + TIMES));
    }
    return o.prop(
        "allow_overlap",
        Schema.bool(
            "true to save the entry even though it overlaps others (default false: refused, with"
                + " the overlapping entries named)."));
  }

  static Map<String, Object> started() {
    return Schema.object()
        .prop("entry", CommonSchemas.entry())
        .prop("stopped_entry", Schema.nullable(CommonSchemas.entry()))
        .prop("note", note())
        .build(false);
  }

  static Map<String, Object> oneEntry(String what) {
    Map<String, Object> entry = CommonSchemas.entry();
    entry.put("description", what);
    return Schema.object().prop("entry", entry).prop("note", note()).build(false);
  }

  static Map<String, Object> edited() {
    return Schema.object()
        .prop("before", CommonSchemas.entry())
        .prop("after", CommonSchemas.entry())
        .prop(
            "changed",
            Schema.array(
                "What differs, e.g. \"description \\\"A\\\" → \\\"B\\\"\".",
                Schema.string("One change.")))
        .prop("note", note())
        .build(false);
  }

  static Map<String, Object> note() {
    return Schema.string("Present when there is more to know, e.g. how a lost answer was checked.");
  }

  static Map<String, Object> confirm(String what) {
    return Schema.bool(
        "true to " + what + "; without it nothing changes and the answer is a preview.");
  }

  /** Totals of the entries a preview or change is about. */
  static Schema.Obj totals(Schema.Obj o) {
    return o.prop("applied", Schema.bool("False for a preview (nothing changed)."))
        .prop("entry_count", Schema.integer("Entries concerned."))
        .prop("total_seconds", Schema.integer("Their time."))
        .prop("total_hours", Schema.number("The same in hours, 2 decimals."));
  }
}
