package dev.toggltrackmcp.arguments;

import dev.toggltrackmcp.analytics.Period;
import dev.toggltrackmcp.analytics.TimeRange;
import dev.toggltrackmcp.toggl.model.Account;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@code check_timesheet} is asked: a range (default last week, at most {@value #LONGEST_DAYS}
 * days) and optionally one workspace.
 */
public record TimesheetQuery(RangeQuery range, @Nullable Ref workspace) {
  public static final int LONGEST_DAYS = 92;
  public static final List<String> ARGUMENTS =
      List.of("period", "start_date", "end_date", "workspace_id");
  private static final String ADVICE =
      "check a month or a quarter at a time, e.g. {\"period\": \"last_month\"}.";

  public static TimesheetQuery read(Arguments args, Instant now) {
    RangeQuery range = RangeQuery.read(args, Period.LAST_WEEK, now);
    range.checkAtMostDays(LONGEST_DAYS, ADVICE, now);
    return new TimesheetQuery(range, FilterQuery.workspace(args));
  }

  public Resolved resolve(Account account, @Nullable Long configuredWorkspace, Instant now) {
    TimeRange r = range.resolve(account.user(), now);
    range.checkAtMostDays(r, LONGEST_DAYS, ADVICE);
    Long ws =
        workspace == null
            ? configuredWorkspace
            : Long.valueOf(new Resolver(account).workspace(workspace).id());
    return new Resolved(r, ws);
  }

  public record Resolved(TimeRange range, @Nullable Long workspaceId) {}
}
