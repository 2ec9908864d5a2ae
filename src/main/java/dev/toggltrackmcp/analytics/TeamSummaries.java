package dev.toggltrackmcp.analytics;

import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.Project;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Totals and breakdowns of a team's time from {@link TeamCell}s, the same arithmetic whether the
 * cells came from the Reports summary endpoint or from detailed rows: seconds add up, amounts are
 * the exact sum of rate × billable seconds per currency, rounded once to cents.
 */
public final class TeamSummaries {
  /** What a team summary can be broken down by. */
  public static final List<Dimension> DIMENSIONS =
      List.of(
          Dimension.USER,
          Dimension.PROJECT,
          Dimension.CLIENT,
          Dimension.TAG,
          Dimension.DAY,
          Dimension.WEEK,
          Dimension.MONTH);

  private static final BigDecimal CENT_SECONDS_PER_UNIT = BigDecimal.valueOf(360_000);

  private TeamSummaries() {}

  public static TeamSummary of(
      List<TeamCell> cells,
      Account account,
      Labels labels,
      TimeRange range,
      int beginningOfWeek,
      List<Dimension> dimensions) {
    if (!DIMENSIONS.containsAll(dimensions)) {
      throw new IllegalArgumentException("not a team dimension: " + dimensions);
    }
    DayOfWeek weekStart = DayOfWeek.SUNDAY.plus(Math.floorMod(beginningOfWeek, 7));
    Keys keys = new Keys(account, labels, weekStart);
    Acc total = new Acc("total");
    boolean overlap = false;
    Map<Dimension, Map<String, Acc>> groups = new LinkedHashMap<>();
    dimensions.forEach(d -> groups.put(d, new HashMap<>()));
    boolean nested = dimensions.contains(Dimension.USER) && dimensions.contains(Dimension.PROJECT);
    Map<String, Map<String, Acc>> projectsOfUser = new HashMap<>();
    for (TeamCell c : cells) {
      total.add(c);
      overlap |= c.tagIds().size() > 1;
      for (Map.Entry<Dimension, Map<String, Acc>> g : groups.entrySet()) {
        for (String[] keyName : keys.of(g.getKey(), c)) {
          g.getValue().computeIfAbsent(keyName[0], k -> new Acc(keyName[1])).add(c);
        }
      }
      if (nested) {
        String[] user = keys.of(Dimension.USER, c).get(0);
        String[] project = keys.of(Dimension.PROJECT, c).get(0);
        projectsOfUser
            .computeIfAbsent(user[0], k -> new HashMap<>())
            .computeIfAbsent(project[0], k -> new Acc(project[1]))
            .add(c);
      }
    }
    Map<String, List<TeamSummary.Group>> breakdowns = new LinkedHashMap<>();
    for (Map.Entry<Dimension, Map<String, Acc>> g : groups.entrySet()) {
      Map<String, Map<String, Acc>> inner =
          nested && g.getKey() == Dimension.USER ? projectsOfUser : Map.of();
      breakdowns.put(
          g.getKey().argumentName(), lines(g.getKey(), g.getValue(), total.seconds, inner));
    }
    return new TeamSummary(
        new Summary.RangeInfo(
            range.firstDay().toString(), range.lastDay().toString(), range.zone().getId()),
        total.seconds,
        Hours.decimal(total.seconds),
        total.billable,
        Hours.decimal(total.billable),
        total.seconds - total.billable,
        total.entries,
        amounts(total.centSeconds),
        overlap && dimensions.contains(Dimension.TAG),
        breakdowns);
  }

  /** Cent-seconds per currency as amounts, 2 decimals, currencies in alphabetical order. */
  public static List<Summary.Amount> amounts(Map<String, Long> centSeconds) {
    List<Summary.Amount> out = new ArrayList<>();
    new TreeMap<>(centSeconds)
        .forEach(
            (currency, cs) ->
                out.add(
                    new Summary.Amount(
                        currency,
                        BigDecimal.valueOf(cs)
                            .divide(CENT_SECONDS_PER_UNIT, 2, RoundingMode.HALF_UP))));
    return out;
  }

