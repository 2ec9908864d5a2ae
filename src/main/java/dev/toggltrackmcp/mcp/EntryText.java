package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.analytics.EntryView;
import dev.toggltrackmcp.analytics.Hours;
import dev.toggltrackmcp.analytics.Labels;
import dev.toggltrackmcp.analytics.TagMatch;
import dev.toggltrackmcp.analytics.TimeRange;
import dev.toggltrackmcp.arguments.FilterQuery;
import dev.toggltrackmcp.toggl.model.Account;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How entries and the questions about them read in a text answer, for clients that show the model
 * only the text: every entry with its id, project, client and billable state, labels where names
 * repeat, and what was asked (range, filters) in the first line.
 */
final class EntryText {
  private EntryText() {}

  /**
   * {@code Implement login page — Website Redesign (Acme Corp (Lima Consulting)) [development]}.
   */
  static String describe(EntryView v, Labels labels) {
    String what = v.description().isBlank() ? "(no description)" : v.description();
    StringBuilder s = new StringBuilder(what);
    if (v.projectId() != null) {
      s.append(" — ").append(labels.project(v.projectId()));
      if (v.clientId() != null) {
        s.append(" for ").append(labels.client(v.clientId()));
      }
    }
    if (!v.tags().isEmpty()) {
      s.append(" [").append(String.join(", ", v.tags())).append("]");
    }
    return s.toString();
  }

  /** One row per entry; {@code foundIn}, when given, adds where a search matched. */
  static TextTable table(
      List<EntryView> entries, Labels labels, @Nullable Function<EntryView, String> foundIn) {
    List<String> header =
        new ArrayList<>(
            List.of(
                "Id",
                "Date",
                "Start",
                "Stop",
                "Time",
                "Project",
                "Client",
                "Description",
                "Tags",
                "Billable"));
    if (foundIn != null) {
      header.add("Found in");
    }
    TextTable table = new TextTable(header.toArray(String[]::new)).alignRight(4);
    for (EntryView v : entries) {
      List<Object> row =
          new ArrayList<>(
              List.of(
                  v.id(),
                  v.start().substring(0, 10),
                  v.start().substring(11, 16),
                  v.stop() == null ? "running" : v.stop().substring(11, 16),
                  Hours.hm(v.durationSeconds()),
                  v.projectId() == null ? "(no project)" : labels.project(v.projectId()),
                  v.clientId() == null ? "" : labels.client(v.clientId()),
                  v.description(),
                  String.join(", ", v.tags()),
                  v.billable() ? "yes" : "no"));
      if (foundIn != null) {
        row.add(foundIn.apply(v));
      }
      table.row(row.toArray());
    }
    return table;
  }

  /** What the filters ask, as {@code " (client Globex; billable only)"}, or "" for none. */
  static String conditions(FilterQuery.Filters f, Labels labels) {
    List<String> parts = new ArrayList<>();
    if (f.workspaceId() != null) {
      parts.add("workspace " + labels.workspace(f.workspaceId()));
    }
    if (f.project() != null) {
      parts.add("project " + labels.project(f.project().id()));
    }
    if (f.client() != null) {
      parts.add("client " + labels.client(f.client().id()));
    }
    if (!f.tags().isEmpty()) {
      List<String> names = f.tags().stream().map(t -> tagShown(t, labels)).toList();
      parts.add((names.size() == 1 ? "tag " : "tags ") + Words.and(names));
    }
    if (f.billable() != null) {
      parts.add(f.billable() ? "billable only" : "non-billable only");
    }
    return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
  }

  private static String tagShown(TagMatch t, Labels labels) {
    return t.ids().size() == 1 ? labels.tag(t.ids().iterator().next()) : t.name();
  }

  /** {@code 2026-11-19 – 2026-11-25 (Europe/Berlin)}. */
  static String range(TimeRange r) {
    String days =
        r.firstDay().equals(r.lastDay())
            ? r.firstDay().toString()
            : r.firstDay() + " – " + r.lastDay();
    return days + " (" + r.zone().getId() + ")";
  }

  /**
   * The answer to a range without entries: says so, and where history starts, so the model does not
   * go looking further back than there is anything.
   */
  static String noEntries(String conditions, TimeRange r, Account account) {
    LocalDate start = ToolContext.historyStart(account);
    return "No entries"
        + conditions
        + " in "
        + range(r)
        + (start == null
            ? "."
            : "; your history starts on " + start + ", when your Toggl account was created.");
  }
}
