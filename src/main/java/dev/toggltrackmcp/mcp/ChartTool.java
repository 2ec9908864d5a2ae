package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.analytics.ChartSeries;
import dev.toggltrackmcp.analytics.Dimension;
import dev.toggltrackmcp.analytics.Hours;
import dev.toggltrackmcp.analytics.Summaries;
import dev.toggltrackmcp.analytics.Summary;
import dev.toggltrackmcp.arguments.ChartQuery;
import dev.toggltrackmcp.store.Fresh;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code get_time_chart}: a PNG of stacked hours per day, week, project or client, with the totals
 * as text — the same table {@code get_time_summary} gives for that breakdown.
 */
final class ChartTool {
  private static final Logger LOG = LoggerFactory.getLogger(ChartTool.class);
  static final int MOST_BARS = 20;
  static final int MOST_STACKS = 10;

  private final ToolContext ctx;

  ChartTool(ToolContext ctx) {
    this.ctx = ctx;
  }

  ToolDefinition definition() {
    return new ToolDefinition(
        "get_time_chart",
        "Time chart",
        "A bar chart (PNG image) of hours per day, week, project or client, stacked by project,"
            + " client or billable. The text gives the totals, the same table get_time_summary"
            + " gives for that breakdown. Default: this_week by day, stacked by project. Examples:"
            + " {\"period\": \"last_week\"}, {\"period\": \"this_quarter\", \"group_by\":"
            + " \"week\", \"stack_by\": \"client\"}, {\"period\": \"this_month\", \"group_by\":"
            + " \"project\"}.",
        Schema.object()
            .props(CommonSchemas.range("this_week"))
            .props(CommonSchemas.filters())
            .prop(
                "group_by",
                Schema.oneOf(
                    "One bar per day (at most 92), week, project or client. Default: day.",
                    ChartQuery.BARS.stream().map(Dimension::argumentName).toList()))
            .prop(
                "stack_by",
                Schema.oneOf(
                    "What each bar is split into. Default: project for day and week bars,"
                        + " billable for project and client bars; none for plain bars.",
                    ChartQuery.STACKS)),
        outputSchema(),
        true,
        args -> {
          ChartQuery query = ChartQuery.read(args, ctx.now());
          Account account = ctx.data.account().value();
          ChartQuery.Resolved q = query.resolve(account, ctx.configuredWorkspace, ctx.now());
          Fresh<List<TimeEntry>> fresh =
              ctx.data.entries(q.range().start(), q.range().endExclusive());
          List<TimeEntry> matching =
              fresh.value().stream().filter(e -> q.filter().test(e, account)).toList();
          return answer(q, account, matching, fresh);
        });
  }

