package dev.toggltrackmcp.sandbox;

import dev.toggltrackmcp.sandbox.World.Client;
import dev.toggltrackmcp.sandbox.World.Entry;
import dev.toggltrackmcp.sandbox.World.Organization;
import dev.toggltrackmcp.sandbox.World.Project;
import dev.toggltrackmcp.sandbox.World.Tag;
import dev.toggltrackmcp.sandbox.World.Task;
import dev.toggltrackmcp.sandbox.World.User;
import dev.toggltrackmcp.sandbox.World.Workspace;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/** Builds the seeded world described on {@link Dataset}. */
final class WorldGenerator {
  static final long MAIN = 7_654_321L;
  static final long AGENCY = 7_654_322L;
  static final long SIDE = 7_654_323L;
  static final int HISTORY_DAYS = 400;
  private static final String[] DESCRIPTIONS = {
    "Weekly sync meeting",
    "Client call",
    "Code review",
    "Design review meeting",
    "Sprint planning",
    "Bug fixing",
    "Email",
    "Write proposal",
    "Implement feature",
    "Refactoring",
    "Documentation",
    "Deploy release",
    "Research",
    "Invoice and admin",
    "Team meeting",
    "Workshop preparation",
    ""
  };
  private static final String[] TOPICS = {
    "Migration", "Audit", "Retainer", "Campaign", "API", "Support", "Analytics", "Onboarding"
  };

  private final Random random;
  private final Instant now;
  private final ZoneId zone;
  private final List<Entry> entries = new ArrayList<>();
  private final List<Project> projects = new ArrayList<>();
  private final List<Tag> tags = new ArrayList<>();
  private long nextEntryId = 4_100_000_000L;

  private WorldGenerator(SimulatorOptions options, Instant now) {
    this.random = new Random(options.seed());
    this.now = now;
    this.zone = ZoneId.of(options.timezone());
  }

  static Dataset generate(SimulatorOptions options, Instant now) {
    return new WorldGenerator(options, now).build(options);
  }

  private Dataset build(SimulatorOptions options) {
    Instant created = now.minus(Duration.ofDays(HISTORY_DAYS + 20));
    User user =
        new User(9_123_456L, "ana@example.com", "Ana Lima", options.timezone(), MAIN, 1, created);
    List<Organization> orgs =
        List.of(
            new Organization(6_543_210L, "Lima Consulting", "Starter"),
            new Organization(6_543_211L, "Northwind", "Premium"));
    List<Workspace> workspaces =
        List.of(
            new Workspace(MAIN, 6_543_210L, "Lima Consulting", true, new BigDecimal("85"), "EUR"),
            new Workspace(
                AGENCY, 6_543_211L, "Northwind Agency", true, new BigDecimal("120"), "USD"),
            new Workspace(SIDE, 6_543_210L, "Side Projects", false, null, "EUR"));
    List<Client> clients = new ArrayList<>();
    String[] mainClients = {
      "Acme Corp",
      "Globex",
      "Müller & Söhne GmbH",
      "Café Lumière",
      "Škoda Digital",
      "東京デザイン",
      "Initech"
    };
    for (int i = 0; i < mainClients.length; i++) {
      clients.add(new Client(65_432_100L + i, MAIN, mainClients[i], i == 6));
    }
    clients.add(new Client(65_432_200L, AGENCY, "Northwind Traders", false));
    clients.add(new Client(65_432_201L, AGENCY, "Acme Corp", false));

    String[] tagNames = {
      "meeting",
      "development",
      "design",
      "review",
      "admin",
      "deep-work",
      "billable-review",
      "travel"
    };
    for (int i = 0; i < tagNames.length; i++) {
      tags.add(new Tag(18_765_400L + i, MAIN, tagNames[i]));
    }
    tags.add(new Tag(18_765_500L, AGENCY, "meeting"));
    tags.add(new Tag(18_765_501L, AGENCY, "development"));
    tags.add(new Tag(18_765_600L, SIDE, "development"));

    addProjects(options.projectCount());
    List<Task> tasks =
        List.of(
            new Task(3_456_000L, projects.get(0).id(), MAIN, "Frontend", true),
            new Task(3_456_001L, projects.get(0).id(), MAIN, "Backend", true),
            new Task(3_456_002L, projects.get(0).id(), MAIN, "QA", false),
            new Task(3_456_003L, projects.get(1).id(), MAIN, "iOS", true),
            new Task(3_456_004L, projects.get(1).id(), MAIN, "Android", true));

    int regular = Math.max(0, options.entryCount() - 40);
    for (int i = 0; i < regular; i++) {
      addRegularEntry(tasks);
    }
    addGuaranteedCases();
    return new Dataset(user, orgs, workspaces, clients, projects, tags, tasks, entries);
  }