  private static List<TeamSummary.Group> lines(
      Dimension d, Map<String, Acc> groups, long total, Map<String, Map<String, Acc>> inner) {
    Comparator<Map.Entry<String, Acc>> order =
        d.chronological()
            ? Map.Entry.comparingByKey()
            : Comparator.<Map.Entry<String, Acc>>comparingLong(g -> -g.getValue().seconds)
                .thenComparing(g -> g.getValue().name);
    return groups.entrySet().stream()
        .sorted(order)
        .map(
            g -> {
              Map<String, Acc> below = inner.get(g.getKey());
              return g.getValue()
                  .group(
                      g.getKey(),
                      total,
                      below == null ? null : lines(Dimension.PROJECT, below, total, Map.of()));
            })
        .toList();
  }

  /** The key and name of a cell in each dimension; a cell with several tags has several. */
  private record Keys(Account account, Labels labels, DayOfWeek weekStart) {
    List<String[]> of(Dimension d, TeamCell c) {
      return switch (d) {
        case USER ->
            List.<String[]>of(
                c.userId() == null
                    ? new String[] {"none", "(no user)"}
                    : new String[] {c.userId().toString(), labels.user(c.userId())});
        case PROJECT ->
            List.<String[]>of(
                c.projectId() == null
                    ? new String[] {"none", "(no project)"}
                    : new String[] {c.projectId().toString(), labels.project(c.projectId())});
        case CLIENT -> {
          Long client =
              c.projectId() == null
                  ? null
                  : account.project(c.projectId()).map(Project::clientId).orElse(null);
          yield List.<String[]>of(
              client == null
                  ? new String[] {"none", "(no client)"}
                  : new String[] {client.toString(), labels.client(client)});
        }
        case TAG -> {
          if (c.tagIds().isEmpty()) {
            yield List.<String[]>of(new String[] {"none", "(no tag)"});
          }
          yield c.tagIds().stream()
              .distinct()
              .map(t -> new String[] {t.toString(), labels.tag(t)})
              .toList();
        }
        case DAY ->
            List.<String[]>of(
                new String[] {
                  day(c).toString(), day(c) + " " + day(c).getDayOfWeek().toString().substring(0, 3)
                });
        case WEEK -> {
          LocalDate first = day(c).with(TemporalAdjusters.previousOrSame(weekStart));
          yield List.<String[]>of(new String[] {first.toString(), "Week of " + first});
        }
        case MONTH -> {
          String month = day(c).toString().substring(0, 7);
          yield List.<String[]>of(new String[] {month, month});
        }
        default -> throw new IllegalArgumentException("not a team dimension: " + d);
      };
    }

    private static LocalDate day(TeamCell c) {
      if (c.day() == null) {
        throw new IllegalArgumentException("a summary cell has no day; read detailed rows");
      }
      return c.day();
    }
  }

  private static final class Acc {
    final String name;
    long seconds;
    long billable;
    int entries;
    final Map<String, Long> centSeconds = new HashMap<>();

    Acc(String name) {
      this.name = name;
    }

    void add(TeamCell c) {
      seconds += c.seconds();
      billable += c.billableSeconds();
      entries += c.entries();
      c.centSeconds().forEach((cur, cs) -> centSeconds.merge(cur, cs, Long::sum));
    }

    TeamSummary.Group group(String key, long total, @Nullable List<TeamSummary.Group> projects) {
      return new TeamSummary.Group(
          key,
          name,
          seconds,
          Hours.decimal(seconds),
          billable,
          entries,
          total == 0
              ? BigDecimal.ZERO
              : BigDecimal.valueOf(seconds)
                  .divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP),
          amounts(centSeconds),
          projects);
    }
  }
}
