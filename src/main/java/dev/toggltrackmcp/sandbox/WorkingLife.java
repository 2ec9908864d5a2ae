package dev.toggltrackmcp.sandbox;

import dev.toggltrackmcp.sandbox.ProjectMix.Activity;
import dev.toggltrackmcp.sandbox.World.Entry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Lays out one person's days as a believable timesheet: a start around their usual hour, entries
 * one after the other with short breaks and a lunch gap, never overlapping, until the day's worked
 * time (5¼–9¾ h, mostly 6–8½ h) is reached. Local times are the person's zone, so days of 23 or 25
 * hours come out right.
 */
final class WorkingLife {
  private static final long MINUTE = 60;
  private static final LocalTime LATEST_WORK = LocalTime.of(21, 30);
  private static final LocalTime LATEST_STOP = LocalTime.of(22, 0);

  /** Entries of a mix come out about this much longer than the base length (weights, spread). */
  private static final double MIX_LENGTH = 1.3;

  /**
   * @param usualStart when a workday usually begins
   * @param usualDay worked time on an average workday
   * @param entriesPerDay how many entries an average workday is cut into
   * @param weekendPercent chance that a weekend day has a short session of work
   */
  record Profile(
      LocalTime usualStart, Duration usualDay, double entriesPerDay, int weekendPercent) {}

  /**
   * How one day differs from an ordinary one.
   *
   * @param reserved worked time taken by entries placed elsewhere that day (a late deploy), so the
   *     day's total stays plausible
   * @param forced activities that must happen that day, each with its length
   * @param bigGap a gap of more than two hours instead of the lunch break
   * @param clean only complete entries (project, description, tags)
   * @param cutoff "now", for today: nothing starts after it and the entry it falls in is running
   */
  record Options(
      Duration reserved,
      List<Forced> forced,
      boolean bigGap,
      boolean clean,
      @Nullable Instant cutoff) {
    static final Options ORDINARY = new Options(Duration.ZERO, List.of(), false, false, null);

    Options {
      forced = List.copyOf(forced);
    }

    Options reserving(Duration more) {
      return new Options(reserved.plus(more), forced, bigGap, clean, cutoff);
    }

    Options forcing(Forced f) {
      List<Forced> all = new ArrayList<>(forced);
      all.add(f);
      return new Options(reserved, all, bigGap, clean, cutoff);
    }

    Options withBigGap() {
      return new Options(reserved, forced, true, clean, cutoff);
    }

    Options cleanOnly() {
      return new Options(reserved, forced, bigGap, true, cutoff);
    }

    Options until(Instant now) {
      return new Options(reserved, forced, bigGap, clean, now);
    }
  }

  /** An activity that has to be in a day, with its exact length. */
  record Forced(Activity activity, Duration length) {}

  private final Profile profile;
  private final ProjectMix mix;
  private final ZoneId zone;
  private final Random random;
  private final EntryBook book;
  private final long meanPiece;
  private final long minPiece;
  private final long maxPiece;

  WorkingLife(Profile profile, ProjectMix mix, ZoneId zone, Random random, EntryBook book) {
    this.profile = profile;
    this.mix = mix;
    this.zone = zone;
    this.random = random;
    this.book = book;
    long wanted = (long) (profile.usualDay().toSeconds() / profile.entriesPerDay());
    this.meanPiece = Math.max(30, Math.round(wanted / MIX_LENGTH));
    this.minPiece = Math.min(15 * MINUTE, Math.max(30, wanted * 2 / 5));
    this.maxPiece = Math.max(3 * 60 * MINUTE, 2 * wanted);
  }

