package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.analytics.Dimension;
import dev.toggltrackmcp.analytics.Hours;
import dev.toggltrackmcp.analytics.Summaries;
import dev.toggltrackmcp.analytics.Summary;
import dev.toggltrackmcp.arguments.SummaryQuery;
import dev.toggltrackmcp.store.Fresh;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code get_time_summary}: totals, billable amounts and breakdowns, computed from the cache. */
final class SummaryTool {
  private static final List<String> DIMENSIONS =
      SummaryQuery.DIMENSIONS.stream().map(Dimension::argumentName).toList();
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
            + " {\"period\": \"this_month\", \"group_by\": []} for the average per day with"
            + " entries and per workday, the longest day and the first and last entry. The same"
            + " summary of a named period is the resource toggl://summary/{period}; the entries"
            + " behind it as CSV, toggl://entries/{start_date}/{end_date}.csv.",
        Schema.object()
            .props(CommonSchemas.range("this_week"))
            .props(CommonSchemas.filters())
            .prop(
                "group_by",
                Schema.array(
                    "Breakdowns to include (default [\"project\", \"client\", \"tag\"]; []"
                        + " for totals only). Every group is returned; the text shows the largest"
                        + " and sums the rest in one row.",
                    Schema.oneOf("A dimension.", DIMENSIONS))),
        outputSchema(),
        true,
        args -> {
          SummaryQuery query = SummaryQuery.read(args, ctx.now());
          Account account = ctx.data.account().value();
          SummaryQuery.Resolved q = query.resolve(account, ctx.configuredWorkspace, ctx.now());
          Fresh<List<TimeEntry>> fresh =
              ctx.data.entries(q.range().start(), q.range().endExclusive());
          List<TimeEntry> matching =
              fresh.value().stream().filter(e -> q.filter().test(e, account)).toList();
          Summary s =
              Summaries.of(
                  matching,
                  account,
                  q.range(),
                  account.user().beginningOfWeek(),
                  q.groupBy(),
                  ctx.now());
          Map<String, Object> out = ToolContext.structured(s);
          LocalDate history = ToolContext.historyStart(account);
          out.put("history_starts_on", history == null ? null : history.toString());
          String conditions = EntryText.conditions(q.filters(), q.labels());
          String text =
              s.entryCount() == 0
                  ? EntryText.noEntries(conditions, q.range(), account)
                  : text(s, conditions, LocalDate.ofInstant(ctx.now(), q.range().zone()), history);
          return new ToolAnswer(
              text + ToolContext.freshnessLine(fresh), ToolContext.withFreshness(out, fresh));
        });
  }

  private static String text(
      Summary s, String conditions, LocalDate today, @Nullable LocalDate history) {
    StringBuilder t = new StringBuilder();
    t.append("Total ")
        .append(Hours.hm(s.totalSeconds()))
        .append(" (")
        .append(s.totalHours())
        .append(" h) in ")
        .append(Words.count(s.entryCount(), "entry", "entries"))
        .append(conditions)
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
          .append(Words.count(s.daysWithEntries(), "day", "days"))
          .append(" with entries, average ")
          .append(Hours.hm(s.averageSecondsPerDay()))
          .append(" per day");
      if (s.workdaysInRange() > 0) {
        t.append("; ")
            .append(Words.count(s.workdaysInRange(), "workday", "workdays"))
            .append(" (Mon–Fri)")
            .append(
                history != null && history.isAfter(LocalDate.parse(s.range().startDate()))
                    ? " since your Toggl account was created on " + history
                    : "")
            .append(
                LocalDate.parse(s.range().endDate()).isAfter(today)
                    ? " through today, average "
                    : ", average ")
            .append(Hours.hm(s.averageSecondsPerWorkday()))
            .append(" per workday");
      }
      t.append(".");
      Summary.DayTotal longest = s.longestDay();
      if (longest != null) {
        t.append(" Longest day ")
            .append(longest.date())
            .append(" ")
            .append(LocalDate.parse(longest.date()).getDayOfWeek().toString().substring(0, 3))
            .append(" (")
            .append(Hours.hm(longest.seconds()))
            .append("). First entry started ")
            .append(s.firstEntryStart())
            .append(", the last ")
            .append(s.runningIncluded() ? "is still running" : "stopped " + s.lastEntryStop())
            .append(".");
      }
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
      boolean chronological =
          Dimension.named(b.getKey()).map(Dimension::chronological).orElse(false);
      t.append(breakdown(b.getValue(), chronological).toString().stripTrailing());
    }
    return t.toString().stripTrailing();
  }

  /**
   * Every group of a time dimension (days, weeks, months, in order); otherwise the largest groups
   * and, when there are more, one row for the rest. Either way the rows add up to the total, and
   * the structured result keeps every group.
   */
  static TextTable breakdown(List<Summary.Group> groups, boolean chronological) {
    TextTable table =
        new TextTable("Name", "Time", "Hours", "Billable", "Entries", "Share")
            .alignRight(1, 2, 3, 4, 5);
    boolean cut = !chronological && groups.size() > SHOWN_PER_BREAKDOWN;
    List<Summary.Group> shown = cut ? groups.subList(0, SHOWN_PER_BREAKDOWN - 1) : groups;
    shown.forEach(
        g -> row(table, g.name(), g.seconds(), g.billableSeconds(), g.entryCount(), g.share()));
    if (cut) {
      List<Summary.Group> rest = groups.subList(shown.size(), groups.size());
      row(
          table,
          "(" + rest.size() + " others)",
          rest.stream().mapToLong(Summary.Group::seconds).sum(),
          rest.stream().mapToLong(Summary.Group::billableSeconds).sum(),
          rest.stream().mapToInt(Summary.Group::entryCount).sum(),
          rest.stream().map(Summary.Group::share).reduce(BigDecimal.ZERO, BigDecimal::add));
    }
    return table;
  }

  private static void row(
      TextTable table, String name, long seconds, long billable, int entries, BigDecimal share) {
    table.row(
        name,
        Hours.hm(seconds),
        Hours.decimal(seconds),
        Hours.hm(billable),
        entries,
        share.movePointRight(2).setScale(1, RoundingMode.HALF_UP) + "%");
  }

  private static Map<String, Object> outputSchema() {
    Map<String, Object> group =
        Schema.object()
            .prop(
                "key",
                Schema.string("Id, date or value grouped by; \"none\" for the (no …) group."))
            .prop(
                "name",
                Schema.string(
                    "Readable name; where a project or client name repeats across workspaces, its"
                        + " label, e.g. \"Acme Corp (Northwind Agency)\", which works as input."))
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
        "additionalProperties",
        Schema.array("Every group, largest first (time ones in order).", group));
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
                    "workdays_in_range",
                    Schema.integer(
                        "Working days (working_days) from the first day (or history_starts_on, if"
                            + " later) through today, or the last day if earlier; holidays are not"
                            + " known and count."))
                .prop(
                    "average_seconds_per_workday",
                    Schema.integer("Total over workdays_in_range (0 when there are none)."))
                .prop(
                    "working_days",
                    Schema.array(
                        "The days counted as workdays: Monday to Friday (Toggl keeps no working"
                            + " days).",
                        Schema.string("A day of the week, e.g. \"monday\".")))
                .prop(
                    "week_starts_on",
                    Schema.string("The user's Toggl week start, used for weeks, e.g. \"monday\"."))
                .prop(
                    "longest_day",
                    Schema.nullable(
                        Schema.object()
                            .prop("date", Schema.string("Local day, YYYY-MM-DD."))
                            .prop(
                                "seconds", Schema.integer("Time that day (entries starting then)."))
                            .prop("hours", Schema.number("Time that day in hours."))
                            .build(false)))
                .prop(
                    "first_entry_start",
                    Schema.nullableString(
                        "When the earliest entry started, ISO-8601 with the user's offset."))
                .prop(
                    "last_entry_stop",
                    Schema.nullableString(
                        "When the latest entry stopped (a running one: now), with the offset."))
                .prop(
                    "tags_overlap",
                    Schema.bool("True when multi-tag entries count under each tag."))
                .prop("breakdowns", breakdowns)
                .prop(
                    "history_starts_on",
                    Schema.nullableString(
                        "The day the user's Toggl account was created: nothing is older.")))
        .build(false);
  }
}
