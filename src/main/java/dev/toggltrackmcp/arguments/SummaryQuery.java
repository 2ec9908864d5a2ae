package dev.toggltrackmcp.arguments;

import dev.toggltrackmcp.analytics.Dimension;
import dev.toggltrackmcp.analytics.EntryFilter;
import dev.toggltrackmcp.analytics.Labels;
import dev.toggltrackmcp.analytics.Period;
import dev.toggltrackmcp.analytics.TimeRange;
import dev.toggltrackmcp.toggl.model.Account;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@code get_time_summary} is asked: a range (default this week), filters, and the breakdowns
 * ({@code group_by}; default project, client, tag; {@code []} for totals only).
 */
public record SummaryQuery(RangeQuery range, FilterQuery filters, List<Dimension> groupBy) {
  /** Everything but {@code user}: one's own entries are all one user's. */
  public static final List<Dimension> DIMENSIONS =
      Arrays.stream(Dimension.values()).filter(d -> d != Dimension.USER).toList();

  public static final List<Dimension> DEFAULT_GROUP_BY =
      List.of(Dimension.PROJECT, Dimension.CLIENT, Dimension.TAG);

  public SummaryQuery {
    groupBy = List.copyOf(groupBy);
  }

  public static SummaryQuery read(Arguments args, Instant now) {
    List<Dimension> groupBy = args.choices("group_by", DIMENSIONS, Dimension::argumentName);
    return new SummaryQuery(
        RangeQuery.read(args, Period.THIS_WEEK, now),
        FilterQuery.read(args),
        groupBy == null ? DEFAULT_GROUP_BY : groupBy);
  }

  public Resolved resolve(Account account, @Nullable Long configuredWorkspace, Instant now) {
    TimeRange r = range.resolve(account.user(), now);
    Resolver names = new Resolver(account);
    FilterQuery.Filters f = filters.resolve(names, configuredWorkspace);
    return new Resolved(r, f, f.entries(null), groupBy, names.labels());
  }

  public record Resolved(
      TimeRange range,
      FilterQuery.Filters filters,
      EntryFilter filter,
      List<Dimension> groupBy,
      Labels labels) {}
}
