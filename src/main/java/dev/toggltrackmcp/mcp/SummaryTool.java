package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.analytics.Dimension;
import dev.toggltrackmcp.analytics.EntryFilter;
import dev.toggltrackmcp.analytics.Hours;
import dev.toggltrackmcp.analytics.InvalidArgument;
import dev.toggltrackmcp.analytics.Period;
import dev.toggltrackmcp.analytics.Summaries;
import dev.toggltrackmcp.analytics.Summary;
import dev.toggltrackmcp.analytics.TimeRange;
import dev.toggltrackmcp.store.Fresh;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** {@code get_time_summary}: totals, billable amounts and breakdowns, computed from the cache. */
final class SummaryTool {
  private static final List<String> DIMENSIONS =
      Arrays.stream(Dimension.values()).map(Dimension::argumentName).toList();
  private static final int SHOWN_PER_BREAKDOWN = 15;

  private final ToolContext ctx;

  SummaryTool(ToolContext ctx) {
    this.ctx = ctx;
  }

  ToolDefinition definition() {
    return new ToolDefinition(
        "get_time_summary",
        "Time summary",
        "Total and billable time, billable amounts per currency and breakdowns for a period, with"
            + " filters. Default period: this_week; default group_by: project, client, tag."
            + " Examples: {\"period\": \"this_month\", \"billable\": true, \"group_by\":"
            + " [\"client\"]}, {\"period\": \"last_quarter\", \"client\": \"Acme Corp\"},"
            + " {\"period\": \"this_month\", \"group_by\": [\"day\"]} for average daily time.",
        Schema.object()
            .props(CommonSchemas.range("this_week"))
            .props(CommonSchemas.filters())
            .prop(
                "group_by",
                Schema.array(
                    "Breakdowns to include (default [\"project\", \"client\", \"tag\"]).",
                    Schema.oneOf("A dimension.", DIMENSIONS))),
        outputSchema(),
        true,
        args -> {
          Account account = ctx.data.account().value();
          TimeRange range = ctx.range(args, account, Period.THIS_WEEK);
          EntryFilter filter = ctx.filter(args, account, null);
          List<Dimension> dims = dimensions(args.texts("group_by", DIMENSIONS.size()));
          Fresh<List<TimeEntry>> fresh = ctx.data.entries(range.start(), range.endExclusive());
          List<TimeEntry> matching =
              fresh.value().stream().filter(e -> filter.test(e, account)).toList();
          Summary s =
              Summaries.of(
                  matching, account, range, account.user().beginningOfWeek(), dims, ctx.now());
          return new ToolAnswer(
              text(s) + ToolContext.freshnessLine(fresh),
              ToolContext.withFreshness(ToolContext.structured(s), fresh));
        });
  }

  private static List<Dimension> dimensions(List<String> names) {
    if (names.isEmpty()) {
      return List.of(Dimension.PROJECT, Dimension.CLIENT, Dimension.TAG);
    }
    List<Dimension> dims = new ArrayList<>();
    for (String n : names) {
      Dimension d =
          Dimension.named(n)
              .orElseThrow(
                  () ->
                      new InvalidArgument(
                          "group_by",
                          "group_by values must be among " + String.join(", ", DIMENSIONS) + "."));
      if (!dims.contains(d)) {
        dims.add(d);
      }
    }
    return dims;
  }

