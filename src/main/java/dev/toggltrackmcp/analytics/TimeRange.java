package dev.toggltrackmcp.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A span of time a question is about: local days {@code firstDay..lastDay} in {@code zone}, and the
 * exact instants {@code [start, endExclusive)}. An entry belongs to the range it starts in. Built
 * with {@code ZonedDateTime}, so DST days of 23 or 25 hours come out right.
 */
public record TimeRange(
    LocalDate firstDay, LocalDate lastDay, ZoneId zone, Instant start, Instant endExclusive) {

  public static TimeRange ofDays(LocalDate firstDay, LocalDate lastDay, ZoneId zone) {
    return new TimeRange(
        firstDay,
        lastDay,
        zone,
        firstDay.atStartOfDay(zone).toInstant(),
        lastDay.plusDays(1).atStartOfDay(zone).toInstant());
  }

  public static TimeRange ofInstants(Instant start, Instant endExclusive, ZoneId zone) {
    return new TimeRange(
        LocalDate.ofInstant(start, zone),
        LocalDate.ofInstant(endExclusive.minusNanos(1), zone),
        zone,
        start,
        endExclusive);
  }

  public boolean contains(Instant t) {
    return !t.isBefore(start) && t.isBefore(endExclusive);
  }
}
