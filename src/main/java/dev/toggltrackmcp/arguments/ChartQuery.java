package dev.toggltrackmcp.arguments;

import dev.toggltrackmcp.analytics.Dimension;
import dev.toggltrackmcp.analytics.EntryFilter;
import dev.toggltrackmcp.analytics.Labels;
import dev.toggltrackmcp.analytics.Period;
import dev.toggltrackmcp.analytics.TimeRange;
import dev.toggltrackmcp.toggl.model.Account;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@code get_time_chart} is asked: a range (default this week), filters, what each bar is
 * ({@code group_by}: day, week, project, client; default day) and what its parts are ({@code
 * stack_by}: project, client, billable or none; default project for days and weeks, billable for
 * projects and clients).
 */
public record ChartQuery(
    RangeQuery range, FilterQuery filters, Dimension groupBy, @Nullable Dimension stackBy) {

  public static final List<Dimension> BARS =
      List.of(Dimension.DAY, Dimension.WEEK, Dimension.PROJECT, Dimension.CLIENT);
  public static final List<String> STACKS = List.of("project", "client", "billable", "none");

  /** A bar a day for up to a quarter; longer ranges read better by week. */
  public static final int MOST_DAYS = 92;

  public static ChartQuery read(Arguments args, Instant now) {
    RangeQuery range = RangeQuery.read(args, Period.THIS_WEEK, now);
    Dimension groupBy = args.choice("group_by", BARS, Dimension::argumentName);
    groupBy = groupBy == null ? Dimension.DAY : groupBy;
    String stack = args.choice("stack_by", STACKS, s -> s);
    Dimension stackBy =
        stack == null
            ? (groupBy.chronological() ? Dimension.PROJECT : Dimension.BILLABLE)
            : stack.equals("none") ? null : Dimension.named(stack).orElseThrow();
    if (stackBy == groupBy) {
      throw new InvalidArgument(
          "stack_by",
          "stack_by must differ from group_by (bars by "
              + groupBy.argumentName()
              + " cannot be split by "
              + groupBy.argumentName()
              + "); try \"billable\" or \"none\".");
    }
    if (groupBy == Dimension.DAY) {
      range.checkAtMostDays(MOST_DAYS, "use \"group_by\": \"week\" for longer ranges.", now);
    }
    return new ChartQuery(range, FilterQuery.read(args), groupBy, stackBy);
  }

  public Resolved resolve(Account account, @Nullable Long configuredWorkspace, Instant now) {
    TimeRange r = range.resolve(account.user(), now);
    if (groupBy == Dimension.DAY) {
      range.checkAtMostDays(r, MOST_DAYS, "use \"group_by\": \"week\" for longer ranges.");
    }
    Resolver names = new Resolver(account);
    FilterQuery.Filters f = filters.resolve(names, configuredWorkspace);
    return new Resolved(r, f, f.entries(null), groupBy, stackBy, names.labels());
  }

  public record Resolved(
      TimeRange range,
      FilterQuery.Filters filters,
      EntryFilter filter,
      Dimension groupBy,
      @Nullable Dimension stackBy,
      Labels labels) {}
}
