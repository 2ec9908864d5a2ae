package dev.toggltrackmcp.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
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

  /**
   * Someone with a Toggl account in the simulated world: Ana or one of her team. {@code admin}
   * holds in every workspace of {@code workspaceIds}; an inactive member was deactivated on {@code
   * deactivatedOn} and no longer sees those workspaces.
   */
  public record Member(
      User user,
      String token,
      boolean admin,
      boolean active,
      Set<Long> workspaceIds,
      @Nullable LocalDate deactivatedOn) {

    public Member {
      workspaceIds = Set.copyOf(workspaceIds);
    }

    public long id() {
      return user.id();
    }

    /** Toggl's workspace role: {@code admin} or {@code user}. */
    public String role() {
      return admin ? "admin" : "user";
    }

    /** Whether this member may use the workspace at all (an inactive member may not). */
    public boolean belongsTo(long workspaceId) {
      return active && workspaceIds.contains(workspaceId);
    }
  }

  public record Organization(long id, String name, String plan) {}

  /**
   * What a workspace requires of every time entry ({@code GET …/time_entry_constraints}); nothing
   * is enforced unless {@code enabled}.
   */
  public record Constraints(
      boolean enabled,
      boolean descriptionPresent,
      boolean projectPresent,
      boolean tagPresent,
      boolean taskPresent) {
    public static final Constraints NONE = new Constraints(false, false, false, false, false);
  }

  public record Workspace(
      long id,
      long organizationId,
      String name,
      boolean premium,
      @Nullable BigDecimal defaultHourlyRate,
      String defaultCurrency,
      boolean onlyAdminsMayCreateProjects,
      boolean onlyAdminsMayCreateTags,
      boolean onlyAdminsSeeTeamDashboard,
      Constraints constraints) {}

  public record Client(
      long id,
      long workspaceId,
      String name,
      boolean archived,
      @Nullable String notes,
      long creatorId,
      Instant at) {}

  public record Project(
      long id,
      long workspaceId,
      @Nullable Long clientId,
      String name,
      boolean active,
      boolean billable,
      @Nullable BigDecimal rate,
      @Nullable String currency,
      String color,
      boolean isPrivate,
      Instant at) {

    public Project renamed(String newName, Instant now) {
      return new Project(
          id,
          workspaceId,
          clientId,
          newName,
          active,
          billable,
          rate,
          currency,
          color,
          isPrivate,
          now);
    }

    public Project archived(Instant now) {
      return new Project(
          id, workspaceId, clientId, name, false, billable, rate, currency, color, isPrivate, now);
    }
  }

  public record Tag(long id, long workspaceId, String name, long creatorId, Instant at) {}

  public record Task(long id, long projectId, long workspaceId, String name, boolean active) {}

  /** Why a weekday has no work on it. */
  public enum Absence {
    PUBLIC_HOLIDAY,
    VACATION,
    SICK
  }

  /**
   * A time entry of {@code userId}; {@code stop == null} while running; {@code deletedAt} once
   * deleted; an empty {@code description} is one the user left blank.
   */
  public record Entry(
      long id,
      long workspaceId,
      long userId,
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

    /** Whether the two share a moment of time (touching ends do not overlap). */
    public boolean overlaps(Entry other, Instant now) {
      Instant end = stop == null ? now : stop;
      Instant otherEnd = other.stop == null ? now : other.stop;
      return start.isBefore(otherEnd) && other.start.isBefore(end);
    }

    public Entry withDescription(String text, Instant now) {
      return new Entry(
          id,
          workspaceId,
          userId,
          projectId,
          taskId,
          billable,
          start,
          stop,
          text,
          tagIds,
          now,
          deletedAt);
    }

    public Entry withProject(@Nullable Long project, Instant now) {
      return new Entry(
          id,
          workspaceId,
          userId,
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

    public Entry withTags(List<Long> tags, Instant now) {
      return new Entry(
          id,
          workspaceId,
          userId,
          projectId,
          taskId,
          billable,
          start,
          stop,
          description,
          tags,
          now,
          deletedAt);
    }

    public Entry stoppedAt(Instant when) {
      return new Entry(
          id,
          workspaceId,
          userId,
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
          userId,
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

    /** The same entry under another id: what a duplicated sync leaves behind. */
    public Entry copyAs(long newId) {
      return new Entry(
          newId,
          workspaceId,
          userId,
          projectId,
          taskId,
          billable,
          start,
          stop,
          description,
          tagIds,
          at,
          deletedAt);
    }
  }
}
