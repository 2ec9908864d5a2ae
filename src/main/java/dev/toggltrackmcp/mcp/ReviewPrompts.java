package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.analytics.Kind;
import dev.toggltrackmcp.analytics.Labels;
import dev.toggltrackmcp.analytics.Period;
import dev.toggltrackmcp.analytics.TimeRange;
import dev.toggltrackmcp.arguments.Ref;
import dev.toggltrackmcp.arguments.Resolver;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.Client;
import dev.toggltrackmcp.toggl.model.User;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The prompts people start a conversation with: a weekly review, invoice preparation, a timesheet
 * check and a stand-up. Each resolves its arguments against the cached account (dates in the user's
 * timezone and week, client names to ids) and tells the model exactly which tools to call with
 * which arguments, in plain text that works in any client.
 */
final class ReviewPrompts {
  static final String WEEKLY_REVIEW = "weekly_review";
  static final String INVOICE_PREP = "invoice_prep";
  static final String TIMESHEET_CHECK = "timesheet_check";
  static final String STANDUP = "standup";

  private static final String ONLY_NUMBERS =
      "Quote numbers exactly as the tools give them; do not estimate.";

  private final ToolContext ctx;
  private final List<ToolDefinition> served;
  private final Completions completions;

  ReviewPrompts(ToolContext ctx, List<ToolDefinition> served) {
    this.ctx = ctx;
    this.served = served;
    this.completions = new Completions(ctx);
  }

  List<PromptDefinition> definitions() {
    return List.of(weeklyReview(), invoicePrep(), timesheetCheck(), standup());
  }

  private PromptDefinition weeklyReview() {
    return new PromptDefinition(
        WEEKLY_REVIEW,
        "Weekly review",
        "Review a week of Toggl Track time: totals, billable hours and amounts, hours per day, top"
            + " projects and clients, entries worth fixing.",
        List.of(
            new PromptDefinition.Argument(
                "week",
                "this_week (default), last_week, or any day in the week as YYYY-MM-DD.",
                false,
                completions.weeks())),
        args -> {
          PromptRanges.Span span = PromptRanges.week(args);
          TimeRange week = span.in(account().user(), ctx.now());
          PromptSteps steps =
              new PromptSteps(served)
                  .call(
                      "get_time_summary",
                      PromptSteps.dates(week, "group_by", List.of("day")),
                      "the total, billable time with amounts per currency, and time per day.")
                  .call(
                      "get_time_summary",
                      PromptSteps.dates(week, "group_by", List.of("project", "client")),
                      "where the time went, by project and by client.")
                  .call(
                      "list_time_entries",
                      PromptSteps.dates(week, "limit", 1000),
                      "every entry, to spot ones without a project or description, unusually long"
                          + " or short ones, and overlaps.");
          return "Review my Toggl Track week: "
              + PromptSteps.days(week)
              + ". Call these tools with exactly these arguments:\n\n"
              + steps
              + "\nThen write the review: total and billable hours with the amounts per currency;"
              + " hours per day (name days without time); the largest projects and clients with"
              + " their share; entries worth fixing, each with its id and what is wrong; one"
              + " suggestion for next week. "
              + ONLY_NUMBERS;
        });
  }

  private PromptDefinition invoicePrep() {
    return new PromptDefinition(
        INVOICE_PREP,
        "Prepare an invoice",
        "Gather a client's billable time for a month into invoice lines: hours and amounts per"
            + " project, totals per currency, entries to check before sending.",
        List.of(
            new PromptDefinition.Argument(
                "client",
                "The client: a name in any case, or the label answers show where names repeat"
                    + " (e.g. \"Acme Corp (Northwind Agency)\").",
                true,
                completions.names(Kind.CLIENT)),
            new PromptDefinition.Argument(
                "month",
                "last_month (default), this_month, or a month as YYYY-MM (e.g. 2026-10).",
                false,
                completions.months())),
        args -> {
          args.requiredText("client", "\"Globex\"");
          Ref ref = args.ref("client", Kind.CLIENT);
          PromptRanges.Span span = PromptRanges.month(args, Period.LAST_MONTH);
          Account account = account();
          TimeRange month = span.in(account.user(), ctx.now());
          Resolver names = new Resolver(account);
          Client client = names.client(ref, ctx.configuredWorkspace);
          Labels labels = names.labels();
          long id = client.id();
          PromptSteps steps =
              new PromptSteps(served)
                  .call(
                      "get_time_summary",
                      PromptSteps.dates(
                          month,
                          "client",
                          id,
                          "billable",
                          true,
                          "group_by",
                          List.of("project", "description")),
                      "billable hours and amounts per currency, by project and by description.")
                  .call(
                      "list_projects",
                      PromptSteps.args("client", id, "status", "all"),
                      "each project's hourly rate (its own, else the workspace default).")
                  .call(
                      "list_time_entries",
                      PromptSteps.dates(month, "client", id, "billable", true, "limit", 1000),
                      "the billable entries, the invoice's line items.")
                  .call(
                      "get_time_summary",
                      PromptSteps.dates(
                          month, "client", id, "billable", false, "group_by", List.of("project")),
                      "non-billable time for this client, to mention or ask about.");
          return "Prepare an invoice for the client \""
              + labels.client(id)
              + "\" (client id "
              + id
              + ", workspace "
              + labels.workspace(client.workspaceId())
              + ") for "
              + monthName(month.firstDay())
              + ": "
              + PromptSteps.days(month)
              + ". Call these tools with exactly these arguments:\n\n"
              + steps
              + "\nThen draft the invoice: one line per project (or per description where that"
              + " reads better) with hours (2 decimals), hourly rate and amount; the total per"
              + " currency; and a short list of entries to check before sending (no description,"
              + " still running, unusually long). Amounts are billable hours times the project's"
              + " rate, else the workspace default; Toggl's own reports may round differently, so"
              + " say so. "
              + ONLY_NUMBERS
              + " Every entry of the month as a spreadsheet (all clients) is the resource"
              + " toggl://entries/"
              + month.firstDay()
              + "/"
              + month.lastDay()
              + ".csv.";
        });
  }

