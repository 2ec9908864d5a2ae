package dev.toggltrackmcp.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How durations are shown: {@code H:MM:SS}, {@code H:MM} and decimal hours. */
public final class Hours {
  private Hours() {}

  public static String hms(long seconds) {
    long s = Math.max(0, seconds);
    return String.format("%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
  }

  public static String hm(long seconds) {
    long s = Math.max(0, seconds);
    return String.format("%d:%02d", s / 3600, s % 3600 / 60);
  }

  /** Hours with two decimals, rounded half-up: 5400 s → 1.50. */
  public static BigDecimal decimal(long seconds) {
    return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
  }
}
