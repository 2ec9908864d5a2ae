package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.analytics.Dimension;
import dev.toggltrackmcp.analytics.Hours;
import dev.toggltrackmcp.analytics.Summary;
import dev.toggltrackmcp.analytics.TeamCell;
import dev.toggltrackmcp.analytics.TeamSummaries;
import dev.toggltrackmcp.analytics.TeamSummary;
import dev.toggltrackmcp.arguments.TeamQuery;
import dev.toggltrackmcp.store.Fresh;
import dev.toggltrackmcp.toggl.ReportQuery;
import dev.toggltrackmcp.toggl.SummaryReport;
import dev.toggltrackmcp.toggl.TogglReports;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code get_team_summary}: a team's totals, billable time and amounts, and breakdowns, from the
 * Reports summary endpoint where it can answer (totals by user, project and client: one request per
 * 366-day span) and from detailed rows otherwise (tags, days, weeks, months, several tags, times of
 * day). Both feed the same arithmetic, so they give the same numbers.
 */
final class TeamSummaryTool {
  private static final Set<Dimension> SUMMARY_DIMENSIONS =
      Set.of(Dimension.USER, Dimension.PROJECT, Dimension.CLIENT);
  private static final int SHOWN_NESTED = 5;

  private final ToolContext ctx;

  TeamSummaryTool(ToolContext ctx) {
    this.ctx = ctx;
  }

  ToolDefinition definition() {
    return new ToolDefinition(
        "get_team_summary",
        "Team time summary",
        "A team's total and billable time, billable amounts per currency (at the rates Toggl"
            + " reports) and breakdowns by user, project, client, tag, day, week or month, in one"
            + " workspace, from Toggl's Reports API (admins see everyone; running timers are not"
            + " in reports). Default period: this_week; default group_by: user, project (each"
            + " user's projects nested). Examples: {\"period\": \"last_week\", \"client\": \"Acme"
            + " Corp\", \"group_by\": [\"user\"]}, {\"period\": \"this_month\"} for hours per"
            + " person billable vs not, {\"period\": \"yesterday\", \"users\": [\"Ana Lima\"],"
            + " \"group_by\": [\"project\"]}.",
        Schema.object()
            .props(CommonSchemas.range("this_week"))
            .props(TeamTools.teamFilters())
            .prop(
                "group_by",
                Schema.array(
                    "Breakdowns (default [\"user\", \"project\"]; [] for totals only). user, project"
                        + " and client come from Toggl's summary report (fewest requests); tag,"
                        + " day, week and month need every entry.",
                    Schema.oneOf(
                        "A dimension.",
                        TeamSummaries.DIMENSIONS.stream().map(Dimension::argumentName).toList()))),
        outputSchema(),
        true,
        args -> answer(TeamQuestion.of(ctx, TeamQuery.summary(args, ctx.now()))));
  }

  /** How the question was answered, for the note and the structured result. */
  private record Read(List<TeamCell> cells, Fresh<?> fresh, String source) {}

  private ToolAnswer answer(TeamQuestion q) {
    TeamQuery.Resolved r = q.query;
    boolean summaryCan =
        r.wholeDays()
            && r.description() == null
            && r.filters().tags().size() <= 1
            && SUMMARY_DIMENSIONS.containsAll(r.groupBy());
    Read read = summaryCan ? fromSummary(q) : fromRows(q);
    TeamSummary s =
        TeamSummaries.of(
            read.cells(),
            q.account,
            r.labels(),
            r.range(),
            q.account.user().beginningOfWeek(),
            r.groupBy());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("workspace", Map.of("id", q.workspace().id(), "name", q.workspace().name()));
    out.putAll(ToolContext.structured(s));
    out.put("source", read.source());
    Fresh<?> fresh =
        new Fresh<>(
            read.fresh().value(),
            read.fresh().dataAsOf(),
            TeamQuestion.notes(q.members, read.fresh()));
    String text = text(q, s) + "\nSource: " + read.source() + ToolContext.freshnessLine(fresh);
    return new ToolAnswer(text, ToolContext.withFreshness(out, fresh));
  }

