package dev.toggltrackmcp.sandbox;

import dev.toggltrackmcp.sandbox.World.Client;
import dev.toggltrackmcp.sandbox.World.Constraints;
import dev.toggltrackmcp.sandbox.World.Member;
import dev.toggltrackmcp.sandbox.World.Organization;
import dev.toggltrackmcp.sandbox.World.Project;
import dev.toggltrackmcp.sandbox.World.Tag;
import dev.toggltrackmcp.sandbox.World.Task;
import dev.toggltrackmcp.sandbox.World.User;
import dev.toggltrackmcp.sandbox.World.Workspace;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything in the generated world except time entries: organizations, workspaces, clients, tags,
 * projects, tasks and the people. The same for every seed; only {@code projectCount} and "now"
 * change it.
 */
final class SeedCatalog {
  static final long MAIN = 7_654_321L;
  static final long AGENCY = 7_654_322L;
  static final long SIDE = 7_654_323L;
  static final long ANA = 9_123_456L;
  static final int HISTORY_DAYS = 400;
  private static final String[] COLORS = {
    "#0b83d9", "#9e5bd9", "#d94182", "#e36a00", "#bf7000", "#2da608", "#06a893", "#c9806b",
    "#465bb3", "#990099", "#c7af14", "#566614", "#d92b2b", "#525266"
  };
  private static final String[] TOPICS = {
    "Migration", "Audit", "Retainer", "Campaign", "API", "Support", "Analytics", "Onboarding"
  };
  static final String[] NAMED_PROJECTS = {
    "Website Redesign", "Mobile App", "Brand Identity", "ERP Integration", "Data Platform",
    "Tokyo Storefront", "Internal Admin", "Legacy Support", "Proposal Writing", "Design System",
    "Analytics Dashboard", "Training"
  };

  final User ana;
  final List<Member> members = new ArrayList<>();
  final List<Organization> organizations;
  final List<Workspace> workspaces;
  final List<Client> clients = new ArrayList<>();
  final List<Tag> tags = new ArrayList<>();
  final List<Project> projects = new ArrayList<>();
  final List<Task> tasks;
  private final Map<String, Project> projectsByName = new HashMap<>();
  private final Map<String, Long> tagIds = new HashMap<>();
  private final Map<Long, List<Task>> tasksByProject = new HashMap<>();