  private ToolAnswer answer(
      ChartQuery.Resolved q, Account account, List<TimeEntry> matching, Fresh<?> fresh) {
    int weekStart = account.user().beginningOfWeek();
    Summary summary =
        Summaries.of(matching, account, q.range(), weekStart, List.of(q.groupBy()), ctx.now());
    ChartSeries series =
        ChartSeries.of(
            matching,
            account,
            q.range(),
            weekStart,
            q.groupBy(),
            q.stackBy(),
            ctx.now(),
            MOST_BARS,
            MOST_STACKS);
    String what =
        "Hours by "
            + q.groupBy().argumentName()
            + (q.stackBy() == null ? "" : ", stacked by " + q.stackBy().argumentName());
    String title = what + ", " + EntryText.range(q.range());
    ChartPainter.Painted painted = null;
    String problem = null;
    ChartPainter.headless();
    try {
      painted = ChartPainter.paint(series, title, labels(series, q.groupBy()));
    } catch (ChartUnavailable e) {
      LOG.warn("the chart could not be drawn ({}); answering with its totals", e.getMessage());
      problem =
          "This server's Java cannot draw images ("
              + e.getMessage()
              + "; it needs fonts, e.g. the fontconfig and fonts-dejavu packages), so only the"
              + " totals are given.";
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("range", ToolContext.rangeInfo(q.range()));
    out.put("group_by", q.groupBy().argumentName());
    out.put("stack_by", q.stackBy() == null ? "none" : q.stackBy().argumentName());
    Map<String, Object> image = null;
    if (painted != null) {
      image = new LinkedHashMap<>();
      image.put("mime_type", "image/png");
      image.put("width", painted.width());
      image.put("height", painted.height());
      image.put("bytes", painted.png().length);
    }
    out.put("image", image);
    out.put("total_seconds", summary.totalSeconds());
    out.put("total_hours", summary.totalHours());
    out.put("entry_count", summary.entryCount());
    out.put("bars", bars(series));
    out.put("stacks", stacks(series));
    out.put("names_changed", painted != null && painted.namesChanged());
    StringBuilder t = new StringBuilder();
    t.append(
            painted == null
                ? what
                : what + " (a " + painted.width() + "×" + painted.height() + " PNG)")
        .append(", ")
        .append(EntryText.range(q.range()))
        .append(".\n");
    if (summary.entryCount() == 0) {
      t.append(EntryText.noEntries("", q.range(), account));
    } else {
      t.append("Total ")
          .append(Hours.hm(summary.totalSeconds()))
          .append(" (")
          .append(summary.totalHours())
          .append(" h) in ")
          .append(Words.count(summary.entryCount(), "entry", "entries"))
          .append(".\n\nBy ")
          .append(q.groupBy().argumentName())
          .append(":\n")
          .append(
              SummaryTool.breakdown(
                      summary.breakdowns().get(q.groupBy().argumentName()),
                      q.groupBy().chronological())
                  .toString()
                  .stripTrailing());
    }
    if (painted != null && painted.namesChanged()) {
      t.append("\nSome names show \"?\" in the picture: no font on this server has those letters.");
    }
    if (problem != null) {
      t.append("\nNote: ").append(problem);
    }
    Map<String, Object> structured = ToolContext.withFreshness(out, fresh);
    if (problem != null) {
      String stale = fresh.stalenessNote().orElse(null);
      structured.put("note", stale == null ? problem : stale + " " + problem);
    }
    return new ToolAnswer(
        t.toString().stripTrailing() + ToolContext.freshnessLine(fresh),
        structured,
        painted == null ? null : new ToolAnswer.Picture("image/png", painted.png()));
  }

  /** Short labels under the bars: "Mon 16" for days, "11-16" for weeks, names otherwise. */
  private static List<String> labels(ChartSeries series, Dimension groupBy) {
    List<String> labels = new ArrayList<>();
    for (ChartSeries.Bar b : series.bars()) {
      if (groupBy == Dimension.DAY) {
        LocalDate d = LocalDate.parse(b.key());
        labels.add(
            d.getDayOfWeek().toString().charAt(0)
                + d.getDayOfWeek().toString().substring(1, 3).toLowerCase(Locale.ROOT)
                + " "
                + d.getDayOfMonth());
      } else if (groupBy == Dimension.WEEK) {
        labels.add(b.key().substring(5));
      } else {
        labels.add(ChartPainter.shortened(b.name(), 18));
      }
    }
    return labels;
  }

  private static List<Map<String, Object>> bars(ChartSeries series) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ChartSeries.Bar b : series.bars()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("key", b.key());
      m.put("name", b.name());
      m.put("seconds", b.seconds());
      m.put("hours", Hours.decimal(b.seconds()));
      List<Map<String, Object>> parts = new ArrayList<>();
      for (int i = 0; i < b.parts().size(); i++) {
        if (b.parts().get(i) > 0) {
          Map<String, Object> p = new LinkedHashMap<>();
          p.put("stack", series.stacks().get(i).key());
          p.put("seconds", b.parts().get(i));
          parts.add(p);
        }
      }
      m.put("parts", parts);
      out.add(m);
    }
    return out;
  }

  private static List<Map<String, Object>> stacks(ChartSeries series) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ChartSeries.Stack s : series.stacks()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("key", s.key());
      m.put("name", s.name());
      m.put("seconds", s.seconds());
      m.put("hours", Hours.decimal(s.seconds()));
      out.add(m);
    }
    return out;
  }

  private static Map<String, Object> outputSchema() {
    Map<String, Object> part =
        Schema.object()
            .prop("stack", Schema.string("The stack's key (see stacks)."))
            .prop("seconds", Schema.integer("Time of this stack in the bar."))
            .build(false);
    return CommonSchemas.freshness(
            Schema.object()
                .prop("range", CommonSchemas.rangeInfo())
                .prop("group_by", Schema.string("What each bar is."))
                .prop("stack_by", Schema.string("What each bar is split into, or \"none\"."))
                .prop(
                    "image",
                    Schema.nullable(
                        Schema.object()
                            .prop("mime_type", Schema.string("Always image/png."))
                            .prop("width", Schema.integer("Width in pixels."))
                            .prop("height", Schema.integer("Height in pixels."))
                            .prop("bytes", Schema.integer("Size of the PNG."))
                            .build(false)))
                .prop("total_seconds", Schema.integer("All time charted."))
                .prop("total_hours", Schema.number("All time in hours."))
                .prop("entry_count", Schema.integer("Entries charted."))
                .prop(
                    "bars",
                    Schema.array(
                        "The bars in order: every day or week of the range, or the largest"
                            + " projects or clients (the rest as \"(others)\").",
                        Schema.object()
                            .prop("key", Schema.string("Date, week start, id or \"none\"."))
                            .prop("name", Schema.string("Readable name."))
                            .prop("seconds", Schema.integer("The bar's time."))
                            .prop("hours", Schema.number("The bar's time in hours."))
                            .prop("parts", Schema.array("Its non-empty stacks.", part))
                            .build(false)))
                .prop(
                    "stacks",
                    Schema.array(
                        "The stacks, largest first (the rest as \"(others)\"), as in the legend.",
                        Schema.object()
                            .prop("key", Schema.string("Id, \"none\", \"true\"/\"false\"."))
                            .prop("name", Schema.string("Readable name."))
                            .prop("seconds", Schema.integer("Its time."))
                            .prop("hours", Schema.number("Its time in hours."))
                            .build(false)))
                .prop(
                    "names_changed",
                    Schema.bool("True when some letters had no font and show as \"?\".")))
        .build(false);
  }
}
