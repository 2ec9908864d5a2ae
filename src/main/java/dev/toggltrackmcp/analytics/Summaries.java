package dev.toggltrackmcp.analytics;

import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.Project;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import dev.toggltrackmcp.toggl.model.Workspace;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Totals, billable amounts and breakdowns over entries, computed in memory. Projects and clients
 * are grouped by id and shown by their {@link Labels label}, so two "Acme Corp" stay apart.
 */
public final class Summaries {
  private Summaries() {}

  public static Summary of(
      List<TimeEntry> entries,
      Account account,
      TimeRange range,
      int beginningOfWeek,
      List<Dimension> dimensions,
      Instant now) {
    long total = 0;
    long billable = 0;
    boolean running = false;
    boolean overlap = false;
    Map<LocalDate, Long> days = new HashMap<>();
    Instant first = null;
    Instant last = null;
    Map<String, BigDecimal> amounts = new TreeMap<>();
    Map<Dimension, Map<String, Acc>> groups = new LinkedHashMap<>();
    dimensions.forEach(d -> groups.put(d, new HashMap<>()));
    DayOfWeek weekStart = DayOfWeek.SUNDAY.plus(Math.floorMod(beginningOfWeek, 7));
    Labels labels = Labels.of(account);
    for (TimeEntry e : entries) {
      long seconds = e.seconds(now);
      long billableSeconds = e.billable() ? seconds : 0;
      total += seconds;
      billable += billableSeconds;
      running |= e.isRunning();
      LocalDate day = LocalDate.ofInstant(e.start(), range.zone());
      days.merge(day, seconds, Long::sum);
      Instant end = e.isRunning() || e.stop() == null ? now : e.stop();
      first = first == null || e.start().isBefore(first) ? e.start() : first;
      last = last == null || end.isAfter(last) ? end : last;
      addAmount(amounts, e, billableSeconds, account);
      List<String> tags = EntryView.tagNames(e, account);
      overlap |= tags.size() > 1;
      for (Map.Entry<Dimension, Map<String, Acc>> g : groups.entrySet()) {
        for (String[] keyName : keys(g.getKey(), e, account, labels, day, weekStart, tags)) {
          g.getValue()
              .computeIfAbsent(keyName[0], k -> new Acc(keyName[1]))
              .add(seconds, billableSeconds);
        }
      }
    }
    Map<String, List<Summary.Group>> breakdowns = new LinkedHashMap<>();
    for (Map.Entry<Dimension, Map<String, Acc>> g : groups.entrySet()) {
      breakdowns.put(g.getKey().argumentName(), lines(g.getKey(), g.getValue(), total));
    }
    List<Summary.Amount> money = new ArrayList<>();
    amounts.forEach(
        (c, a) -> money.add(new Summary.Amount(c, a.setScale(2, RoundingMode.HALF_UP))));
    Instant created = account.user().createdAt();
    int workdays =
        WorkWeek.DEFAULT.workdays(
            range,
            LocalDate.ofInstant(now, range.zone()),
            created == null ? null : LocalDate.ofInstant(created, range.zone()));
    Summary.DayTotal longest =
        days.entrySet().stream()
            .max(Map.Entry.<LocalDate, Long>comparingByValue().thenComparing(d -> d.getKey()))
            .map(
                d ->
                    new Summary.DayTotal(
                        d.getKey().toString(), d.getValue(), Hours.decimal(d.getValue())))
            .orElse(null);
    return new Summary(
        new Summary.RangeInfo(
            range.firstDay().toString(), range.lastDay().toString(), range.zone().getId()),
        total,
        Hours.decimal(total),
        billable,
        Hours.decimal(billable),
        entries.size(),
        money,
        running,
        days.size(),
        days.isEmpty() ? 0 : total / days.size(),
        workdays,
        workdays == 0 ? 0 : total / workdays,
        WorkWeek.DEFAULT.dayNames(),
        weekStart.toString().toLowerCase(Locale.ROOT),
        longest,
        first == null ? null : EntryView.local(first, range.zone()),
        last == null ? null : EntryView.local(last, range.zone()),
        overlap && dimensions.contains(Dimension.TAG),
        breakdowns);
  }

  private static void addAmount(
      Map<String, BigDecimal> amounts, TimeEntry e, long billableSeconds, Account account) {
    billableAmount(e, billableSeconds, account)
        .ifPresent(a -> amounts.merge(a.currency(), a.amount(), BigDecimal::add));
  }

