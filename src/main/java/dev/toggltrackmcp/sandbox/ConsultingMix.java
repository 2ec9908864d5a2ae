package dev.toggltrackmcp.sandbox;

import static dev.toggltrackmcp.sandbox.ProjectMix.pick;
import static dev.toggltrackmcp.sandbox.ProjectMix.weighted;
import static dev.toggltrackmcp.sandbox.SeedCatalog.AGENCY;
import static dev.toggltrackmcp.sandbox.SeedCatalog.MAIN;
import static dev.toggltrackmcp.sandbox.SeedCatalog.SIDE;

import dev.toggltrackmcp.sandbox.World.Project;
import dev.toggltrackmcp.sandbox.World.Task;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * How a consultant at Lima Consulting spends her hours: most of them on one or two client projects
 * in stretches of four to nine weeks, the rest on client calls, reviews, internal meetings, email
 * and admin, support for the previous client, proposals and training. The freelancer (Ana) also has
 * Northwind Agency days and side projects at weekends; her teammates only work in the main
 * workspace.
 */
final class ConsultingMix implements ProjectMix {
  private static final List<String> GENERIC =
      List.of("Implement feature", "Bug fixing", "Refactoring", "Documentation", "Deploy release");
  private static final Map<String, List<String>> SPECIFIC =
      Map.ofEntries(
          Map.entry(
              "Website Redesign",
              List.of("Landing page layout", "Accessibility fixes", "Checkout flow")),
          Map.entry("Mobile App", List.of("Push notifications", "Offline sync", "Release build")),
          Map.entry("Brand Identity", List.of("Logo concepts", "Style guide", "Colour palette")),
          Map.entry("ERP Integration", List.of("Order import", "Data mapping", "Interface tests")),
          Map.entry("Data Platform", List.of("Pipeline jobs", "Data model", "Dashboard queries")),
          Map.entry(
              "Tokyo Storefront",
              List.of("Product catalogue", "Localisation", "Payment integration")),
          Map.entry("Design System", List.of("Component library", "Design tokens")),
          Map.entry("Analytics Dashboard", List.of("Charts", "KPI definitions")),
          Map.entry("Legacy Support", List.of("Support request", "Bug fixing")));
  private static final String[][] ROTATION = {
    {"Website Redesign", "Mobile App"},
    {"ERP Integration", "Design System"},
    {"Data Platform", "Mobile App"},
    {"Brand Identity", "Analytics Dashboard"},
    {"Tokyo Storefront", "ERP Integration"},
    {"Legacy Support", "Website Redesign"},
    {"Design System", "Data Platform"},
    {"Analytics Dashboard", "Tokyo Storefront"}
  };

  /** Who works on what from {@code from} on (until the next, more recent stretch begins). */
  private record Stretch(LocalDate from, Project main, @Nullable Project second) {}

  private final SeedCatalog c;
  private final boolean freelancer;
  private final List<Stretch> stretches = new ArrayList<>(); // newest first

  /**
   * @param rotationOffset where in the rotation this person's current stretch is, so teammates work
   *     on different clients at a time
   */
  ConsultingMix(
      SeedCatalog catalog,
      boolean freelancer,
      int rotationOffset,
      LocalDate today,
      LocalDate first,
      Random random) {
    this.c = catalog;
    this.freelancer = freelancer;
    List<Project> filler =
        c.projects.stream()
            .filter(p -> p.workspaceId() == MAIN && p.clientId() != null)
            .filter(p -> p.id() >= 201_234_000L + SeedCatalog.NAMED_PROJECTS.length)
            .toList();
    LocalDate end = today.plusDays(1);
    for (int i = 0; !end.isBefore(first); i++) {
      LocalDate from = end.minusDays(28 + random.nextInt(36));
      int slot = i + rotationOffset;
      if (i < ROTATION.length || filler.isEmpty()) {
        String[] pair = ROTATION[slot % ROTATION.length];
        stretches.add(new Stretch(from, c.project(pair[0]), c.project(pair[1])));
      } else {
        stretches.add(new Stretch(from, pick(random, filler), null));
      }
      end = from;
    }
  }

  @Override
  public Day workday(LocalDate date, Random random) {
    int at = 0;
    while (at < stretches.size() - 1 && stretches.get(at).from().isAfter(date)) {
      at++;
    }
    Stretch now = stretches.get(at);
    Project previous = stretches.get(Math.min(at + 1, stretches.size() - 1)).main();
    if (freelancer && random.nextInt(100) < 12) {
      return (r, clean) -> agency(r);
    }
    boolean monday = date.getDayOfWeek() == DayOfWeek.MONDAY;
    return (r, clean) -> consulting(r, clean, now, previous, monday);
  }

