package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.analytics.Hours;
import dev.toggltrackmcp.arguments.Arguments;
import dev.toggltrackmcp.arguments.BulkQuery;
import dev.toggltrackmcp.arguments.EntryEditQuery;
import dev.toggltrackmcp.arguments.FilterQuery;
import dev.toggltrackmcp.arguments.InvalidArgument;
import dev.toggltrackmcp.store.TimeEntryWrites.BulkOutcome;
import dev.toggltrackmcp.store.TimeEntryWrites.EntryEdit;
import dev.toggltrackmcp.toggl.TogglException;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bulk_update_time_entries}: one change to many entries, chosen by ids or by a period and
 * filters. Without {@code confirm: true} a preview; with it the change, reported per entry (Toggl
 * applies a bulk edit entry by entry, so some may fail while others succeed).
 */
final class BulkUpdateTool {
  private static final int LISTED = 20;

  private final ToolContext ctx;
  private final WriteChecks checks;

  BulkUpdateTool(ToolContext ctx) {
    this.ctx = ctx;
    this.checks = new WriteChecks(ctx);
  }

  ToolDefinition definition() {
    Schema.Obj changes =
        Schema.object()
            .prop("description", Schema.string("New description for every entry."))
            .prop("project", Schema.idOrName("Project by id or name (in the entries' workspace)."))
            .prop("remove_project", Schema.bool("true to remove the project."))
            .prop("tags", Schema.array("Replaces every tag.", Schema.idOrName("A tag.")))
            .prop("add_tags", Schema.array("Tags to add.", Schema.idOrName("A tag.")))
            .prop("remove_tags", Schema.array("Tags to take off.", Schema.idOrName("A tag.")))
            .prop("billable", Schema.bool("Billable or not."));
    Map<String, Object> changesSchema = changes.build();
    changesSchema.put(
        "description", "What to set on every entry (at least one), e.g. {\"add_tags\": [\"q1\"]}.");
    Map<String, Object> changedEntry =
        Schema.object()
            .props(CommonSchemas.entryProperties())
            .prop("changes", Schema.array("What changes on it.", Schema.string("A change.")))
            .build(false);
    Map<String, Object> problem =
        Schema.object()
            .prop("id", Schema.integer("Time entry id."))
            .prop("reason", Schema.string("Why it was not changed."))
            .build(false);
    return ToolDefinition.write(
        "bulk_update_time_entries",
        "Change many entries",
        "Makes one change (description, project, tags, billable) to many entries, chosen by"
            + " time_entry_ids or by a period with the filters of list_time_entries (and a text"
            + " query). Without confirm it changes nothing and answers a preview: which entries,"
            + " how many, their hours, what changes on each. With confirm: true it applies the"
            + " change and reports each entry that failed. Examples: {\"period\": \"last_week\","
            + " \"query\": \"support\", \"changes\": {\"billable\": true}} (preview), then the same"
            + " with \"confirm\": true; {\"time_entry_ids\": [4100012345, 4100012346], \"changes\":"
            + " {\"add_tags\": [\"meeting\"]}, \"confirm\": true}.",
        Schema.object()
            .prop(
                "time_entry_ids",
                Schema.array(
                    "The entries by id (at most " + BulkQuery.MOST_ENTRIES + ").",
                    Schema.integer("A time entry id.")))
            .props(CommonSchemas.range("none: give a period, dates or time_entry_ids"))
            .props(CommonSchemas.filters())
            .prop(
                "query",
                Schema.string("Only entries whose description, project, client or tag contain it."))
            .prop("changes", changesSchema)
            .prop("confirm", WriteSchemas.confirm("apply the change")),
        WriteSchemas.totals(Schema.object())
            .prop("complete", Schema.bool("True when every entry concerned was changed."))
            .prop("updated_count", Schema.integer("Entries changed (0 in a preview)."))
            .prop("unchanged_count", Schema.integer("Entries that already were so (not sent)."))
            .prop(
                "entries",
                Schema.array(
                    "Preview: the entries that would change (up to 50); applied: as they now are.",
                    changedEntry))
            .prop("failed", Schema.array("Entries Toggl refused, with its reason.", problem))
            .prop("not_sent", Schema.array("Entries never sent (a request failed), why.", problem))
            .build(false),
        new ToolDefinition.Effect(true, true),
        this::bulk);
  }

