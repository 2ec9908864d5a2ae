package dev.toggltrackmcp.toggl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The Reports API v3, which reaches further back than v9's 90 days. One workspace per call; dates
 * are the user's local days, both inclusive; ranges longer than a year are split.
 */
public final class TogglReports {
  /** Toggl's documented page: what is asked for when a larger one is refused. */
  static final int FALLBACK_PAGE_SIZE = 50;

  /** What is asked for first (Toggl does not document a maximum; it may return fewer). */
  static final int LARGEST_PAGE_SIZE = 1000;

  static final int LONGEST_SPAN_DAYS = 366;
  private static final String V3 = "/reports/api/v3/workspace/";

  private final TogglHttp http;
  private final ObjectMapper json = TogglJson.mapper();
  private volatile int pageSize = LARGEST_PAGE_SIZE;

  /** Learned from the first search that needs a second page: does Toggl page at 50 rows? */
  private volatile @Nullable Boolean pagesAtFifty;

  public TogglReports(TogglHttp http) {
    this.http = http;
  }

  /**
   * The finished entries of one user in a workspace whose start day in {@code zone} (the user's
   * Toggl timezone, the one Reports reads dates in) lies in {@code [first, last]}, every page.
   * Entries come back with tag ids only; their {@code tags} names are left empty.
   */
  public List<TimeEntry> timeEntries(
      long workspaceId, long userId, LocalDate first, LocalDate last, ZoneId zone) {
    Search search = search(workspaceId, userId, first, last, zone);
    Map<Long, TimeEntry> all = new LinkedHashMap<>(); // a span may be read twice (see Search)
    for (Optional<Page> page = search.next(); page.isPresent(); page = search.next()) {
      page.get().entries().forEach(e -> all.put(e.id(), e));
    }
    return List.copyOf(all.values());
  }

  /**
   * The same entries newest first, one request per {@link Search#next()}, so a caller can keep each
   * page as it arrives and stop (or resume later) at any point.
   */
  public Search search(
      long workspaceId, long userId, LocalDate first, LocalDate last, ZoneId zone) {
    return new Search(workspaceId, ReportQuery.ofUser(userId), first, last, zone, null, null);
  }

  /** A search that goes on from where an earlier one (of the same days) stopped. */
  public Search resume(
      long workspaceId, long userId, LocalDate first, ResumePoint from, ZoneId zone) {
    return new Search(
        workspaceId, ReportQuery.ofUser(userId), first, from.spanLast(), zone, from, null);
  }

  /**
   * Every finished entry {@code query} selects in a workspace (anyone's, unless it names users)
   * whose start day in {@code zone} lies in {@code [first, last]}, newest first: every page of
   * every span of at most 366 days, in grouped rows (the fewest pages, whatever page size Toggl
   * honours), each row with its user, rate and currency.
   */
  public List<Row> teamRows(
      long workspaceId, ReportQuery query, LocalDate first, LocalDate last, ZoneId zone) {
    Search search = new Search(workspaceId, query, first, last, zone, null, true);
    List<Row> all = new ArrayList<>();
    for (Optional<Page> page = search.next(); page.isPresent(); page = search.next()) {
      all.addAll(page.get().rows());
    }
    return List.copyOf(all);
  }

  /**
   * One row of a detailed search: entries alike in user, project, task, description, tags and
   * billable (one entry when not grouped), with the hourly rate Toggl bills them at, if any.
   */
  public record Row(
      @Nullable String username,
      @Nullable Long hourlyRateInCents,
      @Nullable String currency,
      List<TimeEntry> entries) {
    public Row {
      entries = List.copyOf(entries);
    }
  }

  /**
   * One page of a search: its entries, the first day from which the search has now brought
   * everything (every entry starting on that day or later, up to the search's last day), and where
   * a later search of the same days could go on from.
   */
  public record Page(List<Row> rows, LocalDate completeFrom, ResumePoint resumePoint) {
    public Page {
      rows = List.copyOf(rows);
    }

    public List<TimeEntry> entries() {
      return rows.stream().flatMap(r -> r.entries().stream()).toList();
    }
  }

  /**
   * Where a search stood after a page: in the span {@code spanFirst..spanLast}, at row {@code
   * nextRow} (grouped or not), or — {@code nextRow == 0} — with that span done and the days before
   * it next. A row number holds only while the span's entries are unchanged; a finished span stays
   * finished.
   */
  public record ResumePoint(
      LocalDate spanFirst, LocalDate spanLast, long nextRow, boolean grouped) {
    public boolean spanDone() {
      return nextRow == 0;
    }
  }