  /**
   * One summary request per span, by user and project; billable seconds are the rates' when every
   * billable entry has a rate (the workspace has a default rate, or only one kind is asked), else a
   * second request for the billable part.
   */
  private Read fromSummary(TeamQuestion q) {
    ReportQuery report = q.query.report();
    Fresh<SummaryReport> all =
        TeamQuestion.worded(
            q.workspace(), () -> q.team().summary(q.request(report), "users", "projects"));
    Boolean only = report.billable();
    boolean ratesCover = only != null || q.workspace().defaultHourlyRate() != null;
    Map<List<Long>, Long> billable = null;
    Fresh<?> fresh = all;
    if (!ratesCover) {
      Fresh<SummaryReport> paid =
          TeamQuestion.worded(
              q.workspace(),
              () -> q.team().summary(q.request(report.withBillable(true)), "users", "projects"));
      billable = new HashMap<>();
      for (SummaryReport.Group g : paid.value().groups()) {
        for (SummaryReport.SubGroup sub : g.subGroups()) {
          billable.merge(key(g, sub), sub.seconds(), Long::sum);
        }
      }
      fresh = paid.dataAsOf().isBefore(all.dataAsOf()) ? paid : all;
    }
    List<TeamCell> cells = new ArrayList<>();
    for (SummaryReport.Group g : all.value().groups()) {
      for (SummaryReport.SubGroup sub : g.subGroups()) {
        long paidSeconds =
            Boolean.TRUE.equals(only)
                ? sub.seconds()
                : Boolean.FALSE.equals(only)
                    ? 0
                    : billable == null
                        ? sub.billableSeconds()
                        : billable.getOrDefault(key(g, sub), 0L);
        Map<String, Long> cents = new HashMap<>();
        if (!Boolean.FALSE.equals(only)) {
          sub.rates()
              .forEach(
                  rate ->
                      cents.merge(
                          rate.currency(),
                          rate.hourlyRateInCents() * rate.billableSeconds(),
                          Long::sum));
        }
        cells.add(
            new TeamCell(
                g.id(),
                sub.id(),
                List.of(),
                null,
                sub.seconds(),
                paidSeconds,
                sub.ids().size(),
                cents));
      }
    }
    String source =
        "Toggl's Reports summary endpoint (POST /reports/api/v3/workspace/{id}/summary/time_entries,"
            + " by users and projects), "
            + (ratesCover ? "one request" : "two requests (all time, then the billable part)")
            + " per span of up to 366 days"
            + (spans(q) > 1 ? " (" + spans(q) + " spans)" : "")
            + "; cached "
            + (closed(q)
                ? "until the workspace's projects, clients or tags change"
                : "for 5 minutes")
            + ".";
    return new Read(cells, fresh, source);
  }

  private static List<Long> key(SummaryReport.Group g, SummaryReport.SubGroup sub) {
    return Arrays.asList(g.id(), sub.id());
  }

  /** Every entry, for breakdowns the summary endpoint cannot give. */
  private Read fromRows(TeamQuestion q) {
    Fresh<List<TogglReports.Row>> rows =
        TeamQuestion.worded(q.workspace(), () -> q.team().rows(q.request(q.query.report())));
    List<TeamCell> cells = new ArrayList<>();
    for (TogglReports.Row row : rows.value()) {
      for (TimeEntry e : row.entries()) {
        if (!q.query.selects(e, q.account)) {
          continue;
        }
        long seconds = e.duration();
        long paid = e.billable() ? seconds : 0;
        Map<String, Long> cents =
            paid > 0 && row.hourlyRateInCents() != null && row.currency() != null
                ? Map.of(row.currency(), row.hourlyRateInCents() * paid)
                : Map.of();
        cells.add(
            new TeamCell(
                e.userId(),
                e.projectId(),
                e.tagIds(),
                LocalDate.ofInstant(e.start(), q.query.range().zone()),
                seconds,
                paid,
                1,
                cents));
      }
    }
    String why =
        !q.query.wholeDays()
            ? "times of day"
            : q.query.description() != null
                ? "a description filter"
                : q.query.filters().tags().size() > 1
                    ? "several tags"
                    : "a tag, day, week or month breakdown";
    String source =
        TeamTools.ENTRIES_SOURCE
            + ", because "
            + why
            + " needs every entry (the summary endpoint answers totals by user, project and client"
            + " in fewer requests); cached "
            + (closed(q)
                ? "until the workspace's projects, clients or tags change"
                : "for 5 minutes")
            + ".";
    return new Read(cells, rows, source);
  }

  private boolean closed(TeamQuestion q) {
    return q.query
        .range()
        .lastDay()
        .isBefore(LocalDate.ofInstant(ctx.now(), q.query.range().zone()));
  }

  private static long spans(TeamQuestion q) {
    long days = ChronoUnit.DAYS.between(q.query.range().firstDay(), q.query.range().lastDay()) + 1;
    return (days + 365) / 366;
  }

