package dev.toggltrackmcp.arguments;

import dev.toggltrackmcp.analytics.EntryView;
import dev.toggltrackmcp.analytics.Hours;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * When an entry runs, as the model wrote it: {@code start}, {@code stop} and {@code duration}
 * ("1h30m" or minutes), or the original Python server's {@code start_time} and {@code
 * duration_minutes}. A local date-time is read in the user's Toggl timezone; one that the clocks
 * skip or repeat on a DST night is refused with the choices. {@link #read} checks what needs no
 * timezone; the rest is checked when the interval is resolved, always before anything is sent.
 */
public record EntryTimes(@Nullable When start, @Nullable When stop, @Nullable Duration duration) {

  /** Reads the times of a new or changed entry; {@code original} also reads the old names. */
  public static EntryTimes read(Arguments args, boolean original) {
    When start = time(args, "start");
    Duration duration = args.length("duration");
    if (original) {
      When startTime = time(args, "start_time");
      Duration minutes = args.length("duration_minutes");
      if (startTime != null && start != null) {
        throw new InvalidArgument(
            "start_time", "Give start or start_time (the same thing), not both.");
      }
      if (minutes != null && duration != null) {
        throw new InvalidArgument(
            "duration_minutes", "Give duration or duration_minutes (the same thing), not both.");
      }
      start = start == null ? startTime : start;
      duration = duration == null ? minutes : duration;
    }
    return new EntryTimes(start, time(args, "stop"), duration);
  }

  /** Only a start (for a timer). */
  public static EntryTimes startOnly(Arguments args) {
    return new EntryTimes(time(args, "start"), null, null);
  }

  public boolean given() {
    return start != null || stop != null || duration != null;
  }

  /** A resolved interval; a null {@code stop} is a running entry. */
  public record Interval(Instant start, @Nullable Instant stop) {
    public long seconds() {
      return stop == null ? 0 : Duration.between(start, stop).getSeconds();
    }
  }

  /** The one finished interval of a new entry: start and stop, start + duration, or all three. */
  public Interval finished(ZoneId zone, Instant now) {
    Instant from = start == null ? null : at(start, "start", zone);
    Instant to = stop == null ? null : at(stop, "stop", zone);
    if (from == null && (to == null || duration == null)) {
      throw new InvalidArgument(
          "start",
          "Say when the entry started, e.g. {\"start\": \"2026-11-24T14:00\", \"duration\":"
              + " \"1h30m\"} or {\"start\": \"2026-11-24T14:00\", \"stop\": \"2026-11-24T15:30\"}"
              + " (local times in your Toggl timezone, "
              + zone.getId()
              + ").");
    }
    if (to == null && duration == null) {
      throw new InvalidArgument(
          "stop",
          "Give stop or duration too (e.g. \"duration\": \"1h30m\" or 90 minutes); to start a"
              + " timer that keeps running, call start_time_entry.");
    }
    if (from == null) {
      from = to.minus(duration);
    } else if (to == null) {
      to = from.plus(duration);
    } else if (duration != null && !from.plus(duration).equals(to)) {
      throw new InvalidArgument(
          "duration",
          "start, stop and duration disagree: start "
              + local(from, zone)
              + " plus "
              + Hours.hms(duration.getSeconds())
              + " is "
              + local(from.plus(duration), zone)
              + ", not stop "
              + local(to, zone)
              + ". Give start with either stop or duration.");
    }
    return checked(new Interval(from, to), zone, now);
  }

  /** A timer's start: now unless given; it may lie in the past, never in the future. */
  public Instant timerStart(ZoneId zone, Instant now) {
    Instant from = start == null ? now : at(start, "start", zone);
    if (from.isAfter(now)) {
      throw future("start", from, zone, now);
    }
    return from;
  }

  /**
   * The interval of {@code entry} after this change: a new start keeps the stop (the length
   * changes), a duration counts from the (new) start, and a stop or duration stops a running entry.
   */
  public Interval changed(TimeEntry entry, ZoneId zone, Instant now) {
    Instant from = start == null ? entry.start() : at(start, "start", zone);
    Instant to = stop == null ? null : at(stop, "stop", zone);
    if (to != null && duration != null && !from.plus(duration).equals(to)) {
      throw new InvalidArgument(
          "duration",
          "stop and duration disagree: "
              + local(from, zone)
              + " plus "
              + Hours.hms(duration.getSeconds())
              + " is "
              + local(from.plus(duration), zone)
              + ", not "
              + local(to, zone)
              + ". Give one of them.");
    }
    if (to == null && duration != null) {
      to = from.plus(duration);
    }
    if (to == null && !entry.isRunning()) {
      to = entry.stop();
    }
    if (to == null) {
      if (from.isAfter(now)) {
        throw future("start", from, zone, now);
      }
      return new Interval(from, null);
    }
    return checked(new Interval(from, to), zone, now);
  }

  private static Interval checked(Interval i, ZoneId zone, Instant now) {
    if (!i.stop().isAfter(i.start())) {
      throw new InvalidArgument(
          i.stop().equals(i.start()) ? "duration" : "stop",
          "The entry would "
              + (i.stop().equals(i.start()) ? "last zero seconds" : "end before it starts")
              + ": start "
              + local(i.start(), zone)
              + ", stop "
              + local(i.stop(), zone)
              + ". The stop must come after the start.");
    }
    if (Duration.between(i.start(), i.stop()).compareTo(Arguments.LONGEST_DURATION) > 0) {
      throw new InvalidArgument(
          "duration", "The entry would last over 999 hours; Toggl allows no more.");
    }
    if (i.start().isAfter(now)) {
      throw future("start", i.start(), zone, now);
    }
    if (i.stop().isAfter(now)) {
      throw future("stop", i.stop(), zone, now);
    }
    return i;
  }

  private static InvalidArgument future(String name, Instant t, ZoneId zone, Instant now) {
    return new InvalidArgument(
        name,
        name
            + " "
            + local(t, zone)
            + " is in the future (it is now "
            + local(now, zone)
            + "); log only time that has passed"
            + (name.equals("stop") ? ", or start a timer with start_time_entry." : "."));
  }

  /** {@code name} at an exact instant; a local time the clocks skip or repeat is refused. */
  static Instant at(When w, String name, ZoneId zone) {
    if (w instanceof When.Local l) {
      List<ZoneOffset> offsets = zone.getRules().getValidOffsets(l.time());
      if (offsets.isEmpty()) {
        ZoneOffsetTransition jump = zone.getRules().getTransition(l.time());
        throw new InvalidArgument(
            name,
            name
                + " "
                + InvalidArgument.shown(l.text())
                + " does not exist in "
                + zone.getId()
                + ": that night the clocks jump from "
                + jump.getDateTimeBefore().toLocalTime()
                + " to "
                + jump.getDateTimeAfter().toLocalTime()
                + ". Give a time before or after the jump, e.g. "
                + jump.getDateTimeAfter()
                + ".");
      }
      if (offsets.size() > 1) {
        throw new InvalidArgument(
            name,
            name
                + " "
                + InvalidArgument.shown(l.text())
                + " happens twice in "
                + zone.getId()
                + " (the clocks go back that night); add the offset to say which: "
                + l.time().atOffset(offsets.get(0))
                + " (the first) or "
                + l.time().atOffset(offsets.get(1))
                + " (the second).");
      }
    }
    return w.start(zone);
  }

  private static @Nullable When time(Arguments args, String name) {
    When w = args.when(name);
    if (w instanceof When.Day d) {
      throw new InvalidArgument(
          name,
          name
              + " needs a time of day too, e.g. \""
              + d.date()
              + "T09:00\" (local, in your Toggl timezone) or \""
              + d.date()
              + "T09:00:00+01:00\".");
    }
    return w;
  }

  private static String local(Instant t, ZoneId zone) {
    return EntryView.local(t, zone);
  }
}
