package dev.toggltrackmcp.sandbox;

import dev.toggltrackmcp.sandbox.World.Absence;
import dev.toggltrackmcp.sandbox.World.Entry;
import dev.toggltrackmcp.sandbox.World.Member;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The working lives of Ana's teammates in Lima Consulting: each their own hours, holidays and
 * clients, over the same 400 days (less for Emma, who joined five months ago, and for Mateo, who
 * left and was deactivated). Whoever is at work at "now" has a timer running.
 */
final class TeamLives {
  static final int MATEO_LEFT_DAYS_AGO = 130;
  static final int EMMA_JOINED_DAYS_AGO = 150;

  private record Habits(
      LocalTime start,
      int dayMinutes,
      double entriesPerDay,
      Set<DayOfWeek> workdays,
      int weekendPercent,
      int rotation,
      int joinedDaysAgo,
      int leftDaysAgo) {}

  private static final Set<DayOfWeek> FULL_TIME = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
  private static final Map<String, Habits> HABITS =
      Map.of(
          "Bruno Costa",
          new Habits(LocalTime.of(8, 15), 470, 6.5, FULL_TIME, 6, 2, SeedCatalog.HISTORY_DAYS, 0),
          "Jonas Weber",
          new Habits(LocalTime.of(9, 10), 450, 7, FULL_TIME, 4, 1, SeedCatalog.HISTORY_DAYS, 0),
          "Zoë Ñúñez",
          new Habits(LocalTime.of(8, 30), 430, 6, FULL_TIME, 3, 3, SeedCatalog.HISTORY_DAYS, 0),
          "佐藤 花子",
          new Habits(LocalTime.of(9, 0), 455, 5.5, FULL_TIME, 3, 4, SeedCatalog.HISTORY_DAYS, 0),
          "Priya Raman",
          new Habits(
              LocalTime.of(8, 45),
              360,
              5,
              EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
              0,
              6,
              SeedCatalog.HISTORY_DAYS,
              0),
          "Mateo Rossi",
          new Habits(
              LocalTime.of(8, 40),
              440,
              6,
              FULL_TIME,
              3,
              7,
              SeedCatalog.HISTORY_DAYS,
              MATEO_LEFT_DAYS_AGO),
          "Emma Schulz",
          new Habits(LocalTime.of(9, 20), 440, 6.5, FULL_TIME, 2, 0, EMMA_JOINED_DAYS_AGO, 0));

  private final SeedCatalog catalog;
  private final Instant now;
  private final ZoneId zone;
  private final LocalDate today;
  private final long seed;

  TeamLives(SeedCatalog catalog, Instant now, ZoneId zone, long seed) {
    this.catalog = catalog;
    this.now = now;
    this.zone = zone;
    this.today = LocalDate.ofInstant(now, zone);
    this.seed = seed;
  }

  /** Adds every teammate's entries to {@code into} and their days off to {@code daysOff}. */
  void generate(List<Entry> into, Map<Long, Map<LocalDate, Absence>> daysOff) {
    int index = 0;
    for (Member member : catalog.members) {
      Habits habits = HABITS.get(member.user().fullname());
      if (habits == null) {
        continue; // Ana, generated on her own
      }
      Random random = new Random(seed * 31 + member.id());
      LocalDate first = today.minusDays(habits.joinedDaysAgo());
      LocalDate last = today.minusDays(habits.leftDaysAgo());
      WorkCalendar calendar = new WorkCalendar(random, first, last, habits.workdays(), d -> false);
      EntryBook book = new EntryBook(member.id(), 4_300_000_000L + index++ * 40_000_000L, random);
      WorkingLife life =
          new WorkingLife(
              new WorkingLife.Profile(
                  habits.start(),
                  Duration.ofMinutes(habits.dayMinutes()),
                  habits.entriesPerDay(),
                  habits.weekendPercent()),
              new ConsultingMix(catalog, false, habits.rotation(), today, first, random),
              zone,
              random,
              book);
      for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
        if (calendar.works(d)) {
          life.workday(
              d,
              d.equals(today)
                  ? WorkingLife.Options.ORDINARY.until(now)
                  : WorkingLife.Options.ORDINARY);
        } else if (calendar.weekend(d) && d.isBefore(today) && life.weekendSession()) {
          life.session(d, List.of(), false);
        }
      }
      into.addAll(book.entries());
      daysOff.put(member.id(), calendar.daysOff());
    }
  }
}
