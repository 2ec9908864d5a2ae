package dev.toggltrackmcp.toggl.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The user and the reference data their entries point to: workspaces, projects (archived too),
 * clients, tags and tasks — what {@code GET /me?with_related_data=true} returns besides entries.
 * Immutable. Names are always looked up here at answer time, so a renamed project shows its current
 * name on entries cached before the rename.
 */
public final class Account {
  private final User user;
  private final List<Workspace> workspaces;
  private final List<Project> projects;
  private final List<Client> clients;
  private final List<Tag> tags;
  private final List<Task> tasks;
  private final Map<Long, Workspace> workspacesById;
  private final Map<Long, Project> projectsById;
  private final Map<Long, Client> clientsById;
  private final Map<Long, Task> tasksById;
  private final Map<Long, Tag> tagsById;

  public Account(
      User user,
      List<Workspace> workspaces,
      List<Project> projects,
      List<Client> clients,
      List<Tag> tags,
      List<Task> tasks) {
    this.user = user;
    this.workspaces = List.copyOf(workspaces);
    this.projects = List.copyOf(projects);
    this.clients = List.copyOf(clients);
    this.tags = List.copyOf(tags);
    this.tasks = List.copyOf(tasks);
    this.workspacesById = byId(this.workspaces, Workspace::id);
    this.projectsById = byId(this.projects, Project::id);
    this.clientsById = byId(this.clients, Client::id);
    this.tasksById = byId(this.tasks, Task::id);
    this.tagsById = byId(this.tags, Tag::id);
  }

  public User user() {
    return user;
  }

  public List<Workspace> workspaces() {
    return workspaces;
  }

  public List<Project> projects() {
    return projects;
  }

  public List<Client> clients() {
    return clients;
  }

  public List<Tag> tags() {
    return tags;
  }

  public List<Task> tasks() {
    return tasks;
  }

  public Optional<Workspace> workspace(long id) {
    return Optional.ofNullable(workspacesById.get(id));
  }

  public Optional<Project> project(long id) {
    return Optional.ofNullable(projectsById.get(id));
  }

  public Optional<Client> client(long id) {
    return Optional.ofNullable(clientsById.get(id));
  }

  public Optional<Tag> tag(long id) {
    return Optional.ofNullable(tagsById.get(id));
  }

  public Optional<Task> task(long id) {
    return Optional.ofNullable(tasksById.get(id));
  }

  @Override
  public String toString() {
    return "Account[user="
        + user.id()
        + ", workspaces="
        + workspaces.size()
        + ", projects="
        + projects.size()
        + ", clients="
        + clients.size()
        + ", tags="
        + tags.size()
        + ", tasks="
        + tasks.size()
        + "]";
  }

  private static <T> Map<Long, T> byId(List<T> items, Function<T, Long> id) {
    return items.stream()
        .collect(Collectors.toUnmodifiableMap(id, t -> t, (first, later) -> later));
  }
}
