package dev.toggltrackmcp.store;

import dev.toggltrackmcp.toggl.TogglClient;
import dev.toggltrackmcp.toggl.TogglException;
import dev.toggltrackmcp.toggl.TogglWrites;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.Client;
import dev.toggltrackmcp.toggl.model.Project;
import dev.toggltrackmcp.toggl.model.Tag;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * New tags, clients and projects, each created once and added to the held account so its name
 * resolves at once. Names are unique in a workspace, so a create whose answer was lost is checked
 * by reading the workspace's list (one request) and sent again only when the name is not there.
 */
final class CatalogWriter {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogWriter.class);

  private final TogglWrites writes;
  private final TogglClient reads;
  private final SyncedToggl synced;
  private final Clock clock;

  CatalogWriter(TogglWrites writes, TogglClient reads, SyncedToggl synced, Clock clock) {
    this.writes = writes;
    this.reads = reads;
    this.synced = synced;
    this.clock = clock;
  }

  Tag tag(long workspaceId, String name) {
    Tag tag =
        once(
            "the tag \"" + name + "\"",
            "list_tags",
            () -> writes.createTag(workspaceId, name),
            () -> reads.tags(workspaceId).stream().filter(t -> same(t.name(), name)).findFirst());
    learn(
        a -> a.tag(tag.id()).isPresent(),
        a -> with(a, a.projects(), a.clients(), plus(a.tags(), tag, Tag::id)));
    LOG.info("Applied create tag: tag {} in workspace {}", tag.id(), workspaceId);
    return tag;
  }

  Client client(long workspaceId, String name) {
    Client client =
        once(
            "the client \"" + name + "\"",
            "list_clients",
            () -> writes.createClient(workspaceId, name),
            () ->
                reads.clients(workspaceId).stream().filter(c -> same(c.name(), name)).findFirst());
    learn(
        a -> a.client(client.id()).isPresent(),
        a -> with(a, a.projects(), plus(a.clients(), client, Client::id), a.tags()));
    LOG.info("Applied create client: client {} in workspace {}", client.id(), workspaceId);
    return client;
  }

  Project project(long workspaceId, String name, @Nullable Long clientId) {
    Project project =
        once(
            "the project \"" + name + "\"",
            "list_projects",
            () -> writes.createProject(workspaceId, name, clientId),
            () ->
                reads.projects(workspaceId).stream().filter(p -> same(p.name(), name)).findFirst());
    learn(
        a -> a.project(project.id()).isPresent(),
        a -> with(a, plus(a.projects(), project, Project::id), a.clients(), a.tags()));
    LOG.info("Applied create project: project {} in workspace {}", project.id(), workspaceId);
    return project;
  }

  /**
   * The create, sent at most twice: after a lost answer, {@code find} (one request) says whether it
   * was stored; found, that is the answer.
   */
  private static <T> T once(
      String what, String lookWith, Supplier<T> create, Supplier<Optional<T>> find) {
    String firstLoss = null;
    for (int attempt = 1; ; attempt++) {
      try {
        return create.get();
      } catch (TogglException.Unconfirmed | TogglException.MalformedResponse lost) {
        String reason = lost instanceof TogglException.Unconfirmed u ? u.reason() : "unreadable";
        Optional<T> found;
        try {
          found = find.get();
        } catch (TogglException e) {
          throw new TogglException.OutcomeUnknown(
              "Toggl stored " + what,
              "its answer was lost (" + reason + ") and the check failed too (" + e.kind() + ")",
              "Look with " + lookWith + " before trying again.");
        }
        if (found.isPresent()) {
          LOG.info("A create lost its answer ({}); one check found it stored once", reason);
          return found.get();
        }
        if (attempt >= 2) {
          throw new TogglException.NotStored(
              what, "both attempts lost their answer (" + firstLoss + "; " + reason + ")");
        }
        firstLoss = reason;
      }
    }
  }

  /**
   * Puts the new item into the held account, and has commits keep it there against a reference read
   * that began before it existed.
   */
  private void learn(Predicate<Account> present, UnaryOperator<Account> added) {
    synced.createdHere().remember(clock.instant(), present, added);
    synced.applyOnHeld(
        s ->
            s.account() == null
                ? Change.ofEntries(List.of(), List.of())
                : new Change(
                    added.apply(s.account()), null, List.of(), List.of(), null, null, null));
  }

  private static Account with(
      Account a, List<Project> projects, List<Client> clients, List<Tag> tags) {
    return new Account(a.user(), a.workspaces(), projects, clients, tags, a.tasks());
  }

  private static <T> List<T> plus(List<T> items, T item, Function<T, Long> id) {
    List<T> all = new ArrayList<>();
    for (T t : items) {
      if (!id.apply(t).equals(id.apply(item))) {
        all.add(t);
      }
    }
    all.add(item);
    return all;
  }

  private static boolean same(String a, String b) {
    return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
  }
}
