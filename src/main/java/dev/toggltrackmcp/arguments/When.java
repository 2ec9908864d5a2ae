package dev.toggltrackmcp.arguments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A point in time as the model wrote it: a whole local day ({@code 2026-11-03}), a local date-time
 * read in the user's Toggl timezone ({@code 2026-11-03T09:00}), or an exact date-time with offset
 * ({@code 2026-11-03T09:00:00+01:00}). Only the last one is exact before the timezone is known.
 */
public sealed interface When {
  /** Offsets people really live at: a local time falls within these bounds of its UTC instant. */
  ZoneOffset EARLIEST = ZoneOffset.ofHours(14);

  ZoneOffset LATEST = ZoneOffset.ofHours(-12);

  String text();

  /** Where it starts in {@code zone}: a day at its first moment. */
  Instant start(ZoneId zone);

  /** Where it ends in {@code zone} as an exclusive bound: a day at the next day's first moment. */
  Instant endExclusive(ZoneId zone);

  /**
   * The earliest {@link #start} any timezone could give, for checks made before the zone is known.
   */
  default Instant earliestStart() {
    return start(EARLIEST);
  }

  default Instant latestStart() {
    return start(LATEST);
  }

  default Instant earliestEnd() {
    return endExclusive(EARLIEST);
  }

  default Instant latestEnd() {
    return endExclusive(LATEST);
  }

  record Day(LocalDate date, String text) implements When {
    @Override
    public Instant start(ZoneId zone) {
      return date.atStartOfDay(zone).toInstant();
    }

    @Override
    public Instant endExclusive(ZoneId zone) {
      return date.plusDays(1).atStartOfDay(zone).toInstant();
    }
  }

  record Local(LocalDateTime time, String text) implements When {
    @Override
    public Instant start(ZoneId zone) {
      return time.atZone(zone).toInstant();
    }

    @Override
    public Instant endExclusive(ZoneId zone) {
      return start(zone);
    }
  }

  record At(OffsetDateTime time, String text) implements When {
    @Override
    public Instant start(ZoneId zone) {
      return time.toInstant();
    }

    @Override
    public Instant endExclusive(ZoneId zone) {
      return time.toInstant();
    }
  }
}
