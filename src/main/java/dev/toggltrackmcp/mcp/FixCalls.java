package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.analytics.EntryView;
import dev.toggltrackmcp.analytics.TimesheetFinding.Change;
import dev.toggltrackmcp.analytics.TimesheetFinding.Create;
import dev.toggltrackmcp.analytics.TimesheetFinding.Delete;
import dev.toggltrackmcp.analytics.TimesheetFinding.SetDescription;
import dev.toggltrackmcp.analytics.TimesheetFinding.SetProject;
import dev.toggltrackmcp.analytics.TimesheetFinding.SetTags;
import dev.toggltrackmcp.analytics.TimesheetFinding.SetTimes;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A timesheet fix as the write tool calls that make it ({@code update_time_entry}, {@code
 * delete_time_entry}, {@code create_time_entry}); a value only the user can give is a placeholder
 * in angle brackets, e.g. {@code "<what you did>"}.
 */
final class FixCalls {
  static final String WHAT_YOU_DID = "<what you did>";
  static final String WHICH_PROJECT = "<project name or id>";
  static final String WHICH_TAG = "<tag>";

  private final ZoneId zone;

  FixCalls(ZoneId zone) {
    this.zone = zone;
  }

  /** One call: {@code {"tool": …, "arguments": {…}}}. */
  Map<String, Object> call(Change change) {
    Map<String, Object> args = new LinkedHashMap<>();
    String tool;
    if (change instanceof SetTimes t) {
      tool = "update_time_entry";
      args.put("time_entry_id", t.entryId());
      putTime(args, "start", t.start());
      putTime(args, "stop", t.stop());
    } else if (change instanceof SetProject p) {
      tool = "update_time_entry";
      args.put("time_entry_id", p.entryId());
      args.put("project", p.projectId() == null ? WHICH_PROJECT : p.projectId());
    } else if (change instanceof SetDescription d) {
      tool = "update_time_entry";
      args.put("time_entry_id", d.entryId());
      args.put("description", d.description() == null ? WHAT_YOU_DID : d.description());
    } else if (change instanceof SetTags t) {
      tool = "update_time_entry";
      args.put("time_entry_id", t.entryId());
      args.put("tags", t.tags().isEmpty() ? List.of(WHICH_TAG) : t.tags());
    } else if (change instanceof Delete d) {
      tool = "delete_time_entry";
      args.put("time_entry_id", d.entryId());
    } else if (change instanceof Create c) {
      tool = "create_time_entry";
      args.put("workspace_id", c.workspaceId());
      putTime(args, "start", c.start());
      putTime(args, "stop", c.stop());
      args.put(
          "description",
          c.description() == null || c.description().isBlank() ? WHAT_YOU_DID : c.description());
      if (c.projectId() != null) {
        args.put("project", c.projectId());
      }
      if (!c.tags().isEmpty()) {
        args.put("tags", c.tags());
      }
    } else {
      throw new IllegalArgumentException("unknown change " + change);
    }
    Map<String, Object> call = new LinkedHashMap<>();
    call.put("tool", tool);
    call.put("arguments", args);
    return call;
  }

  private void putTime(Map<String, Object> args, String name, Instant t) {
    if (t != null) {
      args.put(name, EntryView.local(t, zone));
    }
  }
}
