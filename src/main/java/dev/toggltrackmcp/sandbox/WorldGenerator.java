package dev.toggltrackmcp.sandbox;

import static dev.toggltrackmcp.sandbox.SeedCatalog.HISTORY_DAYS;

import dev.toggltrackmcp.sandbox.World.Absence;
import dev.toggltrackmcp.sandbox.World.Entry;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds the seeded world described on {@link Dataset}: Ana's 400 days, day by day in her zone,
 * with the cases tests rely on and the planted timesheet week, then her team's.
 */
final class WorldGenerator {
  /** Entries that are not part of ordinary days: the guaranteed and planted cases. */
  private static final int SPECIAL_ENTRIES = 30;

  private final SimulatorOptions options;
  private final Instant now;
  private final ZoneId zone;
  private final LocalDate today;
  private final LocalDate first;
  private final LocalDate plantedWeek;
  private final LocalDate cleanWeek;

  private WorldGenerator(SimulatorOptions options, Instant now) {
    this.options = options;
    this.now = now;
    this.zone = ZoneId.of(options.timezone());
    this.today = LocalDate.ofInstant(now, zone);
    this.first = today.minusDays(HISTORY_DAYS);
    LocalDate monday = today.minusDays(today.getDayOfWeek().getValue() - 1L);
    this.plantedWeek = monday.minusWeeks(1);
    this.cleanWeek = monday.minusWeeks(2);
  }

  static Dataset generate(SimulatorOptions options, Instant now) {
    return new WorldGenerator(options, now).build();
  }

  private Dataset build() {
    SeedCatalog catalog = new SeedCatalog(options, now, today);
    Random random = new Random(options.seed());
    WorkCalendar calendar =
        new WorkCalendar(
            random,
            first,
            today,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            d -> !d.isBefore(cleanWeek));
    GuaranteedCases cases =
        new GuaranteedCases(
            catalog,
            now,
            zone,
            calendar::works,
            calendar::weekend,
            d -> !d.isBefore(cleanWeek) && d.isBefore(plantedWeek.plusWeeks(1)));
    PlantedWeek planted = new PlantedWeek(plantedWeek, calendar::works);
    EntryBook book = new EntryBook(SeedCatalog.ANA, 4_100_000_000L, random);
    WorkingLife life =
        new WorkingLife(
            new WorkingLife.Profile(
                LocalTime.of(8, 50), Duration.ofMinutes(445), entriesPerDay(calendar), 8),
            new ConsultingMix(catalog, true, 0, today, first, random),
            zone,
            random,
            book);
    Map<LocalDate, List<Entry>> days = new HashMap<>();
    for (LocalDate d = first; d.isBefore(today); d = d.plusDays(1)) {
      WorkingLife.Options o = cases.options(d, WorkingLife.Options.ORDINARY);
      if (!d.isBefore(cleanWeek)) {
        o = o.cleanOnly();
      }
      if (!d.isBefore(plantedWeek) && d.isBefore(plantedWeek.plusWeeks(1))) {
        o = planted.options(d, o);
      }
      if (calendar.works(d)) {
        days.put(d, life.workday(d, o));
      } else if (calendar.weekend(d) && !o.forced().isEmpty()) {
        days.put(d, life.session(d, o.forced().stream().toList(), true));
      } else if (calendar.weekend(d) && !cases.dstDays.contains(d) && life.weekendSession()) {
        days.put(d, life.session(d, List.of(), o.clean()));
      }
    }
    PlantedCases plantedCases =
        planted.plant(
            days,
            book,
            cases.deploy(),
            List.of(catalog.tag(SeedCatalog.MAIN, "meeting")),
            zone,
            random,
            cleanWeek);
    cases.add(book, days);
    TeamLives team = new TeamLives(catalog, now, zone, options.seed());
    List<Entry> entries = new ArrayList<>(book.entries());
    Map<Long, Map<LocalDate, Absence>> daysOff = new HashMap<>();
    daysOff.put(SeedCatalog.ANA, calendar.daysOff());
    team.generate(entries, daysOff);
    return new Dataset(catalog, entries, plantedCases, daysOff);
  }

  /** How finely Ana's workdays are cut so that {@code entryCount} entries fill her history. */
  private double entriesPerDay(WorkCalendar calendar) {
    int workdays = 0;
    for (LocalDate d = first; d.isBefore(today); d = d.plusDays(1)) {
      if (calendar.works(d)) {
        workdays++;
      }
    }
    return Math.max(1.0, (options.entryCount() - SPECIAL_ENTRIES) / (double) Math.max(1, workdays));
  }
}
