package dev.toggltrackmcp.sandbox;

import dev.toggltrackmcp.sandbox.World.Entry;
import dev.toggltrackmcp.sandbox.World.Project;
import dev.toggltrackmcp.sandbox.World.Workspace;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/** The hourly rate an entry bills at: its project's, else its workspace's default. */
final class Rates {
  private Rates() {}

  record Rate(long cents, String currency) {
    long amountInCents(long seconds) {
      return BigDecimal.valueOf(cents)
          .multiply(BigDecimal.valueOf(seconds))
          .divide(BigDecimal.valueOf(3600), 0, RoundingMode.HALF_UP)
          .longValue();
    }
  }

  /** The rate, or null where there is none (a Free workspace). */
  static @Nullable Rate of(Dataset data, Workspace ws, Entry e) {
    Project project = e.projectId() == null ? null : data.project(e.projectId()).orElse(null);
    if (project != null && project.rate() != null) {
      String currency = project.currency() == null ? ws.defaultCurrency() : project.currency();
      return new Rate(project.rate().movePointRight(2).longValue(), currency);
    }
    BigDecimal rate = ws.defaultHourlyRate();
    return rate == null ? null : new Rate(rate.movePointRight(2).longValue(), ws.defaultCurrency());
  }
}