  private ToolAnswer bulk(Arguments args) {
    BulkQuery q = BulkQuery.read(args, ctx.now());
    Account account = ctx.data.account().value();
    Arguments.nested(
        "changes",
        () -> {
          q.changes().namesExist(account);
          return null;
        });
    List<TimeEntry> chosen = chosen(q, account);
    WrittenEntry shown = new WrittenEntry(account, ctx.now());
    Map<EntryEdit, List<Long>> byEdit = new LinkedHashMap<>();
    List<TimeEntry> changing = new ArrayList<>();
    List<TimeEntry> afters = new ArrayList<>();
    Map<Long, List<String>> differences = new LinkedHashMap<>();
    for (TimeEntry e : chosen) {
      EntryEditQuery.Resolved r =
          Arguments.nested("changes", () -> q.changes().resolve(e, account, ctx.now()));
      List<String> d = shown.differences(e, r.after());
      if (d.isEmpty()) {
        continue;
      }
      differences.put(e.id(), d);
      changing.add(e);
      afters.add(r.after());
      byEdit.computeIfAbsent(r.edit(), k -> new ArrayList<>()).add(e.id());
    }
    checks.meetsConstraints(afters, account);
    long seconds = changing.stream().mapToLong(e -> e.seconds(ctx.now())).sum();
    int unchanged = chosen.size() - changing.size();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("applied", q.confirm() && !changing.isEmpty());
    out.put("entry_count", changing.size());
    out.put("total_seconds", seconds);
    out.put("total_hours", Hours.decimal(seconds));
    out.put("unchanged_count", unchanged);
    String counted =
        Words.count(changing.size(), "entry", "entries")
            + " ("
            + Hours.hm(seconds)
            + ", "
            + Hours.decimal(seconds)
            + " h)"
            + (unchanged == 0 ? "" : "; " + unchanged + " already so, left alone");
    if (changing.isEmpty()) {
      out.put("complete", true);
      out.put("updated_count", 0);
      out.put("entries", List.of());
      out.put("failed", List.of());
      out.put("not_sent", List.of());
      return new ToolAnswer(
          chosen.isEmpty()
              ? "No entries match, so nothing was changed. Check the period and filters with"
                  + " list_time_entries."
              : "All " + chosen.size() + " entries already are so; nothing was sent.",
          out);
    }
    if (!q.confirm()) {
      out.put("complete", false);
      out.put("updated_count", 0);
      out.put(
          "entries",
          changing.stream()
              .limit(50)
              .map(
                  e -> {
                    Map<String, Object> m = shown.structured(e);
                    m.put("changes", differences.get(e.id()));
                    return m;
                  })
              .toList());
      out.put("failed", List.of());
      out.put("not_sent", List.of());
      StringBuilder text =
          new StringBuilder("Preview, nothing was changed. Would change ")
              .append(counted)
              .append(":");
      changing.stream()
          .limit(LISTED)
          .forEach(
              e ->
                  text.append("\n- ")
                      .append(shown.line(e))
                      .append(": ")
                      .append(String.join("; ", differences.get(e.id()))));
      if (changing.size() > LISTED) {
        text.append("\n- … and ").append(changing.size() - LISTED).append(" more.");
      }
      text.append(
          "\nTo apply it, once the user agrees, call bulk_update_time_entries again with the same"
              + " arguments and \"confirm\": true.");
      return new ToolAnswer(text.toString(), out);
    }
    List<TimeEntry> updated = new ArrayList<>();
    Map<Long, String> failed = new LinkedHashMap<>();
    Map<Long, String> notSent = new LinkedHashMap<>();
    for (Map.Entry<EntryEdit, List<Long>> group : byEdit.entrySet()) {
      try {
        BulkOutcome o = ctx.writes().bulkUpdate(group.getValue(), group.getKey());
        updated.addAll(o.updated());
        failed.putAll(o.failed());
        notSent.putAll(o.notSent());
      } catch (TogglException e) {
        group.getValue().forEach(id -> notSent.put(id, WriteFailure.sentence(e, "this change")));
      }
    }
    WrittenEntry now = new WrittenEntry(ctx.data.account().value(), ctx.now());
    boolean complete = failed.isEmpty() && notSent.isEmpty();
    out.put("complete", complete);
    out.put("updated_count", updated.size());
    out.put(
        "entries",
        updated.stream()
            .map(
                e -> {
                  Map<String, Object> m = now.structured(e);
                  m.put("changes", differences.getOrDefault(e.id(), List.of()));
                  return m;
                })
            .toList());
    out.put("failed", problems(failed));
    out.put("not_sent", problems(notSent));
    StringBuilder text = new StringBuilder();
    if (complete) {
      text.append("Changed all ").append(counted).append(".");
    } else {
      text.append("Only partly done: changed ")
          .append(updated.size())
          .append(" of ")
          .append(changing.size())
          .append(" entries.");
      failed.forEach(
          (id, why) -> text.append("\n- Toggl refused entry ").append(id).append(": ").append(why));
      notSent.forEach(
          (id, why) -> text.append("\n- Entry ").append(id).append(" was not sent: ").append(why));
      List<Long> rest = new ArrayList<>(failed.keySet());
      rest.addAll(notSent.keySet());
      text.append(
              "\nThose entries are unchanged; to retry them, call bulk_update_time_entries with")
          .append(" {\"time_entry_ids\": ")
          .append(rest)
          .append(", the same changes and \"confirm\": true}.");
    }
    return new ToolAnswer(text.toString(), out);
  }