  SeedCatalog(SimulatorOptions options, Instant now, LocalDate today) {
    Instant created = now.minus(Duration.ofDays(HISTORY_DAYS + 20));
    ana = new User(ANA, "ana@example.com", "Ana Lima", options.timezone(), MAIN, 1, created);
    members.add(new Member(ana, options.token(), true, true, Set.of(MAIN, AGENCY, SIDE), null));
    addTeam(options.timezone(), created, today);
    organizations =
        List.of(
            new Organization(6_543_210L, "Lima Consulting", "Starter"),
            new Organization(6_543_211L, "Northwind", "Premium"));
    workspaces =
        List.of(
            new Workspace(
                MAIN,
                6_543_210L,
                "Lima Consulting",
                true,
                new BigDecimal("85"),
                "EUR",
                true,
                true,
                true,
                Constraints.NONE),
            new Workspace(
                AGENCY,
                6_543_211L,
                "Northwind Agency",
                true,
                new BigDecimal("120"),
                "USD",
                false,
                false,
                false,
                new Constraints(true, false, true, false, false)),
            new Workspace(
                SIDE,
                6_543_210L,
                "Side Projects",
                false,
                null,
                "EUR",
                false,
                false,
                false,
                Constraints.NONE));
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
      clients.add(new Client(65_432_100L + i, MAIN, mainClients[i], i == 6, null, ANA, created));
    }
    clients.add(new Client(65_432_200L, AGENCY, "Northwind Traders", false, null, ANA, created));
    clients.add(new Client(65_432_201L, AGENCY, "Acme Corp", false, null, ANA, created));
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
      tags.add(new Tag(18_765_400L + i, MAIN, tagNames[i], ANA, created));
    }
    tags.add(new Tag(18_765_500L, AGENCY, "meeting", ANA, created));
    tags.add(new Tag(18_765_501L, AGENCY, "development", ANA, created));
    tags.add(new Tag(18_765_600L, SIDE, "development", ANA, created));
    tags.add(new Tag(18_765_601L, SIDE, "writing", ANA, created));
    addProjects(options.projectCount(), now.minus(Duration.ofDays(30)));
    tasks =
        List.of(
            new Task(3_456_000L, projects.get(0).id(), MAIN, "Frontend", true),
            new Task(3_456_001L, projects.get(0).id(), MAIN, "Backend", true),
            new Task(3_456_002L, projects.get(0).id(), MAIN, "QA", false),
            new Task(3_456_003L, projects.get(1).id(), MAIN, "iOS", true),
            new Task(3_456_004L, projects.get(1).id(), MAIN, "Android", true));
    projects.forEach(p -> projectsByName.putIfAbsent(p.name(), p));
    tags.forEach(t -> tagIds.put(t.workspaceId() + "/" + t.name(), t.id()));
    tasks.forEach(
        t -> tasksByProject.computeIfAbsent(t.projectId(), k -> new ArrayList<>()).add(t));
  }

  private void addTeam(String zone, Instant created, LocalDate today) {
    String[][] team = {
      {"9200001", "Bruno Costa", "bruno.costa", "admin"},
      {"9200002", "Jonas Weber", "jonas.weber", "user"},
      {"9200003", "Zoë Ñúñez", "zoe.nunez", "user"},
      {"9200004", "佐藤 花子", "hanako.sato", "user"},
      {"9200005", "Priya Raman", "priya.raman", "user"},
      {"9200006", "Mateo Rossi", "mateo.rossi", "user"},
      {"9200007", "Emma Schulz", "emma.schulz", "user"}
    };
    for (String[] m : team) {
      long id = Long.parseLong(m[0]);
      User user = new User(id, m[2] + "@limaconsulting.example", m[1], zone, MAIN, 1, created);
      boolean deactivated = m[1].equals("Mateo Rossi");
      members.add(
          new Member(
              user,
              "sim-token-" + m[2].replace('.', '-') + "-" + id,
              m[3].equals("admin"),
              !deactivated,
              Set.of(MAIN),
              deactivated ? today.minusDays(TeamLives.MATEO_LEFT_DAYS_AGO) : null));
    }
  }

  private void addProjects(int mainCount, Instant at) {
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
      String color = COLORS[i % COLORS.length];
      if (i < NAMED_PROJECTS.length) {
        boolean billable = clientOf[i] != null;
        BigDecimal rate = i == 2 ? new BigDecimal("95") : i == 4 ? new BigDecimal("110") : null;
        String currency = i == 2 ? "EUR" : i == 4 ? "USD" : null;
        projects.add(
            new Project(
                id,
                MAIN,
                clientOf[i],
                NAMED_PROJECTS[i],
                i != 7,
                billable,
                rate,
                currency,
                color,
                false,
                at));
      } else {
        Long client = i % 4 == 0 ? null : 65_432_100L + (i % 6);
        String name = String.format("P%03d %s %s", i, TOPICS[i % TOPICS.length], i % 5 + 1);
        projects.add(
            new Project(
                id, MAIN, client, name, i % 7 != 3, client != null, null, null, color, false, at));
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
            "#0b83d9",
            false,
            at));
    projects.add(
        new Project(
            202_000_002L,
            AGENCY,
            65_432_201L,
            "Acme Campaign",
            true,
            true,
            null,
            null,
            "#d94182",
            false,
            at));
    projects.add(
        new Project(
            202_000_003L,
            AGENCY,
            null,
            "Agency Ops",
            true,
            false,
            null,
            null,
            "#525266",
            false,
            at));
    projects.add(
        new Project(
            203_000_001L,
            SIDE,
            null,
            "Open Source Library",
            true,
            false,
            null,
            null,
            "#2da608",
            false,
            at));
    projects.add(
        new Project(
            203_000_002L, SIDE, null, "Blog", true, false, null, null, "#e36a00", false, at));
  }

  Project project(String name) {
    Project p = projectsByName.get(name);
    if (p == null) {
      throw new IllegalArgumentException("no project " + name);
    }
    return p;
  }

  long tag(long workspaceId, String name) {
    Long id = tagIds.get(workspaceId + "/" + name);
    if (id == null) {
      throw new IllegalArgumentException("no tag " + name + " in " + workspaceId);
    }
    return id;
  }

  List<Task> tasksOf(Project project) {
    return tasksByProject.getOrDefault(project.id(), List.of());
  }

  @Nullable Member member(String fullname) {
    return members.stream()
        .filter(m -> m.user().fullname().equals(fullname))
        .findFirst()
        .orElse(null);
  }
}
