package dev.toggltrackmcp.sandbox;

import dev.toggltrackmcp.sandbox.World.Client;
import dev.toggltrackmcp.sandbox.World.Entry;
import dev.toggltrackmcp.sandbox.World.Organization;
import dev.toggltrackmcp.sandbox.World.Project;
import dev.toggltrackmcp.sandbox.World.Tag;
import dev.toggltrackmcp.sandbox.World.Task;
import dev.toggltrackmcp.sandbox.World.User;
import dev.toggltrackmcp.sandbox.World.Workspace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The simulated Toggl account, live and thread-safe: tests read it to compute expected answers and
 * change it to play a user editing in the Toggl app. Every change sets {@code at} as Toggl does.
 *
 * <p>The generated world ({@link #generate}) is a consultant, "Ana Lima", in {@code Europe/Berlin}
 * (by default) with weeks starting on Monday, two organizations and three workspaces: "Lima
 * Consulting" (EUR, default rate 85, {@code projectCount} projects, ~15% archived, some with their
 * own rate, a few with tasks), "Northwind Agency" (USD, rate 120) and "Side Projects" (Free plan,
 * no rates). Clients include "Acme Corp" (in two workspaces, so a bare name is ambiguous),
 * "Globex", "Müller &amp; Söhne GmbH", "Café Lumière", "Škoda Digital", "東京デザイン" and the archived
 * "Initech". Tags: meeting, development, design, review, admin, deep-work, billable-review, travel.
 * About 400 days of weekday-heavy history ending at "now", and always: a running entry started 47
 * minutes before now, deleted entries (recent and old), entries without project, without tags and
 * with 2–3 tags, entries crossing local midnight, entries on both DST switch days of the past year
 * (one spanning the switch), zero-length entries, and entries in every workspace.
 */
public final class Dataset {
  private final User user;
  private final List<Organization> organizations;
  private final List<Workspace> workspaces;
  private final List<Client> clients;
  private final List<Tag> tags;
  private final List<Task> tasks;
  private final Map<Long, Project> projects = new ConcurrentHashMap<>();
  private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong nextEntryId;

  Dataset(
      User user,
      List<Organization> organizations,
      List<Workspace> workspaces,
      List<Client> clients,
      List<Project> projects,
      List<Tag> tags,
      List<Task> tasks,
      List<Entry> entries) {
    this.user = user;
    this.organizations = List.copyOf(organizations);
    this.workspaces = List.copyOf(workspaces);
    this.clients = List.copyOf(clients);
    this.tags = List.copyOf(tags);
    this.tasks = List.copyOf(tasks);
    projects.forEach(p -> this.projects.put(p.id(), p));
    entries.forEach(e -> this.entries.put(e.id(), e));
    this.nextEntryId =
        new AtomicLong(entries.stream().mapToLong(Entry::id).max().orElse(4_100_000_000L) + 101);
  }

  /** The seeded world for {@code options}, the same every time for the same seed and now. */
  public static Dataset generate(SimulatorOptions options, Instant now) {
    return WorldGenerator.generate(options, now);
  }

  public User user() {
    return user;
  }

  public List<Organization> organizations() {
    return organizations;
  }

  public List<Workspace> workspaces() {
    return workspaces;
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

  /** Projects ordered by id. */
  public List<Project> projects() {
    return projects.values().stream().sorted(Comparator.comparingLong(Project::id)).toList();
  }

  public Optional<Project> project(long id) {
    return Optional.ofNullable(projects.get(id));
  }

  public Optional<Client> client(long id) {
    return clients.stream().filter(c -> c.id() == id).findFirst();
  }

  public Optional<Workspace> workspace(long id) {
    return workspaces.stream().filter(w -> w.id() == id).findFirst();
  }

  /** Every entry, deleted ones included, newest start first. */
  public List<Entry> allEntries() {
    List<Entry> all = new ArrayList<>(entries.values());
    all.sort(Comparator.comparing(Entry::start).reversed().thenComparing(Entry::id));
    return all;
  }

  /** Entries that are not deleted, newest start first. */
  public List<Entry> liveEntries() {
    return allEntries().stream().filter(e -> !e.deleted()).toList();
  }

  public Optional<Entry> entry(long id) {
    return Optional.ofNullable(entries.get(id));
  }

  public Optional<Entry> running() {
    return liveEntries().stream().filter(Entry::running).findFirst();
  }

  public String tagName(long tagId) {
    return tags.stream().filter(t -> t.id() == tagId).map(Tag::name).findFirst().orElse("");
  }

  // --- changes a user makes in the Toggl app ---

  /** Adds a finished entry ({@code stop != null}) or starts one, stopping any running entry. */
  public synchronized Entry addEntry(
      long workspaceId,
      @Nullable Long projectId,
      String description,
      Instant start,
      @Nullable Instant stop,
      List<Long> tagIds,
      Instant now) {
    if (stop == null) {
      running().ifPresent(r -> entries.put(r.id(), r.stoppedAt(now)));
    }
    boolean billable = projectId != null && project(projectId).map(Project::billable).orElse(false);
    Entry e =
        new Entry(
            nextEntryId.getAndAdd(7),
            workspaceId,
            projectId,
            null,
            billable,
            start,
            stop,
            description,
            tagIds,
            now,
            null);
    entries.put(e.id(), e);
    return e;
  }

  public synchronized Entry editDescription(long id, String description, Instant now) {
    return replace(id, e -> e.withDescription(description, now));
  }

  public synchronized Entry moveToProject(long id, @Nullable Long projectId, Instant now) {
    return replace(id, e -> e.withProject(projectId, now));
  }

  public synchronized Entry delete(long id, Instant now) {
    return replace(id, e -> e.deletedAt(now));
  }

  public synchronized Optional<Entry> stopRunning(Instant now) {
    return running().map(r -> replace(r.id(), e -> e.stoppedAt(now)));
  }

  public synchronized Project renameProject(long id, String name, Instant now) {
    return projects.compute(id, (k, p) -> require(p, "project " + id).renamed(name, now));
  }

  public synchronized Project archiveProject(long id, Instant now) {
    return projects.compute(id, (k, p) -> require(p, "project " + id).archived(now));
  }

  private Entry replace(long id, java.util.function.UnaryOperator<Entry> change) {
    return entries.compute(id, (k, e) -> change.apply(require(e, "entry " + id)));
  }

  private static <T> T require(@Nullable T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException("no such " + what);
    }
    return value;
  }
}