  private List<TimeEntry> chosen(BulkQuery q, Account account) {
    if (!q.ids().isEmpty()) {
      List<TimeEntry> found = new ArrayList<>();
      List<Long> missing = new ArrayList<>();
      for (long id : q.ids()) {
        Optional<TimeEntry> e = ctx.data.entry(id).value();
        if (e.isPresent() && !e.get().isDeleted()) {
          found.add(e.get());
        } else {
          missing.add(id);
        }
      }
      if (!missing.isEmpty()) {
        throw new InvalidArgument(
            "time_entry_ids",
            "No time entry with id "
                + Words.and(missing.stream().map(String::valueOf).toList())
                + " exists (deleted, or never yours); leave "
                + (missing.size() == 1 ? "it" : "them")
                + " out. Nothing was changed.");
      }
      return found;
    }
    BulkQuery.Selection s = q.selection(account, ctx.configuredWorkspace, ctx.now());
    List<TimeEntry> found =
        ctx.data.entries(s.range().start(), s.range().endExclusive()).value().stream()
            .filter(e -> s.filter().test(e, account))
            .toList();
    if (found.size() > BulkQuery.MOST_ENTRIES) {
      FilterQuery.Filters f = s.filters();
      throw new InvalidArgument(
          "period",
          found.size()
              + " entries match"
              + EntryText.conditions(f, s.labels())
              + " in "
              + EntryText.range(s.range())
              + "; one call changes at most "
              + BulkQuery.MOST_ENTRIES
              + ". Narrow the period or the filters.");
    }
    return found;
  }

  private static List<Map<String, Object>> problems(Map<Long, String> byId) {
    List<Map<String, Object>> out = new ArrayList<>();
    byId.forEach(
        (id, why) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("id", id);
          m.put("reason", why);
          out.add(m);
        });
    return out;
  }
}
