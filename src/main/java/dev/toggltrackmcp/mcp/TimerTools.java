package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.arguments.Arguments;
import dev.toggltrackmcp.arguments.InvalidArgument;
import dev.toggltrackmcp.arguments.NewEntryQuery;
import dev.toggltrackmcp.store.TimeEntryWrites.NewEntry;
import dev.toggltrackmcp.store.TimeEntryWrites.Written;
import dev.toggltrackmcp.toggl.TogglException;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The timer: start one (Toggl stops the one running) and stop one. */
final class TimerTools {
  private final ToolContext ctx;
  private final WriteChecks checks;

  TimerTools(ToolContext ctx) {
    this.ctx = ctx;
    this.checks = new WriteChecks(ctx);
  }

  List<ToolDefinition> definitions() {
    return List.of(start(), stop());
  }

  private ToolDefinition start() {
    return ToolDefinition.write(
        "start_time_entry",
        "Start a timer",
        "Starts a running time entry now (or at a past start). Toggl stops the entry that was"
            + " running, and the answer says so with its final length. Projects, tasks and tags"
            + " must exist (by id or name; the closest names are listed otherwise; create_tag,"
            + " create_project make new ones). Examples: {\"description\": \"Client call\","
            + " \"project\": \"Website Redesign\", \"tags\": [\"meeting\"]} or {\"description\":"
            + " \"Deep work\", \"start\": \"2026-11-25T09:30\"}.",
        WriteSchemas.newEntry(false),
        WriteSchemas.started(),
        new ToolDefinition.Effect(true, false),
        this::startTimer);
  }

  private ToolAnswer startTimer(Arguments args) {
    boolean allowOverlap = Boolean.TRUE.equals(args.bool("allow_overlap"));
    NewEntryQuery query = NewEntryQuery.forStart(args);
    Account account = ctx.data.account().value();
    NewEntry entry = query.resolve(account, ctx.configuredWorkspace, true, ctx.now());
    checks.meetsConstraints(List.of(WriteChecks.draft(entry)), account);
    checks.noOverlap(entry.start(), null, null, allowOverlap, account);
    Written w;
    try {
      w = ctx.writes().start(entry);
    } catch (TogglException e) {
      throw WriteFailure.explain(e, "starting the timer");
    }
    WrittenEntry shown = new WrittenEntry(ctx.data.account().value(), ctx.now());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("entry", shown.structured(w.entry()));
    out.put(
        "stopped_entry", w.stoppedByToggl() == null ? null : shown.structured(w.stoppedByToggl()));
    StringBuilder text = new StringBuilder("Started: ").append(shown.line(w.entry())).append('.');
    if (w.stoppedByToggl() != null) {
      text.append("\nToggl stopped the entry that was running: ")
          .append(shown.line(w.stoppedByToggl()))
          .append('.');
    }
    if (w.note() != null) {
      out.put("note", w.note());
      text.append("\nNote: ").append(w.note());
    }
    return new ToolAnswer(text.toString(), out);
  }

  private ToolDefinition stop() {
    return ToolDefinition.write(
        "stop_time_entry",
        "Stop the timer",
        "Stops the running time entry (or the running entry with this id) at the current time and"
            + " answers it with its final length. Nothing running, or an entry already stopped, is"
            + " an error that changes nothing. Examples: {} (whatever runs) or {\"time_entry_id\":"
            + " 4100012345}.",
        Schema.object()
            .prop(
                "time_entry_id",
                Schema.integer(
                    "The running entry's id (default: whatever runs now; see"
                        + " get_current_time_entry).",
                    1,
                    Arguments.LARGEST_ID)),
        WriteSchemas.oneEntry("The entry as stopped."),
        new ToolDefinition.Effect(false, true),
        this::stopTimer);
  }

  private ToolAnswer stopTimer(Arguments args) {
    Long id = args.id("time_entry_id");
    Account account = ctx.data.account().value();
    WrittenEntry shown = new WrittenEntry(account, ctx.now());
    long target;
    if (id == null) {
      Optional<TimeEntry> running = ctx.data.runningEntry().value();
      if (running.isEmpty()) {
        throw new ToolRefusal(
            "Nothing is running, so nothing was stopped. To log time that has passed, call"
                + " create_time_entry; to start a timer, start_time_entry.");
      }
      target = running.get().id();
    } else {
      TimeEntry e =
          ctx.data
              .entry(id)
              .value()
              .orElseThrow(
                  () ->
                      new InvalidArgument(
                          "time_entry_id",
                          "No time entry with id "
                              + id
                              + " exists (it may have been deleted); call get_current_time_entry"
                              + " for the running one."));
      if (!e.isRunning()) {
        throw new ToolRefusal(
            "Entry "
                + id
                + " is already stopped ("
                + shown.line(e)
                + "); nothing was changed. Call get_current_time_entry to see what runs now.");
      }
      target = id;
    }
    Written w;
    try {
      w = ctx.writes().stop(target);
    } catch (TogglException.AlreadyStopped e) {
      throw new ToolRefusal(e.getMessage() + " Call get_current_time_entry to see what runs now.");
    } catch (TogglException.Conflict e) {
      throw new ToolRefusal(
          "Entry "
              + target
              + " was already stopped (Toggl answered 409); nothing was changed. Call"
              + " get_current_time_entry to see what runs now.");
    } catch (TogglException e) {
      throw WriteFailure.explain(e, "stopping entry " + target);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("entry", shown.structured(w.entry()));
    String text = "Stopped: " + shown.line(w.entry()) + ".";
    if (w.note() != null) {
      out.put("note", w.note());
      text += "\nNote: " + w.note();
    }
    return new ToolAnswer(text, out);
  }
}
