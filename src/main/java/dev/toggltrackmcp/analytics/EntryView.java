package dev.toggltrackmcp.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.Project;
import dev.toggltrackmcp.toggl.model.Tag;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One entry as a tool shows it: times with the user's UTC offset, names resolved from the account
 * at answer time (a renamed project shows its new name), a running entry's length counted to now.
 */
public record EntryView(
    long id,
    long workspaceId,
    String description,
    String start,
    @Nullable String stop,
    long durationSeconds,
    String durationFormatted,
    BigDecimal hours,
    boolean isRunning,
    @Nullable Long projectId,
    @Nullable String projectName,
    @Nullable Long clientId,
    @Nullable String clientName,
    List<String> tags,
    boolean billable,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long taskId,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String taskName) {

  public static EntryView of(TimeEntry e, Account account, ZoneId zone, Instant now) {
    long seconds = e.seconds(now);
    return new EntryView(
        e.id(),
        e.workspaceId(),
        e.description(),
        local(e.start(), zone),
        e.isRunning() || e.stop() == null ? null : local(e.stop(), zone),
        seconds,
        Hours.hms(seconds),
        Hours.decimal(seconds),
        e.isRunning(),
        e.projectId(),
        projectName(e, account),
        clientId(e, account),
        clientName(e, account),
        tagNames(e, account),
        e.billable(),
        e.taskId(),
        e.taskId() == null
            ? null
            : account
                .task(e.taskId())
                .map(t -> t.name())
                .orElse("(unknown task " + e.taskId() + ")"));
  }

  public static String local(Instant t, ZoneId zone) {
    // to the second, as Toggl keeps times: "now" (a running entry's end) has nanoseconds
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        t.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime());
  }

  static @Nullable String projectName(TimeEntry e, Account account) {
    if (e.projectId() == null) {
      return null;
    }
    return account
        .project(e.projectId())
        .map(Project::name)
        .orElse("(unknown project " + e.projectId() + ")");
  }

  static @Nullable Long clientId(TimeEntry e, Account account) {
    return e.projectId() == null
        ? null
        : account.project(e.projectId()).map(Project::clientId).orElse(null);
  }

  static @Nullable String clientName(TimeEntry e, Account account) {
    Long client = clientId(e, account);
    return client == null
        ? null
        : account.client(client).map(c -> c.name()).orElse("(unknown client " + client + ")");
  }

  /**
   * Current tag names: looked up by id when the account knows every id (Reports entries carry only
   * ids), else the names Toggl sent with the entry.
   */
  static List<String> tagNames(TimeEntry e, Account account) {
    if (e.tagIds().isEmpty()) {
      return e.tags();
    }
    List<String> names = new ArrayList<>();
    for (long id : e.tagIds()) {
      Tag tag = account.tag(id).orElse(null);
      if (tag == null) {
        return e.tags().isEmpty() ? List.of("(unknown tag " + id + ")") : e.tags();
      }
      names.add(tag.name());
    }
    return names;
  }
}
