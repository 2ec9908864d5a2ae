package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.analytics.EntryFilter;
import dev.toggltrackmcp.analytics.EntryView;
import dev.toggltrackmcp.analytics.Hours;
import dev.toggltrackmcp.analytics.InvalidArgument;
import dev.toggltrackmcp.analytics.Period;
import dev.toggltrackmcp.analytics.TimeRange;
import dev.toggltrackmcp.store.Fresh;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tools that show time entries: what runs now, lists, search, one entry. */
final class EntryTools {
  private final ToolContext ctx;

  EntryTools(ToolContext ctx) {
    this.ctx = ctx;
  }

  List<ToolDefinition> definitions() {
    return List.of(current(), list(), details(), search());
  }

  private ToolDefinition current() {
    return new ToolDefinition(
        "get_current_time_entry",
        "What is running now",
        "The time entry that is running right now, with its elapsed time, or a clear \"nothing"
            + " running\". Call with no arguments: {}.",
        Schema.object(),
        CommonSchemas.freshness(
                Schema.object()
                    .prop("running", Schema.bool("True when a timer is running."))
                    .prop("entry", Schema.nullable(CommonSchemas.entry())))
            .build(false),
        true,
        args -> {
          Account account = ctx.data.account().value();
          Fresh<Optional<TimeEntry>> running = ctx.data.runningEntry();
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("running", running.value().isPresent());
          String text;
          if (running.value().isPresent()) {
            EntryView v =
                EntryView.of(running.value().get(), account, account.user().zone(), ctx.now());
            out.put("entry", ToolContext.structured(v));
            text =
                "Running for "
                    + Hours.hm(v.durationSeconds())
                    + " (since "
                    + v.start().substring(11, 16)
                    + "): "
                    + describe(v);
          } else {
            out.put("entry", null);
            text = "Nothing is running right now.";
          }
          return new ToolAnswer(
              text + ToolContext.freshnessLine(running), ToolContext.withFreshness(out, running));
        });
  }

  private ToolDefinition list() {
    return new ToolDefinition(
        "list_time_entries",
        "List time entries",
        "Time entries in a period, newest first, with filters; bounded by limit/offset with the"
            + " total and whether more remain. Reaches back beyond Toggl's 90 days. Example:"
            + " {\"period\": \"last_week\", \"project\": \"Website Redesign\"} or {\"start_date\":"
            + " \"2026-11-01\", \"end_date\": \"2026-11-15\", \"billable\": true}.",
        Schema.object()
            .props(CommonSchemas.range("last_7_days"))
            .props(CommonSchemas.filters())
            .props(CommonSchemas.paging()),
        listSchema(),
        true,
        args -> entries(args, Period.LAST_7_DAYS, null));
  }

  private ToolDefinition search() {
    return new ToolDefinition(
        "search_time_entries",
        "Search time entries",
        "Entries whose description, project, client or tag names contain the query"
            + " (case-insensitive), newest first. Default period: last_90_days. Example:"
            + " {\"query\": \"meeting\"} or {\"query\": \"design\", \"period\": \"this_quarter\","
            + " \"client\": \"Acme Corp\"}.",
        Schema.object()
            .required("query", Schema.string("Text to look for, e.g. \"meeting\"."))
            .props(CommonSchemas.range("last_90_days"))
            .props(CommonSchemas.filters())
            .props(CommonSchemas.paging()),
        listSchema(),
        true,
        args ->
            entries(
                args, Period.LAST_90_DAYS, args.requiredText("query", "{\"query\": \"meeting\"}")));
  }

  private ToolDefinition details() {
    return new ToolDefinition(
        "get_time_entry_details",
        "One time entry",
        "One time entry by id, fully resolved (project, client, task, tags). Example:"
            + " {\"time_entry_id\": 4100012345}. Ids come from list_time_entries.",
        Schema.object()
            .required(
                "time_entry_id",
                Schema.integer(
                    "The entry's id (from list_time_entries).", 1, Arguments.LARGEST_ID)),
        CommonSchemas.freshness(Schema.object().prop("entry", CommonSchemas.entry())).build(false),
        true,
        args -> {
          long id = args.requiredId("time_entry_id", "pass an id from list_time_entries");
          Account account = ctx.data.account().value();
          Fresh<Optional<TimeEntry>> found = ctx.data.entry(id);
          TimeEntry e =
              found
                  .value()
                  .orElseThrow(
                      () ->
                          new InvalidArgument(
                              "time_entry_id",
                              "No time entry with id "
                                  + id
                                  + " exists (it may have been deleted); find ids with"
                                  + " list_time_entries or search_time_entries."));
          EntryView v = EntryView.of(e, account, account.user().zone(), ctx.now());
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("entry", ToolContext.structured(v));
          String text =
              describe(v)
                  + "\nStart "
                  + v.start()
                  + ", stop "
                  + (v.stop() == null ? "(running)" : v.stop())
                  + ", "
                  + v.durationFormatted()
                  + " ("
                  + v.hours()
                  + " h), "
                  + (v.billable() ? "billable" : "non-billable")
                  + (v.taskName() == null ? "" : ", task " + v.taskName())
                  + ", id "
                  + v.id()
                  + ".";
          return new ToolAnswer(
              text + ToolContext.freshnessLine(found), ToolContext.withFreshness(out, found));
        });
  }

