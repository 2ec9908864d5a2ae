package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.analytics.EntryView;
import dev.toggltrackmcp.analytics.Hours;
import dev.toggltrackmcp.analytics.Labels;
import dev.toggltrackmcp.arguments.Arguments;
import dev.toggltrackmcp.arguments.InvalidArgument;
import dev.toggltrackmcp.store.Fresh;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tools that show one time entry: what runs now, and one entry by id. */
final class EntryTools {
  private final ToolContext ctx;

  EntryTools(ToolContext ctx) {
    this.ctx = ctx;
  }

  List<ToolDefinition> definitions() {
    return List.of(current(), details());
  }

  private ToolDefinition current() {
    return new ToolDefinition(
        "get_current_time_entry",
        "What is running now",
        "The time entry that is running right now, with its elapsed time, or a clear \"nothing"
            + " running\". Call with no arguments: {}. Clients can subscribe to the resource"
            + " toggl://current-entry to hear when it starts, stops or changes.",
        Schema.object(),
        CommonSchemas.freshness(
                Schema.object()
                    .prop("running", Schema.bool("True when a timer is running."))
                    .prop("entry", Schema.nullable(CommonSchemas.entry())))
            .build(false),
        true,
        args -> {
          Account account = ctx.data.account().value();
          Labels labels = Labels.of(account);
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
                    + EntryText.describe(v, labels)
                    + "; "
                    + (v.billable() ? "billable" : "non-billable")
                    + ", id "
                    + v.id()
                    + ".";
          } else {
            out.put("entry", null);
            text = "Nothing is running right now.";
          }
          return new ToolAnswer(
              text + ToolContext.freshnessLine(running), ToolContext.withFreshness(out, running));
        });
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
              EntryText.describe(v, Labels.of(account))
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
}
