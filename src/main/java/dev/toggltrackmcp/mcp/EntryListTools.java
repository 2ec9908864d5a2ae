package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.analytics.EntryView;
import dev.toggltrackmcp.analytics.Hours;
import dev.toggltrackmcp.analytics.SearchField;
import dev.toggltrackmcp.analytics.TextSearch;
import dev.toggltrackmcp.arguments.EntryQuery;
import dev.toggltrackmcp.arguments.SearchQuery;
import dev.toggltrackmcp.store.Fresh;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The tools that list time entries: by range and filters, and by text search. */
final class EntryListTools {
  private final ToolContext ctx;

  EntryListTools(ToolContext ctx) {
    this.ctx = ctx;
  }

  List<ToolDefinition> definitions() {
    return List.of(list(), search());
  }

  private ToolDefinition list() {
    return new ToolDefinition(
        "list_time_entries",
        "List time entries",
        "Time entries in a period, newest first, with filters; bounded by limit/offset with the"
            + " total and whether more remain. Reaches back beyond Toggl's 90 days. Example:"
            + " {\"period\": \"last_week\", \"project\": \"Website Redesign\"} or {\"start_date\":"
            + " \"2026-11-01\", \"end_date\": \"2026-11-15\", \"billable\": true}. Every entry of"
            + " a range as a spreadsheet is the resource toggl://entries/{start_date}/{end_date}.csv.",
        Schema.object()
            .props(CommonSchemas.range("last_7_days"))
            .props(CommonSchemas.filters())
            .props(CommonSchemas.paging()),
        listSchema(CommonSchemas.entry(), false),
        true,
        args -> answer(EntryQuery.list(args, ctx.now())));
  }

  private ToolDefinition search() {
    return new ToolDefinition(
        "search_time_entries",
        "Search time entries",
        "Entries whose description, project, client or tag names contain the query"
            + " (case-insensitive), or that match the filters alone, newest first; says where each"
            + " matched. Default period: last_90_days. Examples: {\"query\": \"meeting\","
            + " \"search_in\": [\"description\"]}, {\"tags\": [\"development\"]} or {\"query\":"
            + " \"design\", \"period\": \"this_quarter\", \"client\": \"Globex\"}.",
        Schema.object()
            .prop(
                "query",
                Schema.string(
                    "Text to look for, e.g. \"meeting\". Optional when a filter is given."))
            .prop(
                "search_in",
                Schema.array(
                    "Where to look for the query (default: all of description, project, client,"
                        + " tag), e.g. [\"description\"].",
                    Schema.oneOf(
                        "A field.",
                        SearchQuery.FIELDS.stream().map(SearchField::argumentName).toList())))
            .props(CommonSchemas.range("last_90_days"))
            .props(CommonSchemas.filters())
            .props(CommonSchemas.paging()),
        listSchema(
            Schema.object()
                .props(CommonSchemas.entryProperties())
                .prop(
                    "matched_in",
                    Schema.array(
                        "Fields that contain the query (empty when searching by filters alone).",
                        Schema.string("A field.")))
                .build(false),
            true),
        true,
        args -> answer(EntryQuery.search(args, ctx.now())));
  }

