package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.analytics.Period;
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
            "First day, YYYY-MM-DD (local, inclusive), or an ISO-8601 date-time with offset."
                + " Alone it runs through today."));
    m.put(
        "end_date",
        Schema.date(
            "Last day, YYYY-MM-DD (local, inclusive), or an ISO-8601 date-time (exclusive)."));
    return m;
  }

  static Map<String, Map<String, Object>> filters() {
    Map<String, Map<String, Object>> m = new LinkedHashMap<>();
    m.put("workspace_id", workspace());
    m.put(
        "project",
        Schema.string("Project id or name (case-insensitive), e.g. \"Website Redesign\"."));
    m.put("client", Schema.string("Client id or name (case-insensitive), e.g. \"Acme Corp\"."));
    m.put(
        "tags",
        Schema.array(
            "Tag names; an entry must carry all of them, e.g. [\"meeting\"].",
            Schema.string("A tag name.")));
    m.put("billable", Schema.bool("true: only billable entries; false: only non-billable."));
    return m;
  }

  static Map<String, Object> workspace() {
    return Schema.integer(
        "Workspace id (see list_workspaces). Default: all workspaces.", 1, Arguments.LARGEST_ID);
  }

  static Map<String, Map<String, Object>> paging() {
    Map<String, Map<String, Object>> m = new LinkedHashMap<>();
    m.put("limit", Schema.integer("Most items to return (default 100).", 1, 1000));
    m.put("offset", Schema.integer("Items to skip, for the next page (default 0).", 0, 1_000_000));
    return m;
  }

  static Map<String, Object> entry() {
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
        .build(false);
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
