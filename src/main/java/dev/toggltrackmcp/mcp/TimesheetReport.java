package dev.toggltrackmcp.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.analytics.EntryView;
import dev.toggltrackmcp.analytics.Hours;
import dev.toggltrackmcp.analytics.TimeRange;
import dev.toggltrackmcp.analytics.TimesheetFinding;
import dev.toggltrackmcp.analytics.WorkHabits;
import dev.toggltrackmcp.toggl.model.Account;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What {@code check_timesheet} says about its findings: the structured result (every finding with
 * its fix as write tool calls, the habits learned, each workspace's requirements) and the text,
 * which lists the first {@value #SHOWN}.
 */
final class TimesheetReport {
  private static final int SHOWN = 30;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WRITES =
      "The fixes name write tools (update_time_entry, delete_time_entry, create_time_entry); they"
          + " exist only when the server runs with TOGGL_WRITE_ENABLED=true, so with writes off a"
          + " fix is for the user to apply in Toggl. Values in <angle brackets> are for the user to"
          + " choose.";

  private final List<TimesheetFinding> findings;
  private final TimeRange range;
  private final @Nullable Long workspaceId;
  private final int checked;
  private final WorkHabits habits;
  private final Set<Long> workspaces;
  private final ConstraintsReader.Read rules;
  private final Account account;
  private final List<Map<String, Object>> shown = new ArrayList<>();

  TimesheetReport(
      List<TimesheetFinding> findings,
      TimeRange range,
      @Nullable Long workspaceId,
      int checked,
      WorkHabits habits,
      Set<Long> workspaces,
      ConstraintsReader.Read rules,
      Account account) {
    this.findings = List.copyOf(findings);
    this.range = range;
    this.workspaceId = workspaceId;
    this.checked = checked;
    this.habits = habits;
    this.workspaces = workspaces;
    this.rules = rules;
    this.account = account;
    FixCalls calls = new FixCalls(range.zone());
    findings.forEach(f -> shown.add(finding(f, calls, range.zone())));
  }

  Map<String, Object> structured() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("range", ToolContext.rangeInfo(range));
    out.put("workspace_id", workspaceId);
    out.put("entries_checked", checked);
    out.put("finding_count", findings.size());
    out.put("counts", counts(findings));
    out.put("findings", shown);
    out.put("habits", habits(habits, account));
    out.put("requirements", requirements(workspaces, rules, account));
    out.put("fixes_note", WRITES);
    return out;
  }

  String text() {
    return text(findings, shown, checked, range, habits, workspaces, rules, account);
  }

  private static Map<String, Object> finding(TimesheetFinding f, FixCalls calls, ZoneId zone) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", f.kind().argumentName());
    m.put("entry_ids", f.entryIds());
    m.put("start", EntryView.local(f.start(), zone));
    m.put("stop", f.stop() == null ? null : EntryView.local(f.stop(), zone));
    m.put("detail", f.detail());
    Map<String, Object> fix = new LinkedHashMap<>();
    fix.put("text", f.fixText());
    fix.put("calls", f.fix().stream().map(calls::call).toList());
    m.put("suggested_fix", fix);
    return m;
  }

  private static Map<String, Object> counts(List<TimesheetFinding> findings) {
    Map<String, Object> counts = new LinkedHashMap<>();
    for (TimesheetFinding.Kind k : TimesheetFinding.Kind.values()) {
      counts.put(k.argumentName(), findings.stream().filter(f -> f.kind() == k).count());
    }
    return counts;
  }

  private static Map<String, Object> habits(WorkHabits h, Account account) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("learned_from", h.firstDay().toString());
    m.put("learned_to", h.lastDay().toString());
    m.put("workdays_seen", h.daysWorked());
    m.put(
        "working_days",
        h.workingDays().stream().sorted().map(d -> d.toString().toLowerCase(Locale.ROOT)).toList());
    m.put("usual_start", h.usualStart() == null ? null : h.usualStart().toString());
    m.put("usual_end", h.usualEnd() == null ? null : h.usualEnd().toString());
    m.put("usual_longest_break_seconds", h.usualLongestBreak().toSeconds());
    m.put("gap_threshold_seconds", h.knowsHours() ? h.gapThreshold().toSeconds() : null);
    List<Map<String, Object>> fields = new ArrayList<>();
    for (var w : account.workspaces()) {
      WorkHabits.FieldHabits f = h.fields().get(w.id());
      if (f == null) {
        continue;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("workspace_id", w.id());
      row.put("workspace_name", w.name());
      row.put("entries", f.entries());
      row.put("with_project_percent", f.percent(f.withProject()));
      row.put("with_description_percent", f.percent(f.withDescription()));
      row.put("with_tags_percent", f.percent(f.withTags()));
      fields.add(row);
    }
    m.put("fields", fields);
    return m;
  }

  private static List<Map<String, Object>> requirements(
      Set<Long> workspaces, ConstraintsReader.Read rules, Account account) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (long ws : workspaces) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("workspace_id", ws);
      row.put("workspace_name", account.workspace(ws).map(w -> w.name()).orElse(null));
      var c = rules.constraints().get(ws);
      List<String> requires = new ArrayList<>();
      if (c != null) {
        if (c.requiresProject()) {
          requires.add("project");
        }
        if (c.requiresDescription()) {
          requires.add("description");
        }
        if (c.requiresTags()) {
          requires.add("tags");
        }
        if (c.timeEntryConstraintsEnabled() && c.taskPresent()) {
          requires.add("task");
        }
      }
      row.put("requires", requires);
      row.put("unreadable", rules.unreadable().get(ws));
      out.add(row);
    }
    return out;
  }

  private static String text(
      List<TimesheetFinding> findings,
      List<Map<String, Object>> shown,
      int checked,
      TimeRange range,
      WorkHabits habits,
      Set<Long> workspaces,
      ConstraintsReader.Read rules,
      Account account) {
    StringBuilder t = new StringBuilder();
    t.append(
            findings.isEmpty()
                ? "No problems found"
                : Words.count(findings.size(), "finding", "findings"))
        .append(" in ")
        .append(Words.count(checked, "entry", "entries"))
        .append(" of ")
        .append(EntryText.range(range))
        .append(findings.isEmpty() ? "." : ":");
    for (int i = 0; i < Math.min(SHOWN, findings.size()); i++) {
      TimesheetFinding f = findings.get(i);
      t.append("\n")
          .append(i + 1)
          .append(". ")
          .append(f.kind().argumentName())
          .append(" ")
          .append(f.entryIds())
          .append(": ")
          .append(f.detail())
          .append("\n   Fix: ")
          .append(f.fixText());
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> calls =
          (List<Map<String, Object>>)
              ((Map<String, Object>) shown.get(i).get("suggested_fix")).get("calls");
      for (Map<String, Object> call : calls) {
        t.append("\n   → ")
            .append(call.get("tool"))
            .append(" ")
            .append(json(call.get("arguments")));
      }
    }
    if (findings.size() > SHOWN) {
      t.append("\n… and ")
          .append(findings.size() - SHOWN)
          .append(" more in the structured result.");
    }
    t.append("\n\nHabits learned from your entries of ")
        .append(habits.firstDay())
        .append(" – ")
        .append(habits.lastDay())
        .append(" (")
        .append(Words.count(habits.daysWorked(), "workday", "workdays"))
        .append(")");
    if (habits.knowsHours()) {
      t.append(": usual hours ")
          .append(habits.usualStart())
          .append("–")
          .append(habits.usualEnd())
          .append(", gaps of ")
          .append(Hours.hm(habits.gapThreshold().toSeconds()))
          .append(" or more reported.");
    } else {
      t.append(": too few workdays to learn your usual hours, so gaps are not checked.");
    }
    List<String> required = new ArrayList<>();
    for (long ws : workspaces) {
      var c = rules.constraints().get(ws);
      String name = account.workspace(ws).map(w -> w.name()).orElse("Workspace " + ws);
      if (rules.unreadable().containsKey(ws)) {
        required.add(
            name + "'s requirements could not be read (" + rules.unreadable().get(ws) + ")");
      } else if (c != null
          && (c.requiresProject() || c.requiresDescription() || c.requiresTags())) {
        List<String> what = new ArrayList<>();
        if (c.requiresProject()) {
          what.add("a project");
        }
        if (c.requiresDescription()) {
          what.add("a description");
        }
        if (c.requiresTags()) {
          what.add("tags");
        }
        required.add(name + " requires " + Words.and(what));
      }
    }
    if (!required.isEmpty()) {
      t.append(" ").append(String.join("; ", required)).append(".");
    }
    if (!findings.isEmpty()) {
      t.append("\n").append(WRITES);
    }
    return t.toString();
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  static Map<String, Object> outputSchema() {
    Map<String, Object> call =
        Schema.object()
            .prop("tool", Schema.string("A write tool, e.g. \"update_time_entry\"."))
            .prop(
                "arguments",
                Schema.anyObject(
                    "Its arguments; values in <angle brackets> are for the user to choose."))
            .build(false);
    Map<String, Object> finding =
        Schema.object()
            .prop(
                "kind",
                Schema.oneOf(
                    "What is wrong.",
                    Arrays.stream(TimesheetFinding.Kind.values())
                        .map(TimesheetFinding.Kind::argumentName)
                        .toList()))
            .prop(
                "entry_ids",
                Schema.array(
                    "The entries concerned (for a gap: the entries before and after it).",
                    Schema.integer("A time entry id.")))
            .prop(
                "start",
                Schema.string("Where it starts (the overlap, the gap or the entry), with offset."))
            .prop("stop", Schema.nullableString("Where it ends; null for a running entry."))
            .prop("detail", Schema.string("One sentence: what is wrong."))
            .prop(
                "suggested_fix",
                Schema.object()
                    .prop("text", Schema.string("One sentence: what to do."))
                    .prop(
                        "calls",
                        Schema.array("The write tool calls that make the fix, in order.", call))
                    .build(false))
            .build(false);
    Map<String, Object> fields =
        Schema.object()
            .prop("workspace_id", Schema.integer("Workspace id."))
            .prop("workspace_name", Schema.string("Workspace name."))
            .prop("entries", Schema.integer("Entries learned from."))
            .prop("with_project_percent", Schema.integer("Percent with a project."))
            .prop("with_description_percent", Schema.integer("Percent with a description."))
            .prop("with_tags_percent", Schema.integer("Percent with tags."))
            .build(false);
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("type", "object");
    counts.put("description", "Findings per kind (every kind, 0 included).");
    counts.put("additionalProperties", Schema.integer("Findings of this kind."));
    return CommonSchemas.freshness(
            Schema.object()
                .prop("range", CommonSchemas.rangeInfo())
                .prop("workspace_id", Schema.nullableInteger("The workspace checked; null: all."))
                .prop("entries_checked", Schema.integer("Entries starting in the range."))
                .prop("finding_count", Schema.integer("Findings in all."))
                .prop("counts", counts)
                .prop("findings", Schema.array("Every finding, in time order.", finding))
                .prop(
                    "habits",
                    Schema.object()
                        .prop("learned_from", Schema.string("First day learned from."))
                        .prop("learned_to", Schema.string("Last day learned from."))
                        .prop("workdays_seen", Schema.integer("Workdays with entries in them."))
                        .prop(
                            "working_days",
                            Schema.array(
                                "Days with entries in at least half of the weeks.",
                                Schema.string("A day, e.g. \"monday\".")))
                        .prop(
                            "usual_start",
                            Schema.nullableString("Median first start of a workday, HH:MM."))
                        .prop(
                            "usual_end",
                            Schema.nullableString("Median last stop of a workday, HH:MM."))
                        .prop(
                            "usual_longest_break_seconds",
                            Schema.integer("Nine in ten workdays have no longer break."))
                        .prop(
                            "gap_threshold_seconds",
                            Schema.nullableInteger(
                                "Untracked time this long inside usual hours is a gap; null when"
                                    + " hours could not be learned."))
                        .prop(
                            "fields",
                            Schema.array("How often you set each field, per workspace.", fields))
                        .build(false))
                .prop(
                    "requirements",
                    Schema.array(
                        "What each workspace checked requires (Toggl's time entry constraints).",
                        Schema.object()
                            .prop("workspace_id", Schema.integer("Workspace id."))
                            .prop("workspace_name", Schema.nullableString("Workspace name."))
                            .prop(
                                "requires",
                                Schema.array(
                                    "Fields every entry must have.",
                                    Schema.string("project, description, tags or task.")))
                            .prop(
                                "unreadable",
                                Schema.nullableString(
                                    "Why the constraints could not be read, if so."))
                            .build(false)))
                .prop("fixes_note", Schema.string("How fixes are applied.")))
        .build(false);
  }
}
