package dev.toggltrackmcp.arguments;

import dev.toggltrackmcp.analytics.EntryFilter;
import dev.toggltrackmcp.analytics.Labels;
import dev.toggltrackmcp.analytics.Period;
import dev.toggltrackmcp.analytics.TextSearch;
import dev.toggltrackmcp.analytics.TimeRange;
import dev.toggltrackmcp.toggl.model.Account;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything {@code list_time_entries} and {@code search_time_entries} are asked: a range, filters,
 * paging and (for search) text and where to look, read in one step before any data is fetched and
 * resolved against the account in a second.
 */
public record EntryQuery(RangeQuery range, FilterQuery filters, Paging paging, SearchQuery search) {

  /** {@code list_time_entries}: last 7 days unless told otherwise. */
  public static EntryQuery list(Arguments args, Instant now) {
    return new EntryQuery(
        RangeQuery.read(args, Period.LAST_7_DAYS, now),
        FilterQuery.read(args),
        Paging.read(args),
        new SearchQuery(null, Set.of()));
  }

  /** {@code search_time_entries}: last 90 days; a query, at least one filter, or both. */
  public static EntryQuery search(Arguments args, Instant now) {
    SearchQuery search = SearchQuery.read(args);
    FilterQuery filters = FilterQuery.read(args);
    if (search.text() == null && !filters.narrows()) {
      throw new InvalidArgument(
          "query",
          "Give a query, at least one filter (project, client, tags, billable, workspace_id), or"
              + " both, e.g. {\"query\": \"meeting\"} or {\"tags\": [\"development\"]}.");
    }
    return new EntryQuery(
        RangeQuery.read(args, Period.LAST_90_DAYS, now), filters, Paging.read(args), search);
  }

  public Resolved resolve(Account account, @Nullable Long configuredWorkspace, Instant now) {
    TimeRange r = range.resolve(account.user(), now);
    Resolver names = new Resolver(account);
    FilterQuery.Filters f = filters.resolve(names, configuredWorkspace);
    TextSearch text = search.search();
    return new Resolved(r, f, f.entries(text), text, paging, names.labels());
  }

  /** The query in the account's terms. */
  public record Resolved(
      TimeRange range,
      FilterQuery.Filters filters,
      EntryFilter filter,
      @Nullable TextSearch search,
      Paging paging,
      Labels labels) {}
}