  private void addProjects(int mainCount) {
    Instant at = now.minus(Duration.ofDays(30));
    String[] named = {
      "Website Redesign", "Mobile App", "Brand Identity", "ERP Integration", "Data Platform",
      "Tokyo Storefront", "Internal Admin", "Legacy Support", "Proposal Writing", "Design System",
      "Analytics Dashboard", "Training"
    };
    Long[] clientOf = {
      65_432_100L,
      65_432_101L,
      65_432_103L,
      65_432_102L,
      65_432_104L,
      65_432_105L,
      null,
      65_432_106L,
      null,
      65_432_100L,
      65_432_101L,
      null
    };
    for (int i = 0; i < mainCount; i++) {
      long id = 201_234_000L + i;
      if (i < named.length) {
        boolean billable = clientOf[i] != null;
        BigDecimal rate = i == 2 ? new BigDecimal("95") : i == 4 ? new BigDecimal("110") : null;
        String currency = i == 2 ? "EUR" : i == 4 ? "USD" : null;
        projects.add(
            new Project(id, MAIN, clientOf[i], named[i], i != 7, billable, rate, currency, at));
      } else {
        Long client = i % 4 == 0 ? null : 65_432_100L + (i % 6);
        String name = String.format("P%03d %s %s", i, TOPICS[i % TOPICS.length], i % 5 + 1);
        projects.add(
            new Project(id, MAIN, client, name, i % 7 != 3, client != null, null, null, at));
      }
    }
    projects.add(
        new Project(
            202_000_001L,
            AGENCY,
            65_432_200L,
            "Northwind Portal",
            true,
            true,
            new BigDecimal("130"),
            "USD",
            at));
    projects.add(
        new Project(
            202_000_002L, AGENCY, 65_432_201L, "Acme Campaign", true, true, null, null, at));
    projects.add(
        new Project(202_000_003L, AGENCY, null, "Agency Ops", true, false, null, null, at));
    projects.add(
        new Project(203_000_001L, SIDE, null, "Open Source Library", true, false, null, null, at));
    projects.add(new Project(203_000_002L, SIDE, null, "Blog", true, false, null, null, at));
  }

  private void addRegularEntry(List<Task> tasks) {
    while (true) {
      LocalDate day = LocalDate.ofInstant(now, zone).minusDays(random.nextInt(HISTORY_DAYS));
      boolean weekend = day.getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue();
      if (weekend && random.nextInt(100) < 85) {
        continue;
      }
      LocalTime time = LocalTime.of(7 + random.nextInt(11), random.nextInt(4) * 15);
      Instant start = day.atTime(time).atZone(zone).toInstant();
      Instant stop = start.plus(Duration.ofMinutes(10 + random.nextInt(171)));
      if (stop.isAfter(now.minus(Duration.ofHours(1)))) {
        continue;
      }
      long workspace = pickWorkspace();
      Project project = pickProject(workspace);
      Long taskId = null;
      if (project != null && project.id() == projects.get(0).id() && random.nextBoolean()) {
        taskId = tasks.get(random.nextInt(3)).id();
      }
      String description = DESCRIPTIONS[random.nextInt(DESCRIPTIONS.length)];
      add(
          workspace,
          project,
          taskId,
          start,
          stop,
          description,
          pickTags(workspace, description),
          null);
      return;
    }
  }

  private long pickWorkspace() {
    int roll = random.nextInt(100);
    return roll < 85 ? MAIN : roll < 95 ? AGENCY : SIDE;
  }

  private @Nullable Project pickProject(long workspace) {
    if (random.nextInt(100) < 10) {
      return null;
    }
    List<Project> in = projects.stream().filter(p -> p.workspaceId() == workspace).toList();
    if (workspace == MAIN && random.nextInt(100) < 20) {
      return in.get(random.nextInt(in.size()));
    }
    return in.get(random.nextInt(Math.min(in.size(), 12)));
  }

  private List<Long> pickTags(long workspace, String description) {
    List<Tag> in = tags.stream().filter(t -> t.workspaceId() == workspace).toList();
    List<Long> chosen = new ArrayList<>();
    if (description.toLowerCase().contains("meeting") || description.equals("Client call")) {
      chosen.add(in.get(0).id());
    }
    int roll = random.nextInt(100);
    int wanted = roll < 30 ? 0 : roll < 75 ? 1 : roll < 93 ? 2 : 3;
    for (int i = 0; i < wanted && chosen.size() < 3; i++) {
      long id = in.get(random.nextInt(in.size())).id();
      if (!chosen.contains(id)) {
        chosen.add(id);
      }
    }
    return chosen;
  }