  /** One workday, its entries in order. */
  List<Entry> workday(LocalDate date, Options options) {
    ProjectMix.Day day = mix.workday(date, random);
    LocalTime startTime =
        clamp(
            profile.usualStart().plusSeconds((long) (random.nextGaussian() * 20 * MINUTE)),
            LocalTime.of(7, 0),
            LocalTime.of(10, 30));
    Instant t = at(date, startTime);
    long target =
        clamp(
                profile.usualDay().toSeconds() + (long) (random.nextGaussian() * 45 * MINUTE),
                (5 * 60 + 15) * MINUTE,
                (9 * 60 + 45) * MINUTE)
            - options.reserved().toSeconds();
    target = Math.max(target, 2 * 60 * MINUTE);
    long forcedTotal = options.forced().stream().mapToLong(f -> f.length().toSeconds()).sum();
    long regularBudget = Math.max(2 * minPiece, target - forcedTotal);
    Map<Integer, Forced> forcedAt = placeForced(options.forced(), regularBudget);
    Instant latest = at(date, LATEST_WORK);
    Instant latestStop = date.atTime(LATEST_STOP).atZone(zone).toInstant();
    List<Entry> out = new ArrayList<>();
    long worked = 0;
    long regular = 0;
    boolean lunch = false;
    for (int index = 0;
        (regular < regularBudget || !forcedAt.isEmpty()) && t.isBefore(latest);
        index++) {
      Forced forced = forcedAt.remove(index);
      if (forced == null && regular >= regularBudget) {
        forced = forcedAt.remove(forcedAt.keySet().iterator().next());
      }
      Activity activity = forced != null ? forced.activity() : day.next(random, options.clean());
      long length =
          forced != null
              ? forced.length().toSeconds()
              : pieceLength(activity, regularBudget - regular);
      length = Math.min(length, latestStop.getEpochSecond() - t.getEpochSecond());
      Instant stop = t.plusSeconds(length);
      if (options.cutoff() != null && !stop.isBefore(options.cutoff())) {
        if (t.isBefore(options.cutoff())) {
          out.add(book.add(activity, t, null)); // still going at "now"
        }
        return out;
      }
      out.add(book.add(activity, t, stop));
      worked += length;
      regular += forced == null ? length : 0;
      t = stop;
      if (!lunch && worked < target && (localTime(t).getHour() >= 12 || worked > target * 3 / 5)) {
        lunch = true;
        t = t.plusSeconds(options.bigGap() ? between(130, 160) * MINUTE : between(30, 60) * MINUTE);
      } else {
        t = t.plusSeconds(shortBreak());
      }
    }
    return out;
  }

  /** A short weekend session: one to three entries from midday (mornings stay free). */
  List<Entry> session(LocalDate date, List<Forced> forced, boolean clean) {
    ProjectMix.Day day = mix.weekend(date, random);
    Instant t = at(date, LocalTime.of(12 + random.nextInt(4), random.nextInt(60)));
    List<Entry> out = new ArrayList<>();
    int pieces = forced.isEmpty() ? 1 + random.nextInt(3) : forced.size();
    for (int i = 0; i < pieces; i++) {
      Activity activity = forced.isEmpty() ? day.next(random, clean) : forced.get(i).activity();
      long length =
          forced.isEmpty()
              ? Math.max(minPiece, Math.min(between(30, 90) * MINUTE, 3 * meanPiece))
              : forced.get(i).length().toSeconds();
      out.add(book.add(activity, t, t.plusSeconds(length)));
      t = t.plusSeconds(length + between(5, 20) * MINUTE);
    }
    return out;
  }

  boolean weekendSession() {
    return random.nextInt(100) < profile.weekendPercent();
  }

  private Map<Integer, Forced> placeForced(List<Forced> forced, long target) {
    Map<Integer, Forced> at = new java.util.TreeMap<>();
    int pieces = (int) Math.max(forced.size(), Math.min(6, target / meanPiece));
    for (Forced f : forced) {
      int index;
      do {
        index = random.nextInt(pieces);
      } while (at.containsKey(index));
      at.put(index, f);
    }
    return at;
  }

  /** Lengths vary around the person's mean; the day's last entry takes what is left. */
  private long pieceLength(Activity activity, long remaining) {
    double factor = activity.length() * Math.exp(random.nextGaussian() * 0.45);
    long length = clamp(Math.round(meanPiece * factor), minPiece, maxPiece);
    if (length >= remaining) {
      return remaining;
    }
    if (remaining - length < minPiece) {
      return remaining - minPiece >= minPiece ? remaining - minPiece : remaining;
    }
    return length;
  }

  private long shortBreak() {
    int roll = random.nextInt(100);
    long gap =
        roll < 55
            ? random.nextInt(91)
            : roll < 90 ? between(2, 8) * MINUTE : between(10, 20) * MINUTE;
    return Math.min(gap, meanPiece / 2) + random.nextInt(30);
  }

  private long between(int low, int high) {
    return low + random.nextInt(high - low + 1);
  }

  private Instant at(LocalDate date, LocalTime time) {
    return date.atTime(time).atZone(zone).toInstant().plusSeconds(random.nextInt(60));
  }

  private LocalTime localTime(Instant t) {
    return t.atZone(zone).toLocalTime();
  }

  private static long clamp(long value, long low, long high) {
    return Math.max(low, Math.min(high, value));
  }

  private static LocalTime clamp(LocalTime value, LocalTime low, LocalTime high) {
    return value.isBefore(low) ? low : value.isAfter(high) ? high : value;
  }
}