  private PromptDefinition timesheetCheck() {
    return new PromptDefinition(
        TIMESHEET_CHECK,
        "Check a timesheet",
        "Check a period's timesheet before submitting it: days without time, entries without a"
            + " project or description, overlaps, timers left running.",
        List.of(
            new PromptDefinition.Argument(
                "period",
                "A named period: this_week (default), last_week, this_month, last_month, … (the"
                    + " periods of the read tools).",
                false,
                Completions.periods())),
        args -> {
          PromptRanges.Span span = PromptRanges.period(args, Period.THIS_WEEK);
          TimeRange range = span.in(account().user(), ctx.now());
          PromptSteps steps = new PromptSteps(served);
          Optional<ToolDefinition> checker = PromptSteps.served(served, "check_timesheet");
          checker.ifPresent(
              t ->
                  steps.call(
                      t.name(),
                      t.arguments().names().contains("start_date")
                          ? PromptSteps.dates(range)
                          : Map.of(),
                      "the server's own timesheet check."));
          steps
              .call(
                  "get_time_summary",
                  PromptSteps.dates(range, "group_by", List.of("day")),
                  "hours per day: flag working days without time, or with far less or more than"
                      + " the others.")
              .call(
                  "list_time_entries",
                  PromptSteps.dates(range, "limit", 1000),
                  "flag entries without a project or description, still running, longer than 10"
                      + " hours, or overlapping another entry (compare start and stop).")
              .call(
                  "get_current_time_entry",
                  Map.of(),
                  "a timer that is still running and perhaps forgotten.");
          return "Check my Toggl Track timesheet for "
              + PromptSteps.days(range)
              + " before I submit it. Call these tools with exactly these arguments:\n\n"
              + steps
              + "\nThen list each problem with the entry's id, its date and a suggested fix, and"
              + " end with whether the timesheet looks ready to submit. "
              + ONLY_NUMBERS;
        });
  }

  private PromptDefinition standup() {
    return new PromptDefinition(
        STANDUP,
        "Stand-up",
        "What I did yesterday, what I have done today so far, and what is running now — ready"
            + " for a stand-up meeting.",
        List.of(),
        args -> {
          User user = account().user();
          LocalDate today = LocalDate.ofInstant(ctx.now(), user.zone());
          TimeRange yesterday =
              TimeRange.ofDays(today.minusDays(1), today.minusDays(1), user.zone());
          TimeRange soFar = TimeRange.ofDays(today, today, user.zone());
          PromptSteps steps =
              new PromptSteps(served)
                  .call("list_time_entries", PromptSteps.dates(yesterday), "what I did yesterday.")
                  .call("list_time_entries", PromptSteps.dates(soFar), "what I did today so far.")
                  .call("get_current_time_entry", Map.of(), "what I am working on right now.");
          return "Prepare my stand-up from Toggl Track: yesterday ("
              + PromptSteps.days(yesterday)
              + "), today so far and what is running now. Call these tools with exactly these"
              + " arguments:\n\n"
              + steps
              + "\nThen write three short parts — Yesterday, Today, Now — grouping entries by"
              + " project with their time (H:MM); leave out breaks and admin unless they took long."
              + " "
              + ONLY_NUMBERS;
        });
  }

  private Account account() {
    return ctx.data.account().value();
  }

  private static String monthName(LocalDate d) {
    return d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + d.getYear();
  }
}