  private static String text(TeamQuestion q, TeamSummary s) {
    StringBuilder t = new StringBuilder();
    if (s.entryCount() == 0) {
      return t.append("No finished entries")
          .append(q.conditions())
          .append(" ")
          .append(q.where())
          .append(", ")
          .append(EntryText.range(q.query.range()))
          .append(".")
          .toString();
    }
    t.append("Team total ")
        .append(Hours.hm(s.totalSeconds()))
        .append(" (")
        .append(s.totalHours())
        .append(" h) in ")
        .append(Words.count(s.entryCount(), "entry", "entries"))
        .append(q.conditions())
        .append(" ")
        .append(q.where())
        .append(", ")
        .append(EntryText.range(q.query.range()))
        .append(". Billable ")
        .append(Hours.hm(s.billableSeconds()))
        .append(" (")
        .append(s.billableHours())
        .append(" h)");
    if (!s.billableAmounts().isEmpty()) {
      t.append(" = ").append(amounts(s.billableAmounts()));
    }
    t.append(", non-billable ").append(Hours.hm(s.nonBillableSeconds())).append(".");
    for (Map.Entry<String, List<TeamSummary.Group>> b : s.breakdowns().entrySet()) {
      t.append("\n\nBy ").append(b.getKey());
      if (b.getKey().equals("tag") && s.tagsOverlap()) {
        t.append(" (entries with several tags count under each)");
      }
      t.append(":\n");
      TextTable table =
          new TextTable("Name", "Time", "Hours", "Billable", "Amount", "Entries", "Share")
              .alignRight(1, 2, 3, 4, 5, 6);
      boolean nested = false;
      for (TeamSummary.Group g : b.getValue()) {
        row(table, g.name(), g);
        if (g.projects() != null) {
          nested = true;
          List<TeamSummary.Group> projects = g.projects();
          projects.stream().limit(SHOWN_NESTED).forEach(p -> row(table, "  · " + p.name(), p));
          if (projects.size() > SHOWN_NESTED) {
            table.row(
                "  · (" + (projects.size() - SHOWN_NESTED) + " more projects)",
                "",
                "",
                "",
                "",
                "",
                "");
          }
        }
      }
      t.append(table.toString().stripTrailing());
      if (nested) {
        t.append("\n(each user's projects below them; every one is in the structured result)");
      }
    }
    return t.toString();
  }

  private static void row(TextTable table, String name, TeamSummary.Group g) {
    table.row(
        name,
        Hours.hm(g.seconds()),
        Hours.decimal(g.seconds()),
        Hours.hm(g.billableSeconds()),
        amounts(g.billableAmounts()),
        g.entryCount(),
        g.share().movePointRight(2).setScale(1, RoundingMode.HALF_UP) + "%");
  }

  private static String amounts(List<Summary.Amount> amounts) {
    return String.join(
        " + ", amounts.stream().map(a -> a.amount().toPlainString() + " " + a.currency()).toList());
  }

  private static Schema.Obj group(Map<String, Object> amounts) {
    return Schema.object()
        .prop("key", Schema.string("Id, date or value grouped by; \"none\" for the (no …) group."))
        .prop(
            "name",
            Schema.string(
                "Readable name (a user's name, not their email); where names repeat, the label,"
                    + " which works as input."))
        .prop("seconds", Schema.integer("Time in seconds."))
        .prop("hours", Schema.number("Time in hours, 2 decimals."))
        .prop("billable_seconds", Schema.integer("Billable part in seconds."))
        .prop("entry_count", Schema.integer("Entries in the group."))
        .prop("share", Schema.number("Share of the total time, 0..1."))
        .prop("billable_amounts", amounts);
  }

  private static Map<String, Object> outputSchema() {
    Map<String, Object> amounts =
        Schema.array(
            "Billable amount per currency, at the hourly rates Toggl reports.",
            Schema.object()
                .prop("currency", Schema.string("ISO currency code."))
                .prop("amount", Schema.number("Amount, 2 decimals."))
                .build(false));
    Map<String, Object> leaf = group(amounts).build(false);
    Map<String, Object> withProjects =
        group(amounts)
            .prop(
                "projects",
                Schema.array(
                    "In by-user groups when project is asked too: that user's projects.", leaf))
            .build(false);
    Map<String, Object> breakdowns = new LinkedHashMap<>();
    breakdowns.put("type", "object");
    breakdowns.put("description", "One list per requested dimension.");
    breakdowns.put(
        "additionalProperties",
        Schema.array("Every group, largest first (time ones in order).", withProjects));
    return CommonSchemas.freshness(
            Schema.object()
                .prop(
                    "workspace",
                    Schema.object()
                        .prop("id", Schema.integer("Workspace id."))
                        .prop("name", Schema.string("Workspace name."))
                        .build(false))
                .prop("range", CommonSchemas.rangeInfo())
                .prop("total_seconds", Schema.integer("All time in seconds."))
                .prop("total_hours", Schema.number("All time in hours."))
                .prop("billable_seconds", Schema.integer("Billable time in seconds."))
                .prop("billable_hours", Schema.number("Billable time in hours."))
                .prop("non_billable_seconds", Schema.integer("The rest, in seconds."))
                .prop("entry_count", Schema.integer("Entries counted."))
                .prop("billable_amounts", amounts)
                .prop(
                    "tags_overlap",
                    Schema.bool("True when multi-tag entries count under each tag."))
                .prop("breakdowns", breakdowns)
                .prop(
                    "source",
                    Schema.string(
                        "Which Reports endpoint answered, how many requests that takes and why.")))
        .build(false);
  }
}