  /**
   * What {@code billableSeconds} of {@code e} earn: the seconds times the hourly rate — the
   * project's own rate (in its currency, else the workspace's), else the workspace default rate —
   * unrounded (6 decimals). Empty when there is nothing billable or no rate applies.
   */
  public static Optional<Summary.Amount> billableAmount(
      TimeEntry e, long billableSeconds, Account account) {
    if (billableSeconds == 0) {
      return Optional.empty();
    }
    Workspace ws = account.workspace(e.workspaceId()).orElse(null);
    Project p = e.projectId() == null ? null : account.project(e.projectId()).orElse(null);
    BigDecimal rate = null;
    String currency = null;
    if (p != null && p.rate() != null) {
      rate = p.rate();
      currency = p.currency() != null ? p.currency() : ws == null ? null : ws.defaultCurrency();
    } else if (ws != null && ws.defaultHourlyRate() != null) {
      rate = ws.defaultHourlyRate();
      currency = ws.defaultCurrency();
    }
    if (rate == null || currency == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Summary.Amount(
            currency,
            rate.multiply(BigDecimal.valueOf(billableSeconds))
                .divide(BigDecimal.valueOf(3600), 6, RoundingMode.HALF_UP)));
  }

  /** The groups an entry counts in along {@code d}: {key, name} pairs. */
  static List<String[]> keys(
      Dimension d,
      TimeEntry e,
      Account account,
      Labels labels,
      LocalDate day,
      DayOfWeek weekStart,
      List<String> tags) {
    return switch (d) {
      case PROJECT ->
          List.<String[]>of(
              e.projectId() == null
                  ? new String[] {"none", "(no project)"}
                  : new String[] {e.projectId().toString(), labels.project(e.projectId())});
      case CLIENT -> {
        Long client = EntryView.clientId(e, account);
        yield List.<String[]>of(
            client == null
                ? new String[] {"none", "(no client)"}
                : new String[] {client.toString(), labels.client(client)});
      }
      case TAG -> {
        if (tags.isEmpty()) {
          yield List.<String[]>of(new String[] {"none", "(no tag)"});
        }
        List<String[]> keys = new ArrayList<>();
        tags.stream().distinct().forEach(t -> keys.add(new String[] {t, t}));
        yield keys;
      }
      case DAY ->
          List.<String[]>of(
              new String[] {
                day.toString(), day + " " + day.getDayOfWeek().toString().substring(0, 3)
              });
      case WEEK -> {
        LocalDate first = day.with(TemporalAdjusters.previousOrSame(weekStart));
        yield List.<String[]>of(new String[] {first.toString(), "Week of " + first});
      }
      case MONTH -> {
        String month = day.toString().substring(0, 7);
        yield List.<String[]>of(new String[] {month, month});
      }
      case DESCRIPTION -> {
        String text = e.description().isBlank() ? "(no description)" : e.description().trim();
        yield List.<String[]>of(new String[] {text, text});
      }
      case USER ->
          List.<String[]>of(
              e.userId() == null
                  ? new String[] {"none", "(no user)"}
                  : new String[] {e.userId().toString(), labels.user(e.userId())});
      case BILLABLE ->
          List.<String[]>of(
              e.billable()
                  ? new String[] {"true", "Billable"}
                  : new String[] {"false", "Non-billable"});
    };
  }

  private static List<Summary.Group> lines(Dimension d, Map<String, Acc> groups, long total) {
    Comparator<Map.Entry<String, Acc>> order =
        d.chronological()
            ? Map.Entry.comparingByKey()
            : Comparator.<Map.Entry<String, Acc>>comparingLong(g -> -g.getValue().seconds)
                .thenComparing(g -> g.getValue().name);
    return groups.entrySet().stream()
        .sorted(order)
        .map(
            g ->
                new Summary.Group(
                    g.getKey(),
                    g.getValue().name,
                    g.getValue().seconds,
                    Hours.decimal(g.getValue().seconds),
                    g.getValue().billable,
                    g.getValue().count,
                    total == 0
                        ? BigDecimal.ZERO
                        : BigDecimal.valueOf(g.getValue().seconds)
                            .divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP)))
        .toList();
  }

  private static final class Acc {
    final String name;
    long seconds;
    long billable;
    int count;

    Acc(String name) {
      this.name = name;
    }

    void add(long s, long b) {
      seconds += s;
      billable += b;
      count++;
    }
  }
}