  private static String text(Summary s) {
    StringBuilder t = new StringBuilder();
    t.append("Total ")
        .append(Hours.hm(s.totalSeconds()))
        .append(" (")
        .append(s.totalHours())
        .append(" h) in ")
        .append(s.entryCount())
        .append(s.entryCount() == 1 ? " entry" : " entries")
        .append(", ")
        .append(s.range().startDate())
        .append(" – ")
        .append(s.range().endDate())
        .append(" (")
        .append(s.range().timezone())
        .append("). Billable ")
        .append(Hours.hm(s.billableSeconds()))
        .append(" (")
        .append(s.billableHours())
        .append(" h)");
    if (!s.billableAmounts().isEmpty()) {
      t.append(" = ")
          .append(
              String.join(
                  " + ",
                  s.billableAmounts().stream().map(a -> a.amount() + " " + a.currency()).toList()));
    }
    t.append(".");
    if (s.daysWithEntries() > 0) {
      t.append(" ")
          .append(s.daysWithEntries())
          .append(" days with entries, average ")
          .append(Hours.hm(s.averageSecondsPerDay()))
          .append(" per day.");
    }
    if (s.runningIncluded()) {
      t.append(" Includes the running entry up to now.");
    }
    for (Map.Entry<String, List<Summary.Group>> b : s.breakdowns().entrySet()) {
      t.append("\n\nBy ").append(b.getKey());
      if (b.getKey().equals("tag") && s.tagsOverlap()) {
        t.append(
            " (entries with several tags count under each, so shares add up to more than 100%)");
      }
      t.append(":\n");
      TextTable table =
          new TextTable("Name", "Time", "Hours", "Billable", "Share").alignRight(1, 2, 3, 4);
      b.getValue().stream()
          .limit(SHOWN_PER_BREAKDOWN)
          .forEach(
              g ->
                  table.row(
                      g.name(),
                      Hours.hm(g.seconds()),
                      g.hours(),
                      Hours.hm(g.billableSeconds()),
                      g.share().movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP)
                          + "%"));
      t.append(table);
      if (b.getValue().size() > SHOWN_PER_BREAKDOWN) {
        t.append("… and ")
            .append(b.getValue().size() - SHOWN_PER_BREAKDOWN)
            .append(" more in the structured result.\n");
      }
    }
    return t.toString().stripTrailing();
  }

  private static Map<String, Object> outputSchema() {
    Map<String, Object> group =
        Schema.object()
            .prop(
                "key",
                Schema.string("Id, date or value grouped by; \"none\" for the (no …) group."))
            .prop("name", Schema.string("Readable name."))
            .prop("seconds", Schema.integer("Time in seconds."))
            .prop("hours", Schema.number("Time in hours, 2 decimals."))
            .prop("billable_seconds", Schema.integer("Billable part in seconds."))
            .prop("entry_count", Schema.integer("Entries in the group."))
            .prop("share", Schema.number("Share of the total time, 0..1."))
            .build(false);
    Map<String, Object> breakdowns = new java.util.LinkedHashMap<>();
    breakdowns.put("type", "object");
    breakdowns.put("description", "One list per requested dimension.");
    breakdowns.put(
        "additionalProperties", Schema.array("Groups, largest first (time ones in order).", group));
    return CommonSchemas.freshness(
            Schema.object()
                .prop("range", CommonSchemas.rangeInfo())
                .prop("total_seconds", Schema.integer("All time in seconds."))
                .prop("total_hours", Schema.number("All time in hours."))
                .prop("billable_seconds", Schema.integer("Billable time in seconds."))
                .prop("billable_hours", Schema.number("Billable time in hours."))
                .prop("entry_count", Schema.integer("Entries counted."))
                .prop(
                    "billable_amounts",
                    Schema.array(
                        "Billable amount per currency from project or workspace rates.",
                        Schema.object()
                            .prop("currency", Schema.string("ISO currency code."))
                            .prop("amount", Schema.number("Amount, 2 decimals."))
                            .build(false)))
                .prop(
                    "running_included", Schema.bool("True when a running entry counted up to now."))
                .prop("days_with_entries", Schema.integer("Local days with at least one entry."))
                .prop("average_seconds_per_day", Schema.integer("Total over days with entries."))
                .prop(
                    "tags_overlap",
                    Schema.bool("True when multi-tag entries count under each tag."))
                .prop("breakdowns", breakdowns))
        .build(false);
  }
}
