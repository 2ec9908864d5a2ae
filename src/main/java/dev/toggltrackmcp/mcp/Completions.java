package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.analytics.Kind;
import dev.toggltrackmcp.analytics.Period;
import dev.toggltrackmcp.arguments.Resolver;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.User;
import dev.toggltrackmcp.toggl.model.Workspace;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What completes each kind of argument, from what is already known: named periods need nothing;
 * names, weeks, months and days come from the cached account (its names, timezone and week start),
 * so typing costs no Toggl request once the cache is warm.
 */
final class Completions {
  private static final int RECENT_WEEKS = 8;
  private static final int RECENT_MONTHS = 12;

  private final ToolContext ctx;

  Completions(ToolContext ctx) {
    this.ctx = ctx;
  }

  /** The named periods of the read tools. */
  static Completer periods() {
    return (typed, context) ->
        matching(typed, Stream.of(Period.values()).map(Period::argumentName).toList());
  }

  /** Labels of projects, clients or tags: the label answers show, which also works as input. */
  Completer names(Kind kind) {
    return (typed, context) ->
        new Resolver(account()).complete(kind, typed, ctx.configuredWorkspace, Completer.MOST);
  }

  /** Workspace ids, found by id or by name. */
  Completer workspaceIds() {
    return (typed, context) -> {
      String t = typed.trim().toLowerCase(Locale.ROOT);
      return account().workspaces().stream()
          .filter(w -> Long.toString(w.id()).startsWith(t) || lower(w.name()).contains(t))
          .map(Workspace::id)
          .map(String::valueOf)
          .toList();
    };
  }

  /** {@code this_week}, {@code last_week}, then the first days of recent weeks. */
  Completer weeks() {
    return (typed, context) -> {
      User u = account().user();
      LocalDate thisWeek = Period.THIS_WEEK.days(today(u), u.beginningOfWeek())[0];
      List<String> all = new ArrayList<>(List.of("this_week", "last_week"));
      for (int i = 0; i < RECENT_WEEKS; i++) {
        all.add(thisWeek.minusWeeks(i).toString());
      }
      return matching(typed, all);
    };
  }

  /** {@code this_month}, {@code last_month}, then recent months as {@code YYYY-MM}. */
  Completer months() {
    return (typed, context) -> {
      YearMonth now = YearMonth.from(today(account().user()));
      List<String> all = new ArrayList<>(List.of("this_month", "last_month"));
      for (int i = 0; i < RECENT_MONTHS; i++) {
        all.add(now.minusMonths(i).toString());
      }
      return matching(typed, all);
    };
  }

  /** Days a range usually starts on: today, yesterday, and the starts of recent periods. */
  Completer startDays() {
    return (typed, context) -> {
      User u = account().user();
      LocalDate today = today(u);
      Set<LocalDate> days = new LinkedHashSet<>(List.of(today, today.minusDays(1)));
      for (Period p : List.of(Period.THIS_WEEK, Period.LAST_WEEK, Period.THIS_MONTH)) {
        days.add(p.days(today, u.beginningOfWeek())[0]);
      }
      for (Period p : List.of(Period.LAST_MONTH, Period.THIS_QUARTER, Period.THIS_YEAR)) {
        days.add(p.days(today, u.beginningOfWeek())[0]);
      }
      return matching(typed, days.stream().map(LocalDate::toString).toList());
    };
  }

  /**
   * Days a range usually ends on: with a {@code start_date} chosen, that day and the ends of its
   * week and month; else today and the ends of recent periods. Never before the start.
   */
  Completer endDays() {
    return (typed, context) -> {
      User u = account().user();
      LocalDate today = today(u);
      LocalDate start = day(context.get("start_date"));
      Set<LocalDate> days = new LinkedHashSet<>();
      if (start != null) {
        days.add(start);
        days.add(Period.THIS_WEEK.days(start, u.beginningOfWeek())[1]);
        days.add(Period.THIS_MONTH.days(start, u.beginningOfWeek())[1]);
      }
      days.add(today);
      for (Period p : List.of(Period.LAST_WEEK, Period.LAST_MONTH, Period.THIS_MONTH)) {
        days.add(p.days(today, u.beginningOfWeek())[1]);
      }
      return matching(
          typed,
          days.stream()
              .filter(d -> start == null || !d.isBefore(start))
              .map(LocalDate::toString)
              .toList());
    };
  }

  /** Candidates that start with what was typed first, then those that contain it; in order. */
  static List<String> matching(String typed, List<String> candidates) {
    String t = typed.trim().toLowerCase(Locale.ROOT);
    Set<String> out = new LinkedHashSet<>();
    candidates.stream().filter(c -> lower(c).startsWith(t)).forEach(out::add);
    candidates.stream().filter(c -> lower(c).contains(t)).forEach(out::add);
    return List.copyOf(out);
  }

  private Account account() {
    return ctx.data.account().value();
  }

  private LocalDate today(User u) {
    return LocalDate.ofInstant(ctx.now(), u.zone());
  }

  private static @Nullable LocalDate day(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(
          text.trim().length() > 10 ? text.trim().substring(0, 10) : text.trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