  private ToolAnswer entries(Arguments args, Period fallback, String query) {
    Account account = ctx.data.account().value();
    TimeRange range = ctx.range(args, account, fallback);
    EntryFilter filter = ctx.filter(args, account, query);
    Fresh<List<TimeEntry>> fresh = ctx.data.entries(range.start(), range.endExclusive());
    List<TimeEntry> matching = fresh.value().stream().filter(e -> filter.test(e, account)).toList();
    ZoneId zone = account.user().zone();
    Page<TimeEntry> slice = Page.of(matching, args);
    List<EntryView> page =
        slice.items().stream().map(e -> EntryView.of(e, account, zone, ctx.now())).toList();
    long totalSeconds = matching.stream().mapToLong(e -> e.seconds(ctx.now())).sum();

    Map<String, Object> out = new LinkedHashMap<>();
    out.put("range", ToolContext.rangeInfo(range));
    slice.describe(out);
    out.put("total_seconds", totalSeconds);
    out.put("total_hours", Hours.decimal(totalSeconds));
    out.put("entries", page.stream().map(ToolContext::structured).toList());

    StringBuilder text = new StringBuilder();
    text.append(matching.size())
        .append(matching.size() == 1 ? " entry" : " entries")
        .append(query == null ? "" : " matching \"" + query + "\"")
        .append(", ")
        .append(Hours.hm(totalSeconds))
        .append(" (")
        .append(Hours.decimal(totalSeconds))
        .append(" h), ")
        .append(range.firstDay())
        .append(" – ")
        .append(range.lastDay())
        .append(" (")
        .append(zone.getId())
        .append(").");
    if (!page.isEmpty()) {
      text.append(" Showing ").append(slice.offset() + 1).append("–").append(slice.nextOffset());
      text.append(slice.hasMore() ? "; more with offset " + slice.nextOffset() + "." : ".");
      TextTable table =
          new TextTable("Date", "Start", "Stop", "Time", "Project", "Description", "Tags")
              .alignRight(3);
      for (EntryView v : page) {
        table.row(
            v.start().substring(0, 10),
            v.start().substring(11, 16),
            v.stop() == null ? "running" : v.stop().substring(11, 16),
            Hours.hm(v.durationSeconds()),
            v.projectName() == null ? "(no project)" : v.projectName(),
            v.description(),
            String.join(", ", v.tags()));
      }
      text.append("\n\n").append(table);
    }
    text.append(ToolContext.freshnessLine(fresh));
    return new ToolAnswer(text.toString().stripTrailing(), ToolContext.withFreshness(out, fresh));
  }

  private static Map<String, Object> listSchema() {
    return CommonSchemas.freshness(
            Schema.object()
                .prop("range", CommonSchemas.rangeInfo())
                .prop("total", Schema.integer("Entries matching, across all pages."))
                .prop("returned", Schema.integer("Entries in this answer."))
                .prop("offset", Schema.integer("Entries skipped."))
                .prop("has_more", Schema.bool("True when more entries follow."))
                .prop("next_offset", Schema.nullableInteger("offset for the next page, or null."))
                .prop("total_seconds", Schema.integer("Time of all matching entries."))
                .prop("total_hours", Schema.number("The same in hours, 2 decimals."))
                .prop("entries", Schema.array("Newest first.", CommonSchemas.entry())))
        .build(false);
  }

  static String describe(EntryView v) {
    String what = v.description().isBlank() ? "(no description)" : v.description();
    StringBuilder s = new StringBuilder(what);
    if (v.projectName() != null) {
      s.append(" — ").append(v.projectName());
      if (v.clientName() != null) {
        s.append(" (").append(v.clientName()).append(")");
      }
    }
    if (!v.tags().isEmpty()) {
      s.append(" [").append(String.join(", ", v.tags())).append("]");
    }
    return s.toString();
  }
}
