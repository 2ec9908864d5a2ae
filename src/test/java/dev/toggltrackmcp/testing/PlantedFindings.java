package dev.toggltrackmcp.testing;

import dev.toggltrackmcp.sandbox.PlantedCases;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * What {@code check_timesheet} must find in the planted week, as one line per finding ("overlap [1,
 * 2]"; a gap by its times, as the planted cases know it by them), so a test compares the whole
 * answer at once: every planted case, and nothing else.
 */
public final class PlantedFindings {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private PlantedFindings() {}

  /**
   * The duplicate pair is one finding (not also an overlap); the forgotten timer one long entry
   * (not also a midnight crossing).
   */
  public static List<String> expected(PlantedCases p) {
    return List.of(
        "crosses_midnight " + List.of(p.crossingMidnight()),
        "duplicate " + p.duplicates(),
        "gap " + local(p.gapStart()) + " " + local(p.gapEnd()),
        "long_entry " + List.of(p.forgottenTimer()),
        "missing_description " + List.of(p.withoutDescription()),
        "missing_project " + List.of(p.withoutProject()),
        "missing_tags " + List.of(p.withoutTags()),
        "overlap " + p.overlapping());
  }

  /** The findings of a structured result, in the same form, sorted. */
  @SuppressWarnings("unchecked")
  public static List<String> of(Map<String, Object> structured) {
    List<Map<String, Object>> findings = (List<Map<String, Object>>) structured.get("findings");
    return findings.stream()
        .map(
            f ->
                f.get("kind").equals("gap")
                    ? "gap " + f.get("start") + " " + f.get("stop")
                    : f.get("kind")
                        + " "
                        + ((List<Number>) f.get("entry_ids"))
                            .stream().map(Number::longValue).toList())
        .sorted()
        .toList();
  }

  private static String local(Instant t) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(BERLIN).toOffsetDateTime());
  }
}
