package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.analytics.EntryView;
import dev.toggltrackmcp.analytics.Hours;
import dev.toggltrackmcp.analytics.Labels;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How an entry a write made or changed reads: the same structure the read tools give ({@link
 * EntryView}), a one-line text with id, times and length, and what differs between before and
 * after.
 */
final class WrittenEntry {
  private final Account account;
  private final Labels labels;
  private final Instant now;

  WrittenEntry(Account account, Instant now) {
    this.account = account;
    this.labels = Labels.of(account);
    this.now = now;
  }

  EntryView view(TimeEntry e) {
    return EntryView.of(e, account, account.user().zone(), now);
  }

  Map<String, Object> structured(TimeEntry e) {
    return ToolContext.structured(view(e));
  }

  /**
   * {@code "Client call" — Website Redesign for Acme Corp, 2026-11-24 14:00–15:30 (+01:00), 1:30,
   * billable, id 4100012345}.
   */
  String line(TimeEntry e) {
    EntryView v = view(e);
    return EntryText.describe(v, labels)
        + ", "
        + v.start().substring(0, 10)
        + " "
        + v.start().substring(11, 16)
        + "–"
        + (v.stop() == null
            ? "running"
            : (v.stop().startsWith(v.start().substring(0, 10))
                    ? ""
                    : v.stop().substring(0, 10) + " ")
                + v.stop().substring(11, 16))
        + " ("
        + v.start().substring(19)
        + "), "
        + Hours.hm(v.durationSeconds())
        + (v.isRunning() ? " so far" : "")
        + ", "
        + (v.billable() ? "billable" : "non-billable")
        + ", id "
        + v.id();
  }

  /** What differs, e.g. {@code description "A" → "B"; tags [] → [meeting]}; empty when nothing. */
  List<String> differences(TimeEntry before, TimeEntry after) {
    EntryView b = view(before);
    EntryView a = view(after);
    List<String> out = new ArrayList<>();
    if (!b.description().equals(a.description())) {
      out.add("description \"" + b.description() + "\" → \"" + a.description() + "\"");
    }
    if (!Objects.equals(b.projectId(), a.projectId())) {
      out.add("project " + project(b) + " → " + project(a));
    }
    if (!Objects.equals(b.taskName(), a.taskName())) {
      out.add(
          "task "
              + (b.taskName() == null ? "(none)" : b.taskName())
              + " → "
              + (a.taskName() == null ? "(none)" : a.taskName()));
    }
    if (!b.tags().equals(a.tags())) {
      out.add("tags " + b.tags() + " → " + a.tags());
    }
    if (b.billable() != a.billable()) {
      out.add(a.billable() ? "now billable" : "now non-billable");
    }
    if (!b.start().equals(a.start())) {
      out.add("start " + b.start() + " → " + a.start());
    }
    if (!Objects.equals(b.stop(), a.stop())) {
      out.add("stop " + (b.stop() == null ? "(running)" : b.stop()) + " → " + a.stop());
    }
    return out;
  }

  private String project(EntryView v) {
    return v.projectId() == null ? "(none)" : labels.project(v.projectId());
  }
}
