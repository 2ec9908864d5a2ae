package dev.toggltrackmcp.toggl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.config.Secret;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.Client;
import dev.toggltrackmcp.toggl.model.Project;
import dev.toggltrackmcp.toggl.model.Quota;
import dev.toggltrackmcp.toggl.model.Tag;
import dev.toggltrackmcp.toggl.model.Task;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import dev.toggltrackmcp.toggl.model.TimeEntryConstraints;
import dev.toggltrackmcp.toggl.model.User;
import dev.toggltrackmcp.toggl.model.Workspace;
import dev.toggltrackmcp.toggl.model.WorkspaceUser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The Toggl Track v9 endpoints the server reads. A thin, honest wire layer: no caching, every list
 * read to its last page, every answer checked before it is trusted.
 */
public final class TogglClient {
  static final int PROJECTS_PER_PAGE = 200;
  static final int TASKS_PER_PAGE = 200;
  private static final String V9 = "/api/v9";

  private final TogglHttp http;
  private final ObjectMapper json = TogglJson.mapper();

  public TogglClient(TogglHttp http) {
    this.http = http;
  }

  /**
   * A client for the Toggl at {@code root} with Toggl's pacing (burst 3, then 1/s) and retry
   * policy.
   */
  public static TogglClient connect(
      URI root, Secret token, String userAgent, Duration timeout, Clock clock, Sleeper sleeper) {
    return new TogglClient(
        new TogglHttp(
            root,
            token,
            userAgent,
            timeout,
            RequestPacer.togglDefault(clock, sleeper),
            RetryPolicy.togglDefault(new Random()),
            new QuotaWatch(clock),
            sleeper,
            clock));
  }

  public TogglHttp http() {
    return http;
  }

  public User me() {
    return read("/me", User.class);
  }

  /** The user, all reference data and the recent entries, in one request (plus project pages). */
  public RelatedData meWithRelatedData() {
    JsonNode me = readTree("/me?with_related_data=true");
    if (!me.isObject()) {
      throw new TogglException.MalformedResponse("/me");
    }
    User user = TogglAnswers.convert(me, User.class, "/me");
    List<Workspace> workspaces = list(me.get("workspaces"), Workspace.class, "/me");
    List<Project> projects = list(me.get("projects"), Project.class, "/me");
    projects = completeProjects(workspaces, projects);
    Account account =
        new Account(
            user,
            workspaces,
            projects,
            list(me.get("clients"), Client.class, "/me"),
            list(me.get("tags"), Tag.class, "/me"),
            list(me.get("tasks"), Task.class, "/me"));
    List<TimeEntry> entries = checked(list(me.get("time_entries"), TimeEntry.class, "/me"), "/me");
    return new RelatedData(account, entries);
  }

  /**
   * Related data might be cut at one page of projects (151 by default, 200 at most); a workspace
   * showing exactly a page's worth is read again page by page so no project name goes missing.
   */
  private List<Project> completeProjects(List<Workspace> workspaces, List<Project> projects) {
    List<Project> complete = new ArrayList<>();
    for (Workspace w : workspaces) {
      List<Project> inWorkspace = projects.stream().filter(p -> p.workspaceId() == w.id()).toList();
      boolean maybeCut = inWorkspace.size() == 151 || inWorkspace.size() == PROJECTS_PER_PAGE;
      complete.addAll(maybeCut ? projects(w.id()) : inWorkspace);
    }
    return complete;
  }

  public List<Workspace> workspaces() {
    return readList("/me/workspaces", Workspace.class);
  }

  /** Every project of a workspace, archived ones too, reading page after page to the end. */
  public List<Project> projects(long workspaceId) {
    List<Project> all = new ArrayList<>();
    Long previousFirst = null;
    for (int page = 1; ; page++) {
      List<Project> rows =
          readList(
              "/workspaces/"
                  + workspaceId
                  + "/projects?active=both&per_page="
                  + PROJECTS_PER_PAGE
                  + "&page="
                  + page,
              Project.class);
      if (rows.isEmpty() || Long.valueOf(rows.get(0).id()).equals(previousFirst)) {
        return all;
      }
      previousFirst = rows.get(0).id();
      all.addAll(rows);
      if (rows.size() < PROJECTS_PER_PAGE) {
        return all;
      }
    }
  }

  public List<Client> clients(long workspaceId) {
    return readList("/workspaces/" + workspaceId + "/clients?status=both", Client.class);
  }