  private void addGuaranteedCases() {
    Project website = projects.get(0);
    LocalDate today = LocalDate.ofInstant(now, zone);
    // what the user is doing right now
    add(
        MAIN,
        website,
        null,
        now.minus(Duration.ofMinutes(47)),
        null,
        "Implement login page",
        List.of(tags.get(1).id()),
        null);
    // earlier today: one without project or tags, one with three tags
    add(
        MAIN,
        null,
        null,
        now.minus(Duration.ofMinutes(200)),
        now.minus(Duration.ofMinutes(170)),
        "Email",
        List.of(),
        null);
    add(
        MAIN,
        projects.get(1),
        null,
        now.minus(Duration.ofMinutes(165)),
        now.minus(Duration.ofMinutes(60)),
        "Design review meeting",
        List.of(tags.get(0).id(), tags.get(2).id(), tags.get(3).id()),
        null);
    // deleted ones, recent and old
    for (int i = 0; i < 6; i++) {
      Instant start =
          i < 3 ? now.minus(Duration.ofDays(3 + i)) : now.minus(Duration.ofDays(200 + i));
      Instant deleted = i < 3 ? now.minus(Duration.ofDays(1)) : start.plus(Duration.ofDays(10));
      add(
          MAIN,
          website,
          null,
          start,
          start.plus(Duration.ofHours(1)),
          "Mistake " + i,
          List.of(),
          deleted);
    }
    // crossing local midnight: counted on the day they start
    for (int daysAgo : new int[] {2, 40, 150}) {
      Instant start = today.minusDays(daysAgo).atTime(23, 0).atZone(zone).toInstant();
      add(
          MAIN,
          projects.get(4),
          null,
          start,
          start.plus(Duration.ofHours(2)),
          "Deploy release",
          List.of(tags.get(1).id()),
          null);
    }
    // both DST switches of the past year, one entry spanning the switch hour
    Instant from = now.minus(Duration.ofDays(HISTORY_DAYS));
    ZoneOffsetTransition t = zone.getRules().nextTransition(from);
    while (t != null && t.getInstant().isBefore(now)) {
      LocalDate day = LocalDate.ofInstant(t.getInstant(), zone);
      Instant start = day.atTime(1, 30).atZone(zone).toInstant();
      add(
          MAIN,
          projects.get(2),
          null,
          start,
          day.atTime(3, 30).atZone(zone).toInstant(),
          "Night shift across the clock change",
          List.of(tags.get(5).id()),
          null);
      Instant morning = day.atTime(10, 0).atZone(zone).toInstant();
      add(
          MAIN,
          projects.get(2),
          null,
          morning,
          morning.plus(Duration.ofHours(1)),
          "Research",
          List.of(),
          null);
      t = zone.getRules().nextTransition(t.getInstant());
    }
    // zero-length entries count as entries but add no time
    for (int daysAgo : new int[] {5, 100}) {
      Instant start = today.minusDays(daysAgo).atTime(12, 0).atZone(zone).toInstant();
      add(MAIN, projects.get(3), null, start, start, "Quick note", List.of(), null);
    }
    // every workspace appears in the last week
    add(
        AGENCY,
        projects.get(projects.size() - 5),
        null,
        now.minus(Duration.ofDays(1)),
        now.minus(Duration.ofDays(1)).plus(Duration.ofMinutes(90)),
        "Client call",
        List.of(18_765_500L),
        null);
    add(
        SIDE,
        projects.get(projects.size() - 2),
        null,
        now.minus(Duration.ofDays(2)),
        now.minus(Duration.ofDays(2)).plus(Duration.ofMinutes(45)),
        "Write blog post",
        List.of(),
        null);
  }

  private void add(
      long workspace,
      @Nullable Project project,
      @Nullable Long taskId,
      Instant start,
      @Nullable Instant stop,
      String description,
      List<Long> tagIds,
      @Nullable Instant deletedAt) {
    Instant at = stop == null ? start : stop.plusSeconds(30);
    if (deletedAt != null) {
      at = deletedAt;
    }
    boolean billable = project != null && project.billable();
    entries.add(
        new Entry(
            nextEntryId,
            workspace,
            project == null ? null : project.id(),
            taskId,
            billable,
            start,
            stop,
            description,
            tagIds,
            at,
            deletedAt));
    nextEntryId += 13 + random.nextInt(5);
  }
}