  @Override
  public Day weekend(LocalDate date, Random random) {
    if (!freelancer) {
      return (r, clean) -> admin(r, true);
    }
    return (r, clean) ->
        r.nextInt(5) == 0
            ? admin(r, true)
            : r.nextBoolean()
                ? new Activity(
                    SIDE,
                    c.project("Blog"),
                    null,
                    pick(r, List.of("Write blog post", "Edit draft")),
                    List.of(c.tag(SIDE, "writing")),
                    1.5)
                : new Activity(
                    SIDE,
                    c.project("Open Source Library"),
                    null,
                    pick(r, List.of("Fix issue", "Review pull requests", "Release")),
                    List.of(c.tag(SIDE, "development")),
                    1.5);
  }

  private Activity consulting(
      Random r, boolean clean, Stretch now, Project previous, boolean monday) {
    Project focus = now.second() != null && r.nextInt(100) < 30 ? now.second() : now.main();
    Activity a =
        switch (weighted(r, 56, 9, 6, 6, 10, 6, 4, 2, 1)) {
          case 0 -> work(r, focus, 1.5);
          case 1 -> meeting(r, focus, "Client call", 0.8);
          case 2 -> new Activity(MAIN, focus, task(r, focus), "Code review", tags("review"), 0.7);
          case 3 ->
              meeting(
                  r,
                  c.project("Internal Admin"),
                  monday
                      ? "Weekly sync meeting"
                      : pick(r, List.of("Team meeting", "Sprint planning")),
                  0.8);
          case 4 -> admin(r, clean);
          case 5 -> work(r, previous, 0.8);
          case 6 ->
              new Activity(
                  MAIN,
                  c.project("Proposal Writing"),
                  null,
                  pick(r, List.of("Write proposal", "Research")),
                  tags("deep-work"),
                  1.2);
          case 7 ->
              new Activity(
                  MAIN,
                  c.project("Training"),
                  null,
                  pick(r, List.of("Workshop preparation", "Training course")),
                  tags("deep-work"),
                  1.2);
          default ->
              new Activity(
                  MAIN, focus, null, "Design review meeting", tags("meeting", "design"), 0.9);
        };
    if (clean || a.project() == null) {
      return a;
    }
    int sloppy = r.nextInt(1000);
    if (sloppy < 25) { // now and then the tags are forgotten
      return new Activity(
          a.workspaceId(), a.project(), a.taskId(), a.description(), List.of(), a.length());
    }
    if (sloppy < 30) { // or the description
      return new Activity(a.workspaceId(), a.project(), a.taskId(), "", a.tagIds(), a.length());
    }
    return a;
  }

  private Activity work(Random r, Project project, double length) {
    List<String> specific = SPECIFIC.getOrDefault(project.name(), List.of());
    String description =
        !specific.isEmpty() && r.nextBoolean() ? pick(r, specific) : pick(r, GENERIC);
    boolean design =
        project.name().equals("Brand Identity") || project.name().equals("Design System");
    List<Long> tags = design ? tags("design") : tags("development");
    if (r.nextInt(6) == 0) {
      tags = List.of(tags.get(0), c.tag(MAIN, "deep-work"));
    }
    return new Activity(MAIN, project, task(r, project), description, tags, length);
  }

  private Activity meeting(Random r, Project project, String description, double length) {
    return new Activity(MAIN, project, null, description, tags("meeting"), length);
  }

  /** Email and admin: on the internal project, or (not on clean days) without one. */
  private Activity admin(Random r, boolean clean) {
    String description = pick(r, List.of("Email", "Email", "Invoice and admin", "Timesheets"));
    Project project = !clean && r.nextInt(100) < 40 ? null : c.project("Internal Admin");
    return new Activity(MAIN, project, null, description, tags("admin"), 0.5);
  }

  private Activity agency(Random r) {
    return switch (weighted(r, 50, 25, 15, 10)) {
      case 0 ->
          new Activity(
              AGENCY,
              c.project("Northwind Portal"),
              null,
              pick(r, GENERIC),
              List.of(c.tag(AGENCY, "development")),
              1.5);
      case 1 ->
          new Activity(
              AGENCY,
              c.project("Acme Campaign"),
              null,
              pick(r, List.of("Campaign assets", "Client call")),
              List.of(c.tag(AGENCY, "meeting")),
              1.0);
      case 2 ->
          new Activity(
              AGENCY,
              c.project("Agency Ops"),
              null,
              "Agency stand-up",
              List.of(c.tag(AGENCY, "meeting")),
              0.5);
      default -> admin(r, true);
    };
  }

  private @Nullable Long task(Random r, Project project) {
    List<Task> tasks = c.tasksOf(project);
    return tasks.isEmpty() || r.nextInt(100) >= 60 ? null : pick(r, tasks).id();
  }

  private List<Long> tags(String... names) {
    List<Long> ids = new ArrayList<>();
    for (String n : names) {
      ids.add(c.tag(MAIN, n));
    }
    return ids;
  }
}
