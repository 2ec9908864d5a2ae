package dev.toggltrackmcp.analytics;

import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.Client;
import dev.toggltrackmcp.toggl.model.Project;
import dev.toggltrackmcp.toggl.model.Tag;
import dev.toggltrackmcp.toggl.model.Task;
import dev.toggltrackmcp.toggl.model.Workspace;
import dev.toggltrackmcp.toggl.model.WorkspaceUser;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What to call each workspace, project, client, task, tag and workspace member so that no two of a
 * kind read the same: the name alone when it is unique in the account, else the name with what
 * tells the twins apart — "Acme Corp (Northwind Agency)", a member's email — and, when even that
 * repeats, the id. Computed over the whole account (and the members given), so a label means the
 * same thing in every answer and can be passed back as input.
 */
public final class Labels {
  private final Account account;
  private final Map<Kind, Map<Long, String>> labels = new EnumMap<>(Kind.class);

  private Labels(Account account, List<WorkspaceUser> users) {
    this.account = account;
    List<Item> workspaces = new ArrayList<>();
    for (Workspace w : account.workspaces()) {
      workspaces.add(new Item(w.id(), w.name(), List.of()));
    }
    labels.put(Kind.WORKSPACE, label(workspaces));
    List<Item> projects = new ArrayList<>();
    for (Project p : account.projects()) {
      projects.add(
          new Item(
              p.id(),
              p.name(),
              List.of(
                  workspaceName(p.workspaceId()),
                  p.clientId() == null ? "no client" : clientName(p.clientId()))));
    }
    labels.put(Kind.PROJECT, label(projects));
    List<Item> clients = new ArrayList<>();
    for (Client c : account.clients()) {
      clients.add(new Item(c.id(), c.name(), List.of(workspaceName(c.workspaceId()))));
    }
    labels.put(Kind.CLIENT, label(clients));
    List<Item> tags = new ArrayList<>();
    for (Tag t : account.tags()) {
      tags.add(new Item(t.id(), t.name(), List.of(workspaceName(t.workspaceId()))));
    }
    labels.put(Kind.TAG, label(tags));
    List<Item> tasks = new ArrayList<>();
    Map<Long, String> projectLabels = labels.get(Kind.PROJECT);
    for (Task t : account.tasks()) {
      tasks.add(
          new Item(
              t.id(),
              t.name(),
              List.of(
                  projectLabels.getOrDefault(t.projectId(), "project " + t.projectId()),
                  workspaceName(t.workspaceId()))));
    }
    labels.put(Kind.TASK, label(tasks));
    List<Item> members = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (WorkspaceUser u : users) {
      if (seen.add(u.id())) {
        members.add(
            new Item(
                u.id(),
                u.name(),
                u.email() == null || u.email().isBlank() ? List.of() : List.of(u.email())));
      }
    }
    labels.put(Kind.USER, label(members));
  }

  public static Labels of(Account account) {
    return new Labels(account, List.of());
  }

  /** Labels that also name the members of a workspace (for team answers). */
  public static Labels of(Account account, List<WorkspaceUser> users) {
    return new Labels(account, users);
  }

  /** The label of a thing the account knows; empty for an id it does not know. */
  public Optional<String> label(Kind kind, long id) {
    return Optional.ofNullable(labels.getOrDefault(kind, Map.of()).get(id));
  }

  public String user(long id) {
    return label(Kind.USER, id).orElse("(user " + id + ")");
  }

  public String project(long id) {
    return label(Kind.PROJECT, id).orElse("(unknown project " + id + ")");
  }

  public String client(long id) {
    return label(Kind.CLIENT, id).orElse("(unknown client " + id + ")");
  }

  public String workspace(long id) {
    return label(Kind.WORKSPACE, id).orElse("(unknown workspace " + id + ")");
  }

  public String tag(long id) {
    return label(Kind.TAG, id).orElse("(unknown tag " + id + ")");
  }

  public String task(long id) {
    return label(Kind.TASK, id).orElse("(unknown task " + id + ")");
  }

  private String workspaceName(long id) {
    return account.workspace(id).map(Workspace::name).orElse("workspace " + id);
  }

  private String clientName(long id) {
    return account.client(id).map(Client::name).orElse("client " + id);
  }

  /** One thing to label: its id, its name, and what can tell it apart, most telling first. */
  private record Item(long id, String name, List<String> qualifiers) {}

  private static Map<Long, String> label(List<Item> items) {
    Map<String, List<Item>> byName = new LinkedHashMap<>();
    for (Item i : items) {
      byName.computeIfAbsent(key(i.name()), k -> new ArrayList<>()).add(i);
    }
    Map<Long, String> out = new HashMap<>();
    for (List<Item> twins : byName.values()) {
      if (twins.size() == 1) {
        out.put(twins.get(0).id(), twins.get(0).name());
        continue;
      }
      out.putAll(qualified(twins));
    }
    return out;
  }

  /** The fewest qualifiers that tell every twin apart; the id settles what they cannot. */
  private static Map<Long, String> qualified(List<Item> twins) {
    int most = twins.stream().mapToInt(i -> i.qualifiers().size()).max().orElse(0);
    for (int used = 1; used <= most; used++) {
      Map<Long, String> attempt = new HashMap<>();
      Set<String> seen = new HashSet<>();
      boolean distinct = true;
      for (Item i : twins) {
        String label = withQualifiers(i, used, false);
        distinct &= seen.add(key(label));
        attempt.put(i.id(), label);
      }
      if (distinct) {
        return attempt;
      }
    }
    Map<Long, String> byId = new HashMap<>();
    twins.forEach(i -> byId.put(i.id(), withQualifiers(i, most, true)));
    return byId;
  }

  private static String withQualifiers(Item i, int used, boolean withId) {
    List<String> parts =
        new ArrayList<>(i.qualifiers().subList(0, Math.min(used, i.qualifiers().size())));
    if (withId || parts.isEmpty()) { // a member without an email is told apart by id
      parts.add("id " + i.id());
    }
    return i.name() + " (" + String.join(", ", parts) + ")";
  }

  /** Names compare as a person reads them: any case, outer spaces ignored. */
  public static String key(String name) {
    return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
