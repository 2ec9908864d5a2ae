package dev.toggltrackmcp.sandbox;

import dev.toggltrackmcp.sandbox.World.Absence;
import dev.toggltrackmcp.sandbox.World.Client;
import dev.toggltrackmcp.sandbox.World.Entry;
import dev.toggltrackmcp.sandbox.World.Member;
import dev.toggltrackmcp.sandbox.World.Organization;
import dev.toggltrackmcp.sandbox.World.Project;
import dev.toggltrackmcp.sandbox.World.Tag;
import dev.toggltrackmcp.sandbox.World.Task;
import dev.toggltrackmcp.sandbox.World.User;
import dev.toggltrackmcp.sandbox.World.Workspace;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The simulated Toggl account, live and thread-safe: tests read it to compute expected answers and
 * change it to play a user editing in the Toggl app. Every change sets {@code at} as Toggl does.
 *
 * <p>The generated world ({@link #generate}) is a consultant, "Ana Lima", in {@code Europe/Berlin}
 * (by default) with weeks starting on Monday, two organizations and three workspaces: "Lima
 * Consulting" (EUR, default rate 85, {@code projectCount} projects, ~15% archived, some with their
 * own rate, a few with tasks; only admins may create projects and tags, or see others' reports),
 * "Northwind Agency" (USD, rate 120; its time entry constraints require a project) and "Side
 * Projects" (Free plan, no rates). Clients include "Acme Corp" (in two workspaces, so a bare name
 * is ambiguous), "Globex", "Müller &amp; Söhne GmbH", "Café Lumière", "Škoda Digital", "東京デザイン" and
 * the archived "Initech". Tags: meeting, development, design, review, admin, deep-work,
 * billable-review, travel (and writing in Side Projects).
 *
 * <p>Ana's 400 days read like a real person's: workdays of 5¼–9¾ hours (mostly 6–8½) starting
 * around nine, entries one after another with short breaks and lunch, Berlin's public holidays, a
 * couple of vacation weeks a year and the odd sick day ({@link #daysOff()}), weekends mostly free.
 * Most hours go to one or two clients at a time in stretches of weeks; the rest to calls, reviews,
 * internal meetings, email and admin (sometimes without a project), proposals and training, a
 * Northwind day now and then, side projects at weekends. Nothing overlaps except on purpose. Always
 * there: a running entry started 47 minutes before now ("Implement login page", Website Redesign,
 * tag development), two earlier entries today (one without project or tags, one with three tags),
 * deleted entries (recent and old), late deploys crossing local midnight, entries on both DST
 * switch nights of the past year (one spanning the switch), zero-length entries, entries in every
 * workspace during the last week, and the timesheet problems of {@link #planted()}.
 *
 * <p>Her team in Lima Consulting ({@link #members()}): Bruno Costa (admin), Jonas Weber, Zoë Ñúñez,
 * 佐藤 花子, Priya Raman (part-time, Monday to Thursday), Mateo Rossi (left, deactivated) and Emma
 * Schulz (joined five months ago), each with an API token and a working life of their own.
 * Accessors without a user ({@link #liveEntries()}, {@link #running()}, {@link #entry}…) are Ana's.
 */
public final class Dataset {
  private final User user;
  private final List<Member> members;
  private final List<Organization> organizations;
  private final List<Workspace> workspaces;
  private final List<Task> tasks;
  private final Map<Long, Client> clients = new ConcurrentHashMap<>();
  private final Map<Long, Tag> tags = new ConcurrentHashMap<>();
  private final Map<Long, Project> projects = new ConcurrentHashMap<>();
  private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
  private final PlantedCases planted;
  private final Map<Long, Map<LocalDate, Absence>> daysOff;
  private final AtomicLong nextEntryId;
  private final AtomicLong nextCatalogId = new AtomicLong(300_000_000L);

  Dataset(
      SeedCatalog catalog,
      List<Entry> entries,
      PlantedCases planted,
      Map<Long, Map<LocalDate, Absence>> daysOff) {
    this.user = catalog.ana;
    this.members = List.copyOf(catalog.members);
    this.organizations = List.copyOf(catalog.organizations);
    this.workspaces = List.copyOf(catalog.workspaces);
    this.tasks = List.copyOf(catalog.tasks);
    catalog.clients.forEach(c -> clients.put(c.id(), c));
    catalog.tags.forEach(t -> tags.put(t.id(), t));
    catalog.projects.forEach(p -> projects.put(p.id(), p));
    entries.forEach(e -> this.entries.put(e.id(), e));
    this.planted = planted;
    this.daysOff = Map.copyOf(daysOff);
    this.nextEntryId =
        new AtomicLong(entries.stream().mapToLong(Entry::id).max().orElse(4_100_000_000L) + 101);
  }

  /** The seeded world for {@code options}, the same every time for the same seed and now. */
  public static Dataset generate(SimulatorOptions options, Instant now) {
    return WorldGenerator.generate(options, now);
  }

  /** Ana, the account's owner. */
  public User user() {
    return user;
  }

  /** Everyone with an account: Ana first, then her team in Lima Consulting. */
  public List<Member> members() {
    return members;
  }

  public Optional<Member> member(long userId) {
    return members.stream().filter(m -> m.id() == userId).findFirst();
  }

  public List<Organization> organizations() {
    return organizations;
  }

  public List<Workspace> workspaces() {
    return workspaces;
  }

  public Optional<Workspace> workspace(long id) {
    return workspaces.stream().filter(w -> w.id() == id).findFirst();
  }

  /** Clients ordered by id. */
  public List<Client> clients() {
    return sorted(clients, Client::id);
  }

  public Optional<Client> client(long id) {
    return Optional.ofNullable(clients.get(id));
  }

  /** Tags ordered by id. */
  public List<Tag> tags() {
    return sorted(tags, Tag::id);
  }

  public List<Task> tasks() {
    return tasks;
  }

  /** Projects ordered by id. */
  public List<Project> projects() {
    return sorted(projects, Project::id);
  }

  public Optional<Project> project(long id) {
    return Optional.ofNullable(projects.get(id));
  }

  public String tagName(long tagId) {
    Tag t = tags.get(tagId);
    return t == null ? "" : t.name();
  }

  /** Ana's entries, deleted ones included, newest start first. */
  public List<Entry> allEntries() {
    return allEntriesOf(user.id());
  }

  /** Ana's entries that are not deleted, newest start first. */
  public List<Entry> liveEntries() {
    return entriesOf(user.id());
  }

  /** One of Ana's entries, deleted or not. */
  public Optional<Entry> entry(long id) {
    return find(id).filter(e -> e.userId() == user.id());
  }

  /** Ana's running entry. */
  public Optional<Entry> running() {
    return runningOf(user.id());
  }

  /** One person's live entries, newest start first. */
  public List<Entry> entriesOf(long userId) {
    return newestFirst(e -> e.userId() == userId && !e.deleted());
  }

  /** One person's entries, deleted ones included, newest start first. */
  public List<Entry> allEntriesOf(long userId) {
    return newestFirst(e -> e.userId() == userId);
  }

  public Optional<Entry> runningOf(long userId) {
    return entriesOf(userId).stream().filter(Entry::running).findFirst();
  }

  /** Everyone's live entries, Ana's included, newest start first. */
  public List<Entry> teamEntries() {
    return newestFirst(e -> !e.deleted());
  }

  /** The timesheet problems planted in Ana's last full week, and the clean week before it. */
  public PlantedCases planted() {
    return planted;
  }

  /** Ana's weekdays off: public holidays, vacation and sick days. */
  public Map<LocalDate, Absence> daysOff() {
    return daysOffOf(user.id());
  }

  public Map<LocalDate, Absence> daysOffOf(long userId) {
    return daysOff.getOrDefault(userId, Map.of());
  }

  // --- changes a user makes in the Toggl app ---

  /** Adds a finished entry of Ana's ({@code stop != null}) or starts one, stopping hers. */
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
            newEntryId(),
            workspaceId,
            user.id(),
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

  /** Stops Ana's running entry. */
  public synchronized Optional<Entry> stopRunning(Instant now) {
    return running().map(r -> replace(r.id(), e -> e.stoppedAt(now)));
  }

  public synchronized Project renameProject(long id, String name, Instant now) {
    return projects.compute(id, (k, p) -> require(p, "project " + id).renamed(name, now));
  }

  public synchronized Project archiveProject(long id, Instant now) {
    return projects.compute(id, (k, p) -> require(p, "project " + id).archived(now));
  }

  // --- what the simulated API's writes build on ---

  /** Runs a group of changes under the dataset's lock, so no other change interleaves. */
  synchronized <T> T atomically(Supplier<T> changes) {
    return changes.get();
  }

  /** Anyone's entry, deleted or not. */
  Optional<Entry> find(long id) {
    return Optional.ofNullable(entries.get(id));
  }

  long newEntryId() {
    return nextEntryId.getAndAdd(7);
  }

  long newCatalogId() {
    return nextCatalogId.getAndAdd(11);
  }

  synchronized void put(Entry e) {
    entries.put(e.id(), e);
  }

  synchronized void put(Tag t) {
    tags.put(t.id(), t);
  }

  synchronized void put(Client c) {
    clients.put(c.id(), c);
  }

  synchronized void put(Project p) {
    projects.put(p.id(), p);
  }

  private List<Entry> newestFirst(Predicate<Entry> which) {
    List<Entry> all = new ArrayList<>();
    for (Entry e : entries.values()) {
      if (which.test(e)) {
        all.add(e);
      }
    }
    all.sort(Comparator.comparing(Entry::start).reversed().thenComparing(Entry::id));
    return all;
  }

  private static <T> List<T> sorted(Map<Long, T> map, java.util.function.ToLongFunction<T> id) {
    return map.values().stream().sorted(Comparator.comparingLong(id)).toList();
  }

  private Entry replace(long id, UnaryOperator<Entry> change) {
    return entries.compute(id, (k, e) -> change.apply(require(e, "entry " + id)));
  }

  private static <T> T require(@Nullable T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException("no such " + what);
    }
    return value;
  }
}