  /**
   * A detailed search walked newest first, in spans of at most the year Toggl allows, each paged by
   * {@code X-Next-Row-Number}. The first page asks for one row per entry and a large page: if Toggl
   * honours more than its documented 50 rows, the search goes on that way, and every page tells how
   * far back the data is complete. If Toggl pages at 50, the span starts again with grouped rows
   * (entries alike in project, task, description, tags and billable share a row), which takes far
   * fewer pages; since a grouped row spans many days, only a finished span is then known complete,
   * and the row number lets a later search resume. A refused page size falls back to 50.
   */
  public final class Search {
    private final long workspaceId;
    private final ReportQuery query;
    private final LocalDate first;
    private final ZoneId zone;
    private final String path;
    private LocalDate spanLast;
    private @Nullable Boolean grouped;
    private @Nullable ObjectNode body;
    private final Set<String> cursorsSeen = new HashSet<>();

    private Search(
        long workspaceId,
        ReportQuery query,
        LocalDate first,
        LocalDate last,
        ZoneId zone,
        @Nullable ResumePoint resume,
        @Nullable Boolean groupedFromStart) {
      this.workspaceId = workspaceId;
      this.query = query;
      this.grouped = groupedFromStart;
      this.first = first;
      this.zone = zone;
      this.spanLast = last;
      this.path = V3 + workspaceId + "/search/time_entries";
      if (resume != null && resume.spanDone()) {
        spanLast = resume.spanFirst().minusDays(1);
      } else if (resume != null) {
        grouped = resume.grouped();
        body = request(resume.spanFirst(), resume.spanLast(), resume.grouped());
        body.put("first_row_number", resume.nextRow());
      }
    }

    /** The next page (one request), or empty when everything has been brought. */
    public Optional<Page> next() {
      if (spanLast.isBefore(first)) {
        return Optional.empty();
      }
      LocalDate spanFirst = max(first, spanLast.minusDays(LONGEST_SPAN_DAYS - 1));
      if (body == null) {
        if (grouped == null) {
          grouped = pagesAtFifty; // what another search already learned, if any
        }
        body = request(spanFirst, spanLast, Boolean.TRUE.equals(grouped));
        cursorsSeen.clear();
      }
      TogglHttp.Response response = send(body);
      JsonNode rows = TogglAnswers.tree(response.body(), path);
      if (!rows.isArray()) {
        throw new TogglException.MalformedResponse(path);
      }
      List<Row> entries = new ArrayList<>();
      for (JsonNode row : rows) {
        entries.add(row(row, workspaceId, path));
      }
      Optional<String> next = response.headers().firstValue("X-Next-Row-Number");
      boolean spanDone =
          next.isEmpty() || next.get().isBlank() || !cursorsSeen.add(next.get()) || rows.isEmpty();
      if (spanDone) {
        body = null; // the next call starts the span before this one
        LocalDate doneLast = spanLast;
        spanLast = spanFirst.minusDays(1);
        return Optional.of(
            new Page(
                entries,
                spanFirst,
                new ResumePoint(spanFirst, doneLast, 0, Boolean.TRUE.equals(grouped))));
      }
      if (grouped == null) {
        grouped = rows.size() <= FALLBACK_PAGE_SIZE; // Toggl pages at 50: group rows instead
        pagesAtFifty = grouped;
        if (grouped) {
          body = null; // the same span again, grouped, from its first row
          return Optional.of(
              new Page(
                  entries, spanLast.plusDays(1), new ResumePoint(spanFirst, spanLast, 1, true)));
        }
      }
      long nextRow;
      try {
        nextRow = Long.parseLong(next.get().trim());
      } catch (NumberFormatException e) {
        throw new TogglException.MalformedResponse(path);
      }
      body.put("first_row_number", nextRow);
      ResumePoint here = new ResumePoint(spanFirst, spanLast, nextRow, grouped);
      return Optional.of(
          new Page(entries, grouped ? spanLast.plusDays(1) : completeAfterOldest(entries), here));
    }

    private TogglHttp.Response send(ObjectNode request) {
      try {
        return http.postRead(path, request.toString());
      } catch (TogglException.BadRequest refused) {
        if (pageSize == FALLBACK_PAGE_SIZE || request.has("first_row_number")) {
          throw refused;
        }
        pageSize = FALLBACK_PAGE_SIZE; // this Toggl refuses large pages: ask as it documents
        request.put("page_size", pageSize);
        return http.postRead(path, request.toString());
      }
    }

    private ObjectNode request(LocalDate from, LocalDate to, boolean groupRows) {
      ObjectNode request = json.createObjectNode();
      request.put("start_date", from.toString());
      request.put("end_date", to.toString());
      query.writeTo(request);
      request.put("grouped", groupRows);
      request.put("page_size", pageSize);
      request.put("order_by", "date");
      request.put("order_dir", "DESC");
      return request;
    }

