package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.analytics.TimeRange;
import dev.toggltrackmcp.analytics.TimesheetCheck;
import dev.toggltrackmcp.analytics.TimesheetFinding;
import dev.toggltrackmcp.analytics.UsualValues;
import dev.toggltrackmcp.analytics.WorkHabits;
import dev.toggltrackmcp.arguments.Arguments;
import dev.toggltrackmcp.arguments.TimesheetQuery;
import dev.toggltrackmcp.store.Fresh;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code check_timesheet}: what is wrong in the user's own entries of a range, each finding with
 * its entry ids, local times and the write tool calls that fix it. Habits (usual hours and days,
 * which fields the user sets) are learned from the weeks before the range that the cache holds;
 * workspace requirements come from Toggl's time entry constraints.
 */
final class TimesheetTool {
  /** Habits are learned from up to this many weeks before the range… */
  static final int LEARN_WEEKS = 12;

  /** …and from at least this many, loading older history when the cache holds less. */
  static final int FEWEST_WEEKS = 4;

  private final ToolContext ctx;
  private final ConstraintsReader constraints;

  TimesheetTool(ToolContext ctx) {
    this.ctx = ctx;
    this.constraints = ctx.constraints;
  }

  ToolDefinition definition() {
    return new ToolDefinition(
        "check_timesheet",
        "Check a timesheet",
        "What is wrong in the user's own time entries of a period: overlaps, duplicates, entries"
            + " over 10 h or a timer left on overnight, entries across midnight, gaps inside their"
            + " usual hours, and missing project, description or tags. Missing fields count where"
            + " the workspace requires them or the user usually sets them; usual hours and habits"
            + " are learned from the user's own weeks before the period (the answer says which)."
            + " Each finding has the entry ids, local start/stop, one sentence and a suggested fix"
            + " as write tool calls. Default period: last_week; at most 92 days. Examples: {} (last"
            + " week), {\"period\": \"this_week\"}, {\"start_date\": \"2026-11-02\","
            + " \"end_date\": \"2026-11-08\", \"workspace_id\": 7654321}.",
        Schema.object()
            .props(CommonSchemas.range("last_week"))
            .prop(
                "workspace_id",
                Schema.integer(
                    "Only findings about entries of this workspace (see list_workspaces)."
                        + " Default: every workspace.",
                    1,
                    Arguments.LARGEST_ID)),
        TimesheetReport.outputSchema(),
        true,
        args -> {
          TimesheetQuery query = TimesheetQuery.read(args, ctx.now());
          Fresh<Account> fresh = ctx.data.account();
          Account account = fresh.value();
          TimesheetQuery.Resolved q = query.resolve(account, ctx.configuredWorkspace, ctx.now());
          return answer(q, account);
        });
  }

  private ToolAnswer answer(TimesheetQuery.Resolved q, Account account) {
    TimeRange range = q.range();
    ZoneId zone = range.zone();
    Instant covered = ctx.data.status().oldestCovered();
    Instant lookback = range.start().minus(Duration.ofDays(1));
    if (covered != null && !range.start().isBefore(covered) && lookback.isBefore(covered)) {
      lookback = covered; // a day earlier only to see a timer reaching into the range
    }
    Fresh<List<TimeEntry>> recent = ctx.data.entries(lookback, range.endExclusive());
    LocalDate[] learn = learningWindow(range, account, ctx.data.status().oldestCovered());
    Fresh<List<TimeEntry>> history =
        ctx.data.entries(
            learn[0].atStartOfDay(zone).toInstant(),
            learn[1].plusDays(1).atStartOfDay(zone).toInstant());
    WorkHabits habits = WorkHabits.learn(history.value(), learn[0], learn[1], zone, ctx.now());
    List<TimeEntry> inRange =
        recent.value().stream()
            .filter(e -> range.contains(e.start()))
            .filter(e -> q.workspaceId() == null || e.workspaceId() == q.workspaceId())
            .toList();
    Set<Long> workspaces = new LinkedHashSet<>();
    inRange.forEach(e -> workspaces.add(e.workspaceId()));
    ConstraintsReader.Read rules = constraints.of(workspaces);
    List<TimesheetFinding> findings =
        new TimesheetCheck(
                recent.value(),
                range,
                habits,
                UsualValues.of(history.value(), account),
                rules.constraints(),
                account,
                ctx.now())
            .findings().stream()
                .filter(
                    f -> q.workspaceId() == null || involves(f, recent.value(), q.workspaceId()))
                .toList();
    TimesheetReport report =
        new TimesheetReport(
            findings, range, q.workspaceId(), inRange.size(), habits, workspaces, rules, account);
    String note = joined(recent.stalenessNote().orElse(null), history.stalenessNote().orElse(null));
    Fresh<List<TimeEntry>> both = new Fresh<>(recent.value(), recent.dataAsOf(), note);
    return new ToolAnswer(
        report.text() + ToolContext.freshnessLine(both),
        ToolContext.withFreshness(report.structured(), both));
  }

  /**
   * The weeks before the range to learn from: up to {@value #LEARN_WEEKS}, starting on the user's
   * week start, no earlier than what the cache holds (older history costs Reports requests) and
   * than the account's creation — but at least {@value #FEWEST_WEEKS} weeks.
   */
  static LocalDate[] learningWindow(TimeRange range, Account account, Instant covered) {
    ZoneId zone = range.zone();
    DayOfWeek weekStart = DayOfWeek.SUNDAY.plus(Math.floorMod(account.user().beginningOfWeek(), 7));
    LocalDate last = range.firstDay().minusDays(1);
    LocalDate first = range.firstDay().minusWeeks(LEARN_WEEKS);
    if (covered != null) {
      LocalDate held = LocalDate.ofInstant(covered, zone);
      if (held.atStartOfDay(zone).toInstant().isBefore(covered)) {
        held = held.plusDays(1); // the first day held in full
      }
      if (held.isAfter(first)) {
        first = held.with(TemporalAdjusters.nextOrSame(weekStart));
      }
    }
    LocalDate fewest = range.firstDay().minusWeeks(FEWEST_WEEKS);
    if (first.isAfter(fewest)) {
      first = fewest;
    }
    LocalDate created = ToolContext.historyStart(account);
    if (created != null && created.isAfter(first)) {
      first = created.isAfter(last) ? last : created;
    }
    return new LocalDate[] {first, last};
  }

  private static boolean involves(TimesheetFinding f, List<TimeEntry> entries, long workspace) {
    return entries.stream()
        .anyMatch(e -> e.workspaceId() == workspace && f.entryIds().contains(e.id()));
  }

  private static String joined(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null || b.equals(a) ? a : a + " " + b;
  }
}
