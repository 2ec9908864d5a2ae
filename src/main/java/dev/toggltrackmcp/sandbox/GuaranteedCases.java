package dev.toggltrackmcp.sandbox;

import static dev.toggltrackmcp.sandbox.SeedCatalog.AGENCY;
import static dev.toggltrackmcp.sandbox.SeedCatalog.MAIN;
import static dev.toggltrackmcp.sandbox.SeedCatalog.SIDE;

import dev.toggltrackmcp.sandbox.ProjectMix.Activity;
import dev.toggltrackmcp.sandbox.World.Entry;
import dev.toggltrackmcp.sandbox.World.Project;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The situations tests rely on in Ana's account, fitted into her schedule so that none overlaps her
 * other work: the timer running for 47 minutes, two earlier entries today, deleted entries (recent
 * and old), late deploys crossing midnight, both DST switch nights, zero-length entries, and
 * entries in every workspace during the last week. Days that move with "now" avoid the planted and
 * the clean week.
 */
final class GuaranteedCases {
  private static final Duration DEPLOY = Duration.ofHours(2);

  private final SeedCatalog c;
  private final Instant now;
  private final ZoneId zone;
  private final LocalDate today;
  private final Predicate<LocalDate> works;
  private final Predicate<LocalDate> protectedDay;
  final List<LocalDate> deployDays;
  final List<LocalDate> zeroLengthDays;
  final Set<LocalDate> dstDays = new HashSet<>();
  final LocalDate agencyDay;
  final LocalDate sideDay;

  GuaranteedCases(
      SeedCatalog catalog,
      Instant now,
      ZoneId zone,
      Predicate<LocalDate> works,
      Predicate<LocalDate> weekend,
      Predicate<LocalDate> protectedDay) {
    this.c = catalog;
    this.now = now;
    this.zone = zone;
    this.today = LocalDate.ofInstant(now, zone);
    this.works = works;
    this.protectedDay = protectedDay;
    LocalDate monday = today.minusDays(today.getDayOfWeek().getValue() - 1L);
    LocalDate twoDaysAgo = today.minusDays(2);
    LocalDate recentDeploy =
        !twoDaysAgo.isBefore(monday) && works.test(twoDaysAgo) ? twoDaysAgo : workdayFrom(2);
    deployDays = List.of(recentDeploy, workdayFrom(40), workdayFrom(150));
    zeroLengthDays = List.of(workdayFrom(1), workdayFrom(100));
    agencyDay = recentDay(1, weekend);
    sideDay = recentDay(2, weekend);
    Instant from = now.minus(Duration.ofDays(SeedCatalog.HISTORY_DAYS));
    ZoneOffsetTransition t = zone.getRules().nextTransition(from);
    while (t != null && t.getInstant().isBefore(now)) {
      dstDays.add(LocalDate.ofInstant(t.getInstant(), zone));
      t = zone.getRules().nextTransition(t.getInstant());
    }
  }

  /** How the day's layout must make room for these cases. */
  WorkingLife.Options options(LocalDate day, WorkingLife.Options base) {
    WorkingLife.Options o = base;
    if (deployDays.contains(day)) {
      o = o.reserving(DEPLOY);
    }
    if (day.equals(agencyDay)) {
      o = o.forcing(agencyCall());
    }
    if (day.equals(sideDay)) {
      o = o.forcing(blogPost());
    }
    return o;
  }

  WorkingLife.Forced agencyCall() {
    return new WorkingLife.Forced(
        new Activity(
            AGENCY,
            c.project("Northwind Portal"),
            null,
            "Client call",
            List.of(c.tag(AGENCY, "meeting")),
            1),
        Duration.ofMinutes(90));
  }

  WorkingLife.Forced blogPost() {
    return new WorkingLife.Forced(
        new Activity(
            SIDE, c.project("Blog"), null, "Write blog post", List.of(c.tag(SIDE, "writing")), 1),
        Duration.ofMinutes(45));
  }

