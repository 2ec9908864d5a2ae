package dev.toggltrackmcp.analytics;

import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.Project;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a bar chart of time shows: one bar per day or week of the range (empty ones included, so the
 * axis is true to the calendar) or per project or client (largest first), each split into stacks.
 * Entries count where {@link Summaries} counts them — by the day they start, running ones up to now
 * — so the bars add up to the summary's breakdown. Beyond {@code mostBars} or {@code mostStacks},
 * the smallest are summed as "(others)".
 */
public record ChartSeries(List<Bar> bars, List<Stack> stacks, long totalSeconds) {

  public static final String OTHERS = "(others)";

  public ChartSeries {
    bars = List.copyOf(bars);
    stacks = List.copyOf(stacks);
  }

  /** One bar: its parts in the order of {@link #stacks}. */
  public record Bar(String key, String name, long seconds, List<Long> parts) {
    public Bar {
      parts = List.copyOf(parts);
    }
  }

  /** One kind of part, with the colour Toggl gives a project (null: the chart picks one). */
  public record Stack(String key, String name, @Nullable String color, long seconds) {}

  public static ChartSeries of(
      List<TimeEntry> entries,
      Account account,
      TimeRange range,
      int beginningOfWeek,
      Dimension groupBy,
      @Nullable Dimension stackBy,
      Instant now,
      int mostBars,
      int mostStacks) {
    DayOfWeek weekStart = DayOfWeek.SUNDAY.plus(Math.floorMod(beginningOfWeek, 7));
    Labels labels = Labels.of(account);
    Map<String, String> barNames = new LinkedHashMap<>();
    Map<String, Map<String, Long>> cells = new HashMap<>();
    Map<String, Long> barTotals = new HashMap<>();
    Map<String, Long> stackTotals = new HashMap<>();
    Map<String, String> stackNames = new HashMap<>();
    if (groupBy == Dimension.DAY || groupBy == Dimension.WEEK) {
      for (LocalDate d = range.firstDay(); !d.isAfter(range.lastDay()); d = d.plusDays(1)) {
        // a day's or week's key depends on the day alone, so no entry is needed
        String[] key =
            Summaries.keys(groupBy, null, account, labels, d, weekStart, List.of()).get(0);
        barNames.putIfAbsent(key[0], key[1]);
      }
    }
    for (TimeEntry e : entries) {
      long seconds = e.seconds(now);
      LocalDate day = LocalDate.ofInstant(e.start(), range.zone());
      List<String> tags = EntryView.tagNames(e, account);
      String[] bar = Summaries.keys(groupBy, e, account, labels, day, weekStart, tags).get(0);
      String[] stack =
          stackBy == null
              ? new String[] {"all", "Time"}
              : Summaries.keys(stackBy, e, account, labels, day, weekStart, tags).get(0);
      barNames.putIfAbsent(bar[0], bar[1]);
      stackNames.putIfAbsent(stack[0], stack[1]);
      cells.computeIfAbsent(bar[0], k -> new HashMap<>()).merge(stack[0], seconds, Long::sum);
      barTotals.merge(bar[0], seconds, Long::sum);
      stackTotals.merge(stack[0], seconds, Long::sum);
    }
    List<String> barKeys = new ArrayList<>(barNames.keySet());
    if (groupBy.chronological()) {
      barKeys.sort(Comparator.naturalOrder());
    } else {
      barKeys.sort(
          Comparator.<String>comparingLong(k -> -barTotals.getOrDefault(k, 0L))
              .thenComparing(barNames::get));
    }
    List<String> stackKeys =
        stackTotals.keySet().stream()
            .sorted(
                Comparator.<String>comparingLong(k -> -stackTotals.get(k))
                    .thenComparing(stackNames::get))
            .toList();
    List<String> shownStacks =
        stackKeys.size() > mostStacks ? stackKeys.subList(0, mostStacks - 1) : stackKeys;
    boolean otherStacks = shownStacks.size() < stackKeys.size();
    List<Stack> stacks = new ArrayList<>();
    for (String k : shownStacks) {
      stacks.add(new Stack(k, stackNames.get(k), color(stackBy, k, account), stackTotals.get(k)));
    }
    if (otherStacks) {
      long rest =
          stackKeys.subList(shownStacks.size(), stackKeys.size()).stream()
              .mapToLong(stackTotals::get)
              .sum();
      stacks.add(new Stack(OTHERS, OTHERS, null, rest));
    }
    boolean cutBars = !groupBy.chronological() && barKeys.size() > mostBars;
    List<String> shownBars = cutBars ? barKeys.subList(0, mostBars - 1) : barKeys;
    List<Bar> bars = new ArrayList<>();
    for (String k : shownBars) {
      bars.add(bar(k, barNames.get(k), List.of(k), cells, shownStacks, otherStacks));
    }
    if (cutBars) {
      bars.add(
          bar(
              OTHERS,
              OTHERS,
              barKeys.subList(shownBars.size(), barKeys.size()),
              cells,
              shownStacks,
              otherStacks));
    }
    long total = barTotals.values().stream().mapToLong(Long::longValue).sum();
    return new ChartSeries(bars, stacks, total);
  }

  private static Bar bar(
      String key,
      String name,
      List<String> of,
      Map<String, Map<String, Long>> cells,
      List<String> shownStacks,
      boolean otherStacks) {
    List<Long> parts = new ArrayList<>();
    long rest = 0;
    long all = 0;
    Map<String, Long> sum = new HashMap<>();
    for (String k : of) {
      cells.getOrDefault(k, Map.of()).forEach((s, v) -> sum.merge(s, v, Long::sum));
    }
    for (Map.Entry<String, Long> c : sum.entrySet()) {
      all += c.getValue();
      if (!shownStacks.contains(c.getKey())) {
        rest += c.getValue();
      }
    }
    for (String s : shownStacks) {
      parts.add(sum.getOrDefault(s, 0L));
    }
    if (otherStacks) {
      parts.add(rest);
    }
    return new Bar(key, name, all, parts);
  }

  private static @Nullable String color(@Nullable Dimension stackBy, String key, Account account) {
    if (stackBy != Dimension.PROJECT || key.equals("none")) {
      return null;
    }
    return account.project(Long.parseLong(key)).map(Project::color).orElse(null);
  }
}