  private ToolAnswer answer(EntryQuery query) {
    Account account = ctx.data.account().value();
    EntryQuery.Resolved q = query.resolve(account, ctx.configuredWorkspace, ctx.now());
    Fresh<List<TimeEntry>> fresh = ctx.data.entries(q.range().start(), q.range().endExclusive());
    List<TimeEntry> matching =
        fresh.value().stream().filter(e -> q.filter().test(e, account)).toList();
    TextSearch search = q.search();
    Map<Long, Set<SearchField>> found = new HashMap<>();
    Map<SearchField, Integer> byField = new EnumMap<>(SearchField.class);
    if (search != null) {
      search.fields().forEach(f -> byField.put(f, 0));
      for (TimeEntry e : matching) {
        Set<SearchField> in = search.matchedIn(e, account);
        found.put(e.id(), in);
        in.forEach(f -> byField.merge(f, 1, Integer::sum));
      }
    }
    Page<TimeEntry> slice = Page.of(matching, q.paging());
    List<EntryView> page =
        slice.items().stream()
            .map(e -> EntryView.of(e, account, account.user().zone(), ctx.now()))
            .toList();
    long totalSeconds = matching.stream().mapToLong(e -> e.seconds(ctx.now())).sum();
    LocalDate history = ToolContext.historyStart(account);

    Map<String, Object> out = new LinkedHashMap<>();
    out.put("range", ToolContext.rangeInfo(q.range()));
    slice.describe(out);
    out.put("total_seconds", totalSeconds);
    out.put("total_hours", Hours.decimal(totalSeconds));
    out.put("history_starts_on", history == null ? null : history.toString());
    if (search != null) {
      out.put("query", search.text());
      out.put("search_in", search.fields().stream().map(SearchField::argumentName).toList());
      Map<String, Object> counts = new LinkedHashMap<>();
      byField.forEach((f, n) -> counts.put(f.argumentName(), n));
      out.put("matches_by_field", counts);
    }
    out.put(
        "entries",
        page.stream()
            .map(
                v -> {
                  Map<String, Object> m = ToolContext.structured(v);
                  if (search != null) {
                    m.put("matched_in", fieldNames(found.get(v.id())));
                  }
                  return m;
                })
            .toList());

    String conditions = EntryText.conditions(q.filters(), q.labels());
    StringBuilder text = new StringBuilder();
    String matchingText =
        search == null ? "" : " matching \"" + search.text() + "\"" + where(search);
    if (matching.isEmpty()) {
      text.append(EntryText.noEntries(matchingText + conditions, q.range(), account));
    } else {
      text.append(Words.count(matching.size(), "entry", "entries"))
          .append(matchingText)
          .append(conditions)
          .append(", ")
          .append(Hours.hm(totalSeconds))
          .append(" (")
          .append(Hours.decimal(totalSeconds))
          .append(" h), ")
          .append(EntryText.range(q.range()))
          .append(".");
      if (page.isEmpty()) {
        text.append(" None at offset ").append(slice.offset()).append('.');
      } else {
        text.append(" Showing ").append(slice.offset() + 1).append("–").append(slice.nextOffset());
        text.append(slice.hasMore() ? "; more with offset " + slice.nextOffset() + "." : ".");
      }
      if (search != null && search.fields().size() > 1) {
        text.append("\nFound in ")
            .append(
                byField.entrySet().stream()
                    .map(f -> f.getKey().argumentName() + " " + f.getValue())
                    .collect(Collectors.joining(", ")))
            .append(" (an entry can match in several).");
      }
      if (!page.isEmpty()) {
        text.append("\n\n")
            .append(
                EntryText.table(
                    page,
                    q.labels(),
                    search == null ? null : v -> String.join(", ", fieldNames(found.get(v.id())))));
      }
    }
    text.append(ToolContext.freshnessLine(fresh));
    return new ToolAnswer(text.toString().stripTrailing(), ToolContext.withFreshness(out, fresh));
  }

  /** {@code " in description or tag"} when the search is narrowed by search_in, else "". */
  private static String where(TextSearch search) {
    if (search.fields().size() == SearchField.values().length) {
      return "";
    }
    List<String> names = fieldNames(search.fields());
    return " in "
        + (names.size() == 1
            ? names.get(0)
            : String.join(", ", names.subList(0, names.size() - 1))
                + " or "
                + names.get(names.size() - 1));
  }

  private static List<String> fieldNames(Set<SearchField> fields) {
    return fields.stream().map(SearchField::argumentName).toList();
  }

  private static Map<String, Object> listSchema(Map<String, Object> entry, boolean search) {
    Schema.Obj result =
        Schema.object()
            .prop("range", CommonSchemas.rangeInfo())
            .prop("total", Schema.integer("Entries matching, across all pages."))
            .prop("returned", Schema.integer("Entries in this answer."))
            .prop("offset", Schema.integer("Entries skipped."))
            .prop("has_more", Schema.bool("True when more entries follow."))
            .prop("next_offset", Schema.nullableInteger("offset for the next page, or null."))
            .prop("total_seconds", Schema.integer("Time of all matching entries."))
            .prop("total_hours", Schema.number("The same in hours, 2 decimals."))
            .prop(
                "history_starts_on",
                Schema.nullableString(
                    "The day the user's Toggl account was created: nothing is older."));
    if (search) {
      result
          .prop("query", Schema.string("The text searched for, lower-cased; absent without one."))
          .prop("search_in", Schema.array("Fields searched.", Schema.string("A field.")))
          .prop(
              "matches_by_field",
              Schema.object()
                  .prop("description", Schema.integer("Entries matching in the description."))
                  .prop("project", Schema.integer("… in the project name."))
                  .prop("client", Schema.integer("… in the client name."))
                  .prop("tag", Schema.integer("… in a tag name."))
                  .build(false));
    }
    return CommonSchemas.freshness(result.prop("entries", Schema.array("Newest first.", entry)))
        .build(false);
  }
}
