package dev.toggltrackmcp.testing;

import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.Client;
import dev.toggltrackmcp.toggl.model.Project;
import dev.toggltrackmcp.toggl.model.Tag;
import dev.toggltrackmcp.toggl.model.Task;
import dev.toggltrackmcp.toggl.model.User;
import dev.toggltrackmcp.toggl.model.Workspace;
import java.time.Instant;
import java.util.List;

/**
 * A small account whose names repeat the ways real ones do: "Acme Corp" in two workspaces,
 * "Website" in two workspaces, "Support" twice in one workspace (for two clients), "meeting" tags
 * in two workspaces, a task "Frontend" in two projects.
 */
public final class TwinAccount {
  public static final long LIMA = 10;
  public static final long NORTHWIND = 20;
  public static final long ACME_LIMA = 100;
  public static final long ACME_NORTHWIND = 200;
  public static final long GLOBEX = 101;
  public static final long WEBSITE_LIMA = 1000;
  public static final long WEBSITE_NORTHWIND = 2000;
  public static final long MOBILE = 1001;
  public static final long SUPPORT_ACME = 1002;
  public static final long SUPPORT_GLOBEX = 1003;
  public static final long YEAR = 1004;
  public static final long MEETING_LIMA = 50;
  public static final long MEETING_NORTHWIND = 60;
  public static final long DESIGN = 51;

  private TwinAccount() {}

  public static Account create() {
    return new Account(
        new User(
            1L,
            "ana@example.com",
            "Ana",
            "Europe/Berlin",
            LIMA,
            1,
            null,
            Instant.parse("2025-10-06T08:00:00Z"),
            null),
        List.of(workspace(LIMA, "Lima Consulting"), workspace(NORTHWIND, "Northwind Agency")),
        List.of(
            project(WEBSITE_LIMA, LIMA, ACME_LIMA, "Website"),
            project(WEBSITE_NORTHWIND, NORTHWIND, ACME_NORTHWIND, "Website"),
            project(MOBILE, LIMA, GLOBEX, "Mobile App"),
            project(SUPPORT_ACME, LIMA, ACME_LIMA, "Support"),
            project(SUPPORT_GLOBEX, LIMA, GLOBEX, "Support"),
            project(YEAR, LIMA, null, "2024")),
        List.of(
            new Client(ACME_LIMA, LIMA, "Acme Corp", false, null, null),
            new Client(GLOBEX, LIMA, "Globex", false, null, null),
            new Client(ACME_NORTHWIND, NORTHWIND, "Acme Corp", false, null, null)),
        List.of(
            new Tag(MEETING_LIMA, LIMA, "meeting", null),
            new Tag(DESIGN, LIMA, "design", null),
            new Tag(MEETING_NORTHWIND, NORTHWIND, "meeting", null)),
        List.of(
            new Task(7, "Frontend", WEBSITE_LIMA, LIMA, true, null, null, null),
            new Task(8, "Frontend", WEBSITE_NORTHWIND, NORTHWIND, true, null, null, null)));
  }

  private static Workspace workspace(long id, String name) {
    return new Workspace(
        id, 1L, name, true, false, true, "admin", null, "EUR", 0, 0, true, null, null);
  }

  private static Project project(long id, long ws, Long client, String name) {
    return new Project(
        id, ws, client, name, true, "active", null, true, null, null, false, null, null, null,
        null);
  }
}
