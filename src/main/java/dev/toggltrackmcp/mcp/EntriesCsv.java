package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.analytics.EntryView;
import dev.toggltrackmcp.analytics.Labels;
import dev.toggltrackmcp.analytics.Period;
import dev.toggltrackmcp.analytics.Summaries;
import dev.toggltrackmcp.analytics.Summary;
import dev.toggltrackmcp.analytics.TimeRange;
import dev.toggltrackmcp.arguments.Arguments;
import dev.toggltrackmcp.arguments.RangeQuery;
import dev.toggltrackmcp.store.Fresh;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code toggl://entries/{start_date}/{end_date}.csv}: every entry of a range as a spreadsheet a
 * person can drop into an invoice — oldest first, local times with the user's offset, duration as
 * {@code H:MM:SS} and hours with 2 decimals, labelled project and client names, and the billable
 * amount by the same rate rule as {@code get_time_summary}, so the rows add up to its totals.
 */
final class EntriesCsv {
  static final String URI = "toggl://entries/{start_date}/{end_date}.csv";
  static final List<String> HEADER =
      List.of(
          "id",
          "date",
          "start",
          "stop",
          "duration",
          "hours",
          "description",
          "project",
          "client",
          "task",
          "tags",
          "billable",
          "billable_amount",
          "currency",
          "workspace");

  private final ToolContext ctx;
  private final Completions completions;

  EntriesCsv(ToolContext ctx) {
    this.ctx = ctx;
    this.completions = new Completions(ctx);
  }

  ResourceDefinition definition() {
    Map<String, Completer> variables = new LinkedHashMap<>();
    variables.put("start_date", completions.startDays());
    variables.put("end_date", completions.endDays());
    return new ResourceDefinition(
        URI,
        "entries_csv",
        "Time entries as CSV",
        "Every time entry from start_date to end_date (YYYY-MM-DD, inclusive, in your Toggl"
            + " timezone) as CSV for a spreadsheet or an invoice: one row per entry, oldest first,"
            + " with "
            + String.join(", ", HEADER)
            + ". The rows add up to get_time_summary's totals for the same dates. Example:"
            + " toggl://entries/2026-11-01/2026-11-30.csv.",
        "text/csv",
        false,
        variables,
        this::read);
  }

  private ResourceDefinition.Content read(Map<String, String> variables) {
    Instant now = ctx.now();
    Map<String, Object> given = new LinkedHashMap<>(variables);
    RangeQuery query =
        RangeQuery.read(new Arguments(given, RangeQuery.ARGUMENTS), Period.THIS_WEEK, now);
    Account account = ctx.data.account().value();
    TimeRange range = query.resolve(account.user(), now);
    Fresh<List<TimeEntry>> fresh = ctx.data.entries(range.start(), range.endExclusive());
    Labels labels = Labels.of(account);
    ZoneId zone = account.user().zone();
    Csv csv = new Csv(HEADER);
    fresh.value().stream()
        .filter(e -> ctx.configuredWorkspace == null || e.workspaceId() == ctx.configuredWorkspace)
        .sorted(Comparator.comparing(TimeEntry::start).thenComparingLong(TimeEntry::id))
        .forEach(e -> csv.row(row(e, account, labels, zone, now)));
    return ResourceDefinition.Content.of(csv.text(), fresh);
  }

  private static List<String> row(
      TimeEntry e, Account account, Labels labels, ZoneId zone, Instant now) {
    EntryView v = EntryView.of(e, account, zone, now);
    Optional<Summary.Amount> amount =
        Summaries.billableAmount(e, v.billable() ? v.durationSeconds() : 0, account);
    return List.of(
        Long.toString(v.id()),
        LocalDate.ofInstant(e.start(), zone).toString(),
        v.start(),
        v.stop() == null ? "" : v.stop(),
        v.durationFormatted(),
        v.hours().toPlainString(),
        Csv.text(v.description()),
        v.projectId() == null ? "" : Csv.text(labels.project(v.projectId())),
        v.clientId() == null ? "" : Csv.text(labels.client(v.clientId())),
        v.taskName() == null ? "" : Csv.text(v.taskName()),
        Csv.text(String.join(", ", v.tags())),
        v.billable() ? "yes" : "no",
        amount.map(a -> a.amount().setScale(2, RoundingMode.HALF_UP).toPlainString()).orElse(""),
        amount.map(Summary.Amount::currency).orElse(""),
        Csv.text(labels.workspace(v.workspaceId())));
  }
}
