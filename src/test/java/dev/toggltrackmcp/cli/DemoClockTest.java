package dev.toggltrackmcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DemoClockTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static Instant berlin(String localDateTime) {
    return java.time.LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
  }

  @Test
  void workingHoursKeepTheRealTime() {
    Instant wednesdayMorning = berlin("2026-12-02T10:15:00");
    assertThat(DemoClock.workingMoment(wednesdayMorning, BERLIN)).isEqualTo(wednesdayMorning);
  }

  @Test
  void theNightGoesBackToTheAfternoonBefore() {
    assertThat(DemoClock.workingMoment(berlin("2026-12-02T01:53:00"), BERLIN))
        .isEqualTo(berlin("2026-12-01T11:40:00"));
    assertThat(DemoClock.workingMoment(berlin("2026-12-02T19:05:00"), BERLIN))
        .isEqualTo(berlin("2026-12-02T11:40:00"));
    assertThat(DemoClock.workingMoment(berlin("2026-12-02T09:10:00"), BERLIN))
        .isEqualTo(berlin("2026-12-01T11:40:00"));
  }

  @Test
  void weekendsAndMondayMorningsGoBackToFriday() {
    assertThat(DemoClock.workingMoment(berlin("2026-12-05T12:00:00"), BERLIN))
        .isEqualTo(berlin("2026-12-04T11:40:00"));
    assertThat(DemoClock.workingMoment(berlin("2026-12-07T07:00:00"), BERLIN))
        .isEqualTo(berlin("2026-12-04T11:40:00"));
  }

  @Test
  void theMovedClockStillTicks() {
    Instant night = berlin("2026-12-02T01:53:00");
    Clock real = Clock.fixed(night, ZoneOffset.UTC);
    Clock moved = DemoClock.during(real, BERLIN);
    assertThat(moved.instant()).isEqualTo(berlin("2026-12-01T11:40:00"));
    Clock later = Clock.offset(real, Duration.ofMinutes(5));
    assertThat(DemoClock.during(later, BERLIN).instant()).isEqualTo(berlin("2026-12-01T11:40:00"));
    assertThat(DemoClock.describe(moved.instant(), BERLIN))
        .isEqualTo("Tue 2026-12-01 11:40 Europe/Berlin");
  }
}
