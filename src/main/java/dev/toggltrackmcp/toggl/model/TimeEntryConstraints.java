package dev.toggltrackmcp.toggl.model;

/**
 * What a workspace requires of every time entry ({@code GET
 * /workspaces/{wid}/time_entry_constraints}, the v9 spec's {@code models.TimeEntryConstraints});
 * nothing is required unless {@code timeEntryConstraintsEnabled}.
 */
public record TimeEntryConstraints(
    boolean timeEntryConstraintsEnabled,
    boolean descriptionPresent,
    boolean projectPresent,
    boolean tagPresent,
    boolean taskPresent) {

  public static final TimeEntryConstraints NONE =
      new TimeEntryConstraints(false, false, false, false, false);

  public boolean requiresProject() {
    return timeEntryConstraintsEnabled && projectPresent;
  }

  public boolean requiresDescription() {
    return timeEntryConstraintsEnabled && descriptionPresent;
  }

  public boolean requiresTags() {
    return timeEntryConstraintsEnabled && tagPresent;
  }
}
