package dev.toggltrackmcp.cli;

import io.modelcontextprotocol.spec.McpSchema;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tour's write segment ({@code demo --write}): stop the timer, log time this morning, try to
 * log time over existing entries (refused, the overlap named), start a timer, delete last week's
 * duplicate after a preview. Arguments that depend on the simulated day (when today's first entry
 * started, which entry is the duplicate) are read from the server first, at no Toggl cost.
 */
final class WriteSegment {
  /** Sends a call and prints it as the tour does; {@code mayBeRefused}: a refusal is no failure. */
  interface Asker {
    McpSchema.CallToolResult ask(
        String asked, String tool, Map<String, Object> arguments, boolean mayBeRefused);
  }

  /** Sends a call without printing it (to learn ids and times for the next question). */
  interface Looker {
    McpSchema.CallToolResult look(String tool, Map<String, Object> arguments);
  }

  private final Asker ask;
  private final Looker look;
  private final ZoneId zone;

  WriteSegment(Asker ask, Looker look, ZoneId zone) {
    this.ask = ask;
    this.look = look;
    this.zone = zone;
  }

  void run(LocalDate today) {
    ask.ask("Stop my timer.", "stop_time_entry", Map.of(), false);

    LocalDateTime firstToday = firstStartToday().orElse(today.atTime(9, 30));
    LocalDateTime workshopEnd = firstToday.minusMinutes(5).truncatedTo(ChronoUnit.MINUTES);
    workshopEnd = workshopEnd.minusMinutes(workshopEnd.getMinute() % 5);
    ask.ask(
        "Log 1:30 this morning, before my first entry: a client workshop on Website Redesign.",
        "create_time_entry",
        DemoTour.ordered(
            "description", "Client workshop",
            "project", "Website Redesign",
            "start", local(workshopEnd.minusMinutes(90)),
            "duration", "1h30m"),
        false);

    LocalDate before = DemoClock.workdayBefore(today);
    ask.ask(
        "And 2 h on "
            + before.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
            + " from 14:00, same project?",
        "create_time_entry",
        DemoTour.ordered(
            "description", "Client workshop",
            "project", "Website Redesign",
            "start", local(before.atTime(14, 0)),
            "duration", "2h"),
        true);

    ask.ask(
        "Start a timer for the design review on Mobile App.",
        "start_time_entry",
        DemoTour.ordered(
            "description", "Design review", "project", "Mobile App", "tags", List.of("meeting")),
        false);

    Map<String, Object> duplicate = duplicateDeletion();
    if (duplicate != null) {
      ask.ask("Delete last week's duplicate entry.", "delete_time_entry", duplicate, false);
      Map<String, Object> confirmed = new LinkedHashMap<>(duplicate);
      confirmed.put("confirm", true);
      ask.ask("Yes, delete it.", "delete_time_entry", confirmed, false);
    }
    ask.ask(
        "Is last week's timesheet right now?",
        "check_timesheet",
        Map.of("period", "last_week"),
        false);
  }

  /** When today's first entry started, from the server's answer to "what did I do today?". */
  private Optional<LocalDateTime> firstStartToday() {
    Object entries =
        structured(look.look("list_time_entries", Map.of("period", "today"))).get("entries");
    if (!(entries instanceof List<?> list)) {
      return Optional.empty();
    }
    return list.stream()
        .filter(Map.class::isInstance)
        .map(e -> String.valueOf(((Map<?, ?>) e).get("start")))
        .map(s -> OffsetDateTime.parse(s).atZoneSameInstant(zone).toLocalDateTime())
        .min(Comparator.naturalOrder());
  }

  /** The delete call the timesheet check suggests for last week's duplicate, if it found one. */
  private Map<String, Object> duplicateDeletion() {
    Object findings =
        structured(look.look("check_timesheet", Map.of("period", "last_week"))).get("findings");
    if (!(findings instanceof List<?> list)) {
      return null;
    }
    for (Object f : list) {
      Map<?, ?> finding = (Map<?, ?>) f;
      if (!"duplicate".equals(finding.get("kind"))) {
        continue;
      }
      Map<?, ?> fix = (Map<?, ?>) finding.get("suggested_fix");
      for (Object c : (List<?>) fix.get("calls")) {
        Map<?, ?> call = (Map<?, ?>) c;
        if ("delete_time_entry".equals(call.get("tool"))) {
          Map<String, Object> args = new LinkedHashMap<>();
          ((Map<?, ?>) call.get("arguments")).forEach((k, v) -> args.put(String.valueOf(k), v));
          return args;
        }
      }
    }
    return null;
  }

  private static Map<?, ?> structured(McpSchema.CallToolResult result) {
    return result.structuredContent() instanceof Map<?, ?> m ? m : Map.of();
  }

  private static String local(LocalDateTime t) {
    return t.truncatedTo(ChronoUnit.MINUTES).toString();
  }
}