    /**
     * One row per entry, newest first: every day after the oldest one on this page is complete (the
     * oldest day's entries may go on over the next page).
     */
    private LocalDate completeAfterOldest(List<Row> rows) {
      return rows.stream()
          .flatMap(r -> r.entries().stream())
          .map(e -> LocalDate.ofInstant(e.start(), zone))
          .min(LocalDate::compareTo)
          .map(d -> d.plusDays(1))
          .orElse(spanLast.plusDays(1));
    }
  }

  /**
   * Seconds per group and sub-group ({@code grouping}: projects, clients or users; {@code
   * subGrouping}: another of those, tasks or time_entries) of what {@code query} selects, with each
   * sub-group's entry ids and billable seconds per rate. A range longer than Toggl's 366 days is
   * asked span by span (one request each) and the spans' groups come back together.
   */
  public SummaryReport summary(
      long workspaceId,
      ReportQuery query,
      LocalDate first,
      LocalDate last,
      String grouping,
      String subGrouping) {
    String path = V3 + workspaceId + "/summary/time_entries";
    List<SummaryReport.Group> result = new ArrayList<>();
    for (LocalDate spanLast = last; !spanLast.isBefore(first); ) {
      LocalDate spanFirst = max(first, spanLast.minusDays(LONGEST_SPAN_DAYS - 1));
      ObjectNode body = json.createObjectNode();
      body.put("start_date", spanFirst.toString());
      body.put("end_date", spanLast.toString());
      query.writeTo(body);
      body.put("grouping", grouping);
      body.put("sub_grouping", subGrouping);
      body.put("include_time_entry_ids", true);
      JsonNode groups =
          TogglAnswers.tree(http.postRead(path, body.toString()).body(), path).path("groups");
      if (!groups.isArray()) {
        throw new TogglException.MalformedResponse(path);
      }
      for (JsonNode g : groups) {
        List<SummaryReport.SubGroup> subs = new ArrayList<>();
        for (JsonNode sub : g.path("sub_groups")) {
          subs.add(subGroup(sub));
        }
        result.add(new SummaryReport.Group(optionalId(g.get("id")), subs));
      }
      spanLast = spanFirst.minusDays(1);
    }
    return new SummaryReport(result);
  }

  private static SummaryReport.SubGroup subGroup(JsonNode s) {
    List<SummaryReport.Rate> rates = new ArrayList<>();
    for (JsonNode r : s.path("rates")) {
      Long cents = optionalId(r.get("hourly_rate_in_cents"));
      if (cents != null && r.hasNonNull("currency")) {
        rates.add(
            new SummaryReport.Rate(
                r.path("billable_seconds").asLong(), cents, r.get("currency").asText()));
      }
    }
    List<Long> ids = new ArrayList<>();
    s.path("ids").forEach(id -> ids.add(id.asLong()));
    return new SummaryReport.SubGroup(
        optionalId(s.get("id")),
        s.path("title").asText(""),
        s.path("seconds").asLong(),
        rates,
        ids);
  }

  private Row row(JsonNode row, long workspaceId, String path) {
    List<TimeEntry> into = new ArrayList<>();
    List<Long> tagIds = new ArrayList<>();
    row.path("tag_ids").forEach(t -> tagIds.add(t.asLong()));
    Long projectId = optionalId(row.get("project_id"));
    Long taskId = optionalId(row.get("task_id"));
    Long userId = optionalId(row.get("user_id"));
    String description = row.path("description").asText("");
    boolean billable = row.path("billable").asBoolean(false);
    for (JsonNode item : row.path("time_entries")) {
      Instant start = instant(item.get("start"), path);
      Instant stop = item.hasNonNull("stop") ? instant(item.get("stop"), path) : null;
      long id = item.path("id").asLong();
      if (start == null || id == 0 || stop == null) {
        continue; // a running entry or a broken item; running ones are read from v9
      }
      into.add(
          new TimeEntry(
              id,
              workspaceId,
              projectId,
              taskId,
              billable,
              start,
              stop,
              item.path("seconds").asLong(),
              description,
              List.of(),
              tagIds,
              userId,
              item.hasNonNull("at") ? instant(item.get("at"), path) : null,
              null));
    }
    return new Row(
        row.hasNonNull("username") ? row.get("username").asText() : null,
        billable ? optionalId(row.get("hourly_rate_in_cents")) : null,
        row.hasNonNull("currency") ? row.get("currency").asText() : null,
        into);
  }

  private @Nullable Instant instant(@Nullable JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return null;
    }
    try {
      return json.treeToValue(node, Instant.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new TogglException.MalformedResponse(path);
    }
  }

  private static @Nullable Long optionalId(@Nullable JsonNode node) {
    return node == null || node.isNull() ? null : node.asLong();
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
