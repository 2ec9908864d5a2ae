package dev.toggltrackmcp.arguments;

import dev.toggltrackmcp.analytics.EntryFilter;
import dev.toggltrackmcp.analytics.Labels;
import dev.toggltrackmcp.analytics.Period;
import dev.toggltrackmcp.analytics.TimeRange;
import dev.toggltrackmcp.toggl.model.Account;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@code bulk_update_time_entries} is asked: which entries — {@code time_entry_ids}, or a
 * period with the read tools' filters (and optionally a text {@code query}) — the {@code changes}
 * to make, and whether the user confirmed. Without a period or ids nothing is selected, so a
 * forgotten argument never means "every entry".
 */
public record BulkQuery(
    List<Long> ids,
    @Nullable RangeQuery range,
    FilterQuery filters,
    SearchQuery search,
    EntryEditQuery changes,
    boolean confirm) {

  /** Most entries one call changes (Toggl takes 100 per request; this is ten requests). */
  public static final int MOST_ENTRIES = 1000;

  public BulkQuery {
    ids = List.copyOf(ids);
  }

  public static BulkQuery read(Arguments args, Instant now) {
    // every value first, so a malformed one is named before any rule between them
    List<Long> ids = args.ids("time_entry_ids", MOST_ENTRIES);
    FilterQuery filters = FilterQuery.read(args);
    SearchQuery search = SearchQuery.read(args);
    boolean ranged = args.has("period") || args.has("start_date") || args.has("end_date");
    RangeQuery range = ranged ? RangeQuery.read(args, Period.LAST_7_DAYS, now) : null;
    Arguments changes = args.object("changes", EntryEditQuery.CHANGES);
    EntryEditQuery edit =
        changes == null ? null : Arguments.nested("changes", () -> EntryEditQuery.forBulk(changes));
    boolean confirm = Boolean.TRUE.equals(args.bool("confirm"));
    if (!ids.isEmpty() && (range != null || filters.narrows() || search.text() != null)) {
      throw new InvalidArgument(
          "time_entry_ids",
          "Give time_entry_ids, or a period with filters, not both: the ids already say which"
              + " entries.");
    }
    if (ids.isEmpty() && range == null) {
      throw new InvalidArgument(
          args.has("time_entry_ids") ? "time_entry_ids" : "period",
          "Say which entries to change: time_entry_ids (e.g. [4100012345, 4100012346]), or a"
              + " period with filters, e.g. {\"period\": \"last_week\", \"query\": \"support\"}.");
    }
    if (edit == null) {
      throw new InvalidArgument(
          "changes",
          "changes is required: what to set on every entry, e.g. {\"add_tags\": [\"meeting\"]}"
              + " or {\"billable\": true}.");
    }
    return new BulkQuery(ids, range, filters, search, edit, confirm);
  }

  /** The entries a filter selects: a range, who passes it, and the filters to say so. */
  public record Selection(
      TimeRange range,
      EntryFilter filter,
      FilterQuery.Filters filters,
      @Nullable String query,
      Labels labels) {}

  /** The filter in the account's terms; only for a query without ids. */
  public Selection selection(Account account, @Nullable Long configuredWorkspace, Instant now) {
    TimeRange r = range.resolve(account.user(), now);
    Resolver names = new Resolver(account);
    FilterQuery.Filters f = filters.resolve(names, configuredWorkspace);
    return new Selection(r, f.entries(search.search()), f, search.text(), names.labels());
  }
}
