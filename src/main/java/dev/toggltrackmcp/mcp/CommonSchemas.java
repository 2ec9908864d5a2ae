package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.analytics.Period;
import dev.toggltrackmcp.arguments.Arguments;
import dev.toggltrackmcp.arguments.Paging;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Argument and result schemas several tools share, described once. */
final class CommonSchemas {
  private CommonSchemas() {}

  static final List<String> PERIODS =
      Arrays.stream(Period.values()).map(Period::argumentName).toList();

  static Map<String, Map<String, Object>> range(String defaultPeriod) {
    Map<String, Map<String, Object>> m = new LinkedHashMap<>();
    m.put(
        "period",
        Schema.oneOf(
            "Named period in the user's Toggl timezone (weeks start on their Toggl week start)."
                + " Default: "
                + defaultPeriod
                + ". Do not combine with start_date/end_date.",
            PERIODS));
    m.put(
        "start_date",
        Schema.date(
            "First day, YYYY-MM-DD (local, inclusive), a local date-time (2026-11-03T09:00) or"
                + " one with offset (2026-11-03T09:00:00+01:00). Alone it runs through today."));
    m.put(
        "end_date",
        Schema.date(
            "Last day, YYYY-MM-DD (local, inclusive), or a date-time (exclusive). Needs"
                + " start_date."));
    return m;
  }

  static Map<String, Map<String, Object>> filters() {
    Map<String, Map<String, Object>> m = new LinkedHashMap<>();
    m.put("workspace_id", workspace());
    m.put(
        "project",
        Schema.idOrName(
            "Project id or name (any case), e.g. 201234000 or \"Website Redesign\"; where names"
                + " repeat, the label answers show, e.g. \"Website (Lima Consulting)\"."));
    m.put(
        "client",
        Schema.idOrName(
            "Client id or name (any case), e.g. 65432100 or \"Globex\"; where names repeat across"
                + " workspaces, the label answers show, e.g. \"Acme Corp (Northwind Agency)\"."));
    m.put(
        "tags",
        Schema.array(
            "Tags an entry must all carry, by name or id, e.g. [\"meeting\"]; a name means that"
                + " tag in every workspace, a label like \"meeting (Northwind Agency)\" just one.",
            Schema.idOrName("A tag id or name.")));
    m.put("billable", Schema.bool("true: only billable entries; false: only non-billable."));
    return m;
  }

  static Map<String, Object> workspace() {
    return Schema.integer(
        "Workspace id (see list_workspaces). Default: all workspaces.", 1, Arguments.LARGEST_ID);
  }

  static Map<String, Map<String, Object>> paging() {
    Map<String, Map<String, Object>> m = new LinkedHashMap<>();
    m.put(
        "limit",
        Schema.integer(
            "Most items to return (default " + Paging.DEFAULT_LIMIT + ").",
            1,
            Paging.LARGEST_LIMIT));
    m.put(
        "offset",
        Schema.integer("Items to skip, for the next page (default 0).", 0, Paging.LARGEST_OFFSET));
    return m;
  }

  static Map<String, Object> entry() {
    return Schema.object().props(entryProperties()).build(false);
  }

  /** What every entry returned carries (DESIGN.md). */
  static Map<String, Map<String, Object>> entryProperties() {
    return Schema.object()
        .prop("id", Schema.integer("Time entry id."))
        .prop("workspace_id", Schema.integer("Workspace id."))
        .prop("description", Schema.string("What was done; may be empty."))
        .prop("start", Schema.string("Start, ISO-8601 with the user's UTC offset."))
        .prop("stop", Schema.nullableString("Stop, ISO-8601; null while running."))
        .prop("duration_seconds", Schema.integer("Length in seconds; running: up to now."))
        .prop("duration_formatted", Schema.string("Length as H:MM:SS."))
        .prop("hours", Schema.number("Length in hours, 2 decimals."))
        .prop("is_running", Schema.bool("True while the timer runs."))
        .prop("project_id", Schema.nullableInteger("Project id, if any."))
        .prop("project_name", Schema.nullableString("Project name, if any."))
        .prop("client_id", Schema.nullableInteger("Client id of the project, if any."))
        .prop("client_name", Schema.nullableString("Client name, if any."))
        .prop("tags", Schema.array("Tag names.", Schema.string("Tag name.")))
        .prop("billable", Schema.bool("Billable or not."))
        .prop("task_id", Schema.integer("Task id, present only when set."))
        .prop("task_name", Schema.string("Task name, present only when set."))
        .properties();
  }

  static Map<String, Object> rangeInfo() {
    return Schema.object()
        .prop("start_date", Schema.string("First local day."))
        .prop("end_date", Schema.string("Last local day (inclusive)."))
        .prop("timezone", Schema.string("The user's Toggl timezone."))
        .build(false);
  }

  /** Adds data_as_of and note to a result schema. */
  static Schema.Obj freshness(Schema.Obj result) {
    return result
        .prop(
            "data_as_of",
            Schema.string("When this data was last confirmed with Toggl (ISO-8601, UTC)."))
        .prop("note", Schema.string("Present when the data may be old or incomplete, and why."));
  }
}
