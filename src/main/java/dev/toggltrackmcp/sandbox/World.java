package dev.toggltrackmcp.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The simulated Toggl's own records, deliberately independent of the server's model so that tests
 * computing expected answers from them check the server rather than repeat it.
 */
public final class World {
  private World() {}

  public record User(
      long id,
      String email,
      String fullname,
      String timezone,
      long defaultWorkspaceId,
      int beginningOfWeek,
      Instant createdAt) {}

  public record Organization(long id, String name, String plan) {}

  public record Workspace(
      long id,
      long organizationId,
      String name,
      boolean premium,
      @Nullable BigDecimal defaultHourlyRate,
      String defaultCurrency) {}

  public record Client(long id, long workspaceId, String name, boolean archived) {}

  public record Project(
      long id,
      long workspaceId,
      @Nullable Long clientId,
      String name,
      boolean active,
      boolean billable,
      @Nullable BigDecimal rate,
      @Nullable String currency,
      Instant at) {

    public Project renamed(String newName, Instant now) {
      return new Project(id, workspaceId, clientId, newName, active, billable, rate, currency, now);
    }

    public Project archived(Instant now) {
      return new Project(id, workspaceId, clientId, name, false, billable, rate, currency, now);
    }
  }

  public record Tag(long id, long workspaceId, String name) {}

  public record Task(long id, long projectId, long workspaceId, String name, boolean active) {}

  /** A time entry; {@code stop == null} while running; {@code deletedAt} once deleted. */
  public record Entry(
      long id,
      long workspaceId,
      @Nullable Long projectId,
      @Nullable Long taskId,
      boolean billable,
      Instant start,
      @Nullable Instant stop,
      String description,
      List<Long> tagIds,
      Instant at,
      @Nullable Instant deletedAt) {

    public Entry {
      tagIds = List.copyOf(tagIds);
    }

    public boolean running() {
      return stop == null;
    }

    public boolean deleted() {
      return deletedAt != null;
    }

    /** Seconds as Toggl stores them: finished length, or minus the start epoch while running. */
    public long duration() {
      return stop == null
          ? -start.getEpochSecond()
          : stop.getEpochSecond() - start.getEpochSecond();
    }

    public Entry withDescription(String text, Instant now) {
      return new Entry(
          id, workspaceId, projectId, taskId, billable, start, stop, text, tagIds, now, deletedAt);
    }

    public Entry withProject(@Nullable Long project, Instant now) {
      return new Entry(
          id,
          workspaceId,
          project,
          null,
          billable,
          start,
          stop,
          description,
          tagIds,
          now,
          deletedAt);
    }

    public Entry stoppedAt(Instant when) {
      return new Entry(
          id,
          workspaceId,
          projectId,
          taskId,
          billable,
          start,
          when,
          description,
          tagIds,
          when,
          deletedAt);
    }

    public Entry deletedAt(Instant when) {
      return new Entry(
          id,
          workspaceId,
          projectId,
          taskId,
          billable,
          start,
          stop,
          description,
          tagIds,
          when,
          when);
    }
  }
}
