package dev.toggltrackmcp.toggl.model;

import org.jspecify.annotations.Nullable;

/**
 * A member of a workspace ({@code GET /workspaces/{wid}/users}). Toggl may withhold {@code email}
 * from a caller who is not an admin; a deactivated member keeps their past entries.
 */
public record WorkspaceUser(
    long id,
    @Nullable String email,
    @Nullable String fullname,
    @Nullable String role,
    boolean isActive,
    boolean inactive,
    boolean isAdmin) {

  /** The name to show: the full name, else the email, else the id. */
  public String name() {
    if (fullname != null && !fullname.isBlank()) {
      return fullname.trim();
    }
    return email != null && !email.isBlank() ? email.trim() : "user " + id;
  }

  /** Active unless Toggl says otherwise in either of its two fields. */
  public boolean active() {
    return isActive && !inactive;
  }

  public boolean admin() {
    return isAdmin || "admin".equalsIgnoreCase(role);
  }
}