  public List<Tag> tags(long workspaceId) {
    return readList("/workspaces/" + workspaceId + "/tags", Tag.class);
  }

  /** Every task of a workspace; Toggl wraps these in {@code {"data": [...], ...}}. */
  public List<Task> tasks(long workspaceId) {
    List<Task> all = new ArrayList<>();
    for (int page = 1; ; page++) {
      String path =
          "/workspaces/"
              + workspaceId
              + "/tasks?active=both&per_page="
              + TASKS_PER_PAGE
              + "&page="
              + page;
      JsonNode body = readTree(path);
      List<Task> rows = list(body.get("data"), Task.class, path);
      all.addAll(rows);
      long total = body.path("total_count").asLong(all.size());
      if (rows.size() < TASKS_PER_PAGE || all.size() >= total) {
        return all;
      }
    }
  }

  /** Entries that start in {@code [start, end)}; Toggl only allows about the last 90 days. */
  public List<TimeEntry> timeEntries(Instant start, Instant end) {
    String path =
        "/me/time_entries?start_date="
            + DateTimeFormatter.ISO_INSTANT.format(start)
            + "&end_date="
            + DateTimeFormatter.ISO_INSTANT.format(end);
    return checked(readList(path, TimeEntry.class), "/me/time_entries");
  }

  /** Entries created, changed or deleted since {@code since} (deleted ones carry the time). */
  public List<TimeEntry> timeEntriesSince(Instant since) {
    return checked(
        readList("/me/time_entries?since=" + since.getEpochSecond(), TimeEntry.class),
        "/me/time_entries");
  }

  public Optional<TimeEntry> currentTimeEntry() {
    JsonNode body = readTree("/me/time_entries/current");
    if (body.isNull() || body.isMissingNode()) {
      return Optional.empty();
    }
    if (!body.isObject()) {
      throw new TogglException.MalformedResponse("/me/time_entries/current");
    }
    return Optional.of(
        TogglAnswers.checked(
            TogglAnswers.convert(body, TimeEntry.class, "/me/time_entries/current"),
            "/me/time_entries/current"));
  }

  public TimeEntry timeEntry(long id) {
    return TogglAnswers.checked(
        read("/me/time_entries/" + id, TimeEntry.class), "/me/time_entries/{id}");
  }

  /**
   * The members of a workspace, deactivated ones included; Toggl may leave out emails for a caller
   * who is not an admin.
   */
  public List<WorkspaceUser> workspaceUsers(long workspaceId) {
    return readList("/workspaces/" + workspaceId + "/users", WorkspaceUser.class);
  }

  /** Every quota bucket of the user (one request), also noted by the quota watch. */
  public List<Quota> quota() {
    List<Quota> buckets = readList("/me/quota", Quota.class);
    http.quota().reported(buckets);
    return buckets;
  }

  /** What the workspace requires of every time entry (project, description, tags, task). */
  public TimeEntryConstraints timeEntryConstraints(long workspaceId) {
    return read(
        "/workspaces/" + workspaceId + "/time_entry_constraints", TimeEntryConstraints.class);
  }

  private <T> T read(String path, Class<T> type) {
    return TogglAnswers.object(readTree(path), type, path);
  }

  private <T> List<T> readList(String path, Class<T> type) {
    JsonNode body = readTree(path);
    if (!body.isArray()) {
      throw new TogglException.MalformedResponse(path);
    }
    return list(body, type, path);
  }

  private JsonNode readTree(String path) {
    String body = http.get(V9 + path).body();
    try {
      JsonNode node = json.readTree(body);
      return node == null ? json.nullNode() : node;
    } catch (JsonProcessingException e) {
      throw new TogglException.MalformedResponse(path);
    }
  }

  private <T> List<T> list(JsonNode node, Class<T> type, String path) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new TogglException.MalformedResponse(path);
    }
    JavaType listType = json.getTypeFactory().constructCollectionType(List.class, type);
    try {
      List<T> values = json.convertValue(node, listType);
      if (values.contains(null)) {
        throw new TogglException.MalformedResponse(path);
      }
      return List.copyOf(values);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new TogglException.MalformedResponse(path);
    }
  }

  private static List<TimeEntry> checked(List<TimeEntry> entries, String path) {
    entries.forEach(e -> TogglAnswers.checked(e, path));
    return entries;
  }
}