  Activity deploy() {
    return new Activity(
        MAIN,
        c.project("Data Platform"),
        null,
        "Deploy release",
        List.of(c.tag(MAIN, "development")),
        1);
  }

  /** The entries placed at fixed times, after the ordinary days are laid out. */
  void add(EntryBook book, Map<LocalDate, List<Entry>> days) {
    Project website = c.project("Website Redesign");
    // what Ana is doing right now
    book.add(
        new Activity(
            MAIN, website, null, "Implement login page", List.of(c.tag(MAIN, "development")), 1),
        now.minus(Duration.ofMinutes(47)),
        null);
    // earlier today: one without project or tags, one with three tags
    book.add(
        new Activity(MAIN, null, null, "Email", List.of(), 1),
        now.minus(Duration.ofMinutes(125)),
        now.minus(Duration.ofMinutes(100)));
    book.add(
        new Activity(
            MAIN,
            c.project("Mobile App"),
            null,
            "Design review meeting",
            List.of(c.tag(MAIN, "meeting"), c.tag(MAIN, "design"), c.tag(MAIN, "review")),
            1),
        now.minus(Duration.ofMinutes(95)),
        now.minus(Duration.ofMinutes(52)));
    // deleted ones, recent and old: only `since` still shows them
    for (int i = 0; i < 6; i++) {
      Instant start =
          i < 3 ? now.minus(Duration.ofDays(3 + i)) : now.minus(Duration.ofDays(200 + i));
      Instant deleted = i < 3 ? now.minus(Duration.ofDays(1)) : start.plus(Duration.ofDays(10));
      book.add(
          new Activity(MAIN, website, null, "Mistake " + i, List.of(), 1),
          start,
          start.plus(Duration.ofHours(1)),
          deleted);
    }
    // late deploys crossing local midnight: counted on the day they start
    for (LocalDate day : deployDays) {
      Instant start = day.atTime(23, 0).atZone(zone).toInstant();
      book.add(deploy(), start, start.plus(DEPLOY));
    }
    // both DST switch nights of the past year: one entry spans the switch hour
    Project brand = c.project("Brand Identity");
    List<Long> deepWork = List.of(c.tag(MAIN, "deep-work"));
    for (LocalDate day : dstDays) {
      book.add(
          new Activity(MAIN, brand, null, "Night shift across the clock change", deepWork, 1),
          day.atTime(1, 30).atZone(zone).toInstant(),
          day.atTime(3, 30).atZone(zone).toInstant());
      Instant morning = day.atTime(10, 0).atZone(zone).toInstant();
      book.add(
          new Activity(MAIN, brand, null, "Research", deepWork, 1),
          morning,
          morning.plus(Duration.ofHours(1)));
    }
    // zero-length entries, at the end of an entry before a break: entries, but no time
    for (LocalDate day : zeroLengthDays) {
      List<Entry> entries = days.getOrDefault(day, List.of());
      if (entries.size() > 1) {
        Instant at = entries.get(entries.size() / 2).stop();
        book.add(
            new Activity(MAIN, c.project("ERP Integration"), null, "Quick note", List.of(), 1),
            at,
            at);
      }
    }
  }

  /** The latest workday at least {@code daysAgo} back that is outside the protected weeks. */
  private LocalDate workdayFrom(int daysAgo) {
    LocalDate d = today.minusDays(daysAgo);
    while (!works.test(d) || protectedDay.test(d)) {
      d = d.minusDays(1);
    }
    return d;
  }

  /** {@code daysAgo} back, or earlier while that is a day off (weekends are fine). */
  private LocalDate recentDay(int daysAgo, Predicate<LocalDate> weekend) {
    LocalDate d = today.minusDays(daysAgo);
    while (!works.test(d) && !weekend.test(d)) {
      d = d.minusDays(1);
    }
    return d;
  }
}
