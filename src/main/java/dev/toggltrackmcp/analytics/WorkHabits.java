package dev.toggltrackmcp.analytics;

import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * How a person usually works, learned from their own entries of some weeks: the days they work, the
 * hours of a usual workday (median first start, median last stop), their usual longest break of a
 * day, and how often they set a project, description and tags (per workspace). A timesheet check
 * measures against these instead of fixed rules.
 *
 * @param firstDay first local day learned from
 * @param lastDay last local day learned from
 * @param daysWorked days with entries on working days
 * @param workingDays days of the week with entries in at least half of the weeks (Monday to Friday
 *     when too little was learned)
 * @param usualStart median first start of a workday; null when too little was learned
 * @param usualEnd median last stop of a workday; null when too little was learned
 * @param usualLongestBreak nine in ten workdays have no longer break within the usual hours
 * @param fields how often each field is set, per workspace
 * @param allFields the same over every workspace, for workspaces with few entries
 */
public record WorkHabits(
    LocalDate firstDay,
    LocalDate lastDay,
    int daysWorked,
    Set<DayOfWeek> workingDays,
    @Nullable LocalTime usualStart,
    @Nullable LocalTime usualEnd,
    Duration usualLongestBreak,
    Map<Long, FieldHabits> fields,
    FieldHabits allFields) {

  /** Fewer workdays than this teach no hours. */
  public static final int FEWEST_DAYS = 10;

  /** Fewer entries than this teach no field habits (a workspace falls back to all of them). */
  public static final int FEWEST_ENTRIES = 20;

  /** "Usually": at least this share of entries. */
  public static final double USUALLY = 0.8;

  /** A gap is at least this long, and at least half again the usual longest break. */
  public static final Duration SHORTEST_GAP = Duration.ofHours(1);

  public WorkHabits {
    workingDays = workingDays.isEmpty() ? Set.of() : EnumSet.copyOf(workingDays);
    fields = Map.copyOf(fields);
  }

  /** How often entries carry each field. */
  public record FieldHabits(int entries, int withProject, int withDescription, int withTags) {
    public boolean usuallyProject() {
      return usually(withProject);
    }

    public boolean usuallyDescription() {
      return usually(withDescription);
    }

    public boolean usuallyTags() {
      return usually(withTags);
    }

    /** Percent of entries with {@code count}, for answers ("94%"). */
    public long percent(int count) {
      return entries == 0 ? 0 : Math.round(100.0 * count / entries);
    }

    private boolean usually(int count) {
      return entries >= FEWEST_ENTRIES && count >= USUALLY * entries;
    }
  }

  /** True when there was enough history to know usual hours. */
  public boolean knowsHours() {
    return usualStart != null && usualEnd != null;
  }

  /** The field habits that apply in {@code workspaceId}. */
  public FieldHabits fieldsIn(long workspaceId) {
    FieldHabits own = fields.get(workspaceId);
    return own != null && own.entries() >= FEWEST_ENTRIES ? own : allFields;
  }

  /** How long untracked time inside the usual hours must be to count as a gap. */
  public Duration gapThreshold() {
    Duration scaled = usualLongestBreak.multipliedBy(3).dividedBy(2);
    return scaled.compareTo(SHORTEST_GAP) > 0 ? scaled : SHORTEST_GAP;
  }

  /**
   * Learns from {@code entries} that start on {@code firstDay..lastDay}; {@code now} ends a running
   * one.
   */
  public static WorkHabits learn(
      List<TimeEntry> entries, LocalDate firstDay, LocalDate lastDay, ZoneId zone, Instant now) {
    Map<LocalDate, List<TimeEntry>> byDay = new TreeMap<>();
    Map<Long, int[]> perWorkspace = new HashMap<>();
    int[] all = new int[4];
    for (TimeEntry e : entries) {
      LocalDate day = LocalDate.ofInstant(e.start(), zone);
      if (day.isBefore(firstDay) || day.isAfter(lastDay)) {
        continue;
      }
      count(all, e);
      count(perWorkspace.computeIfAbsent(e.workspaceId(), k -> new int[4]), e);
      if (Gaps.end(e, now).isAfter(e.start())) {
        byDay.computeIfAbsent(day, k -> new ArrayList<>()).add(e);
      }
    }
    Map<Long, FieldHabits> fields = new HashMap<>();
    perWorkspace.forEach((ws, c) -> fields.put(ws, habits(c)));
    long weeks = Math.max(1, (ChronoUnit.DAYS.between(firstDay, lastDay) + 7) / 7);
    Map<DayOfWeek, Integer> daysSeen = new HashMap<>();
    byDay.keySet().forEach(d -> daysSeen.merge(d.getDayOfWeek(), 1, Integer::sum));
    Set<DayOfWeek> working = EnumSet.noneOf(DayOfWeek.class);
    daysSeen.forEach(
        (dow, n) -> {
          if (2L * n >= weeks) {
            working.add(dow);
          }
        });
    List<LocalDate> workdays =
        byDay.keySet().stream().filter(d -> working.contains(d.getDayOfWeek())).toList();
    if (workdays.size() < FEWEST_DAYS) {
      return new WorkHabits(
          firstDay,
          lastDay,
          workdays.size(),
          WorkWeek.DEFAULT.days(),
          null,
          null,
          Duration.ZERO,
          fields,
          habits(all));
    }
    List<Integer> starts = new ArrayList<>();
    List<Integer> stops = new ArrayList<>();
    for (LocalDate d : workdays) {
      List<TimeEntry> day = byDay.get(d);
      Instant first = day.stream().map(TimeEntry::start).min(Instant::compareTo).orElseThrow();
      Instant last = day.stream().map(e -> Gaps.end(e, now)).max(Instant::compareTo).orElseThrow();
      starts.add(first.atZone(zone).toLocalTime().toSecondOfDay());
      stops.add(
          LocalDate.ofInstant(last, zone).isAfter(d)
              ? LocalTime.MAX.toSecondOfDay()
              : last.atZone(zone).toLocalTime().toSecondOfDay());
    }
    LocalTime start = LocalTime.ofSecondOfDay(median(starts)).truncatedTo(ChronoUnit.MINUTES);
    LocalTime end = LocalTime.ofSecondOfDay(median(stops)).truncatedTo(ChronoUnit.MINUTES);
    List<Integer> longestBreaks = new ArrayList<>();
    for (LocalDate d : workdays) {
      longestBreaks.add(
          (int)
              Gaps.inside(
                      entries,
                      d.atTime(start).atZone(zone).toInstant(),
                      d.atTime(end).atZone(zone).toInstant(),
                      now)
                  .stream()
                  .mapToLong(g -> g.length().toSeconds())
                  .max()
                  .orElse(0));
    }
    return new WorkHabits(
        firstDay,
        lastDay,
        workdays.size(),
        working,
        start,
        end,
        Duration.ofSeconds(percentile(longestBreaks, 90)),
        fields,
        habits(all));
  }

  private static void count(int[] c, TimeEntry e) {
    c[0]++;
    c[1] += e.projectId() != null ? 1 : 0;
    c[2] += e.description().isBlank() ? 0 : 1;
    c[3] += e.tags().isEmpty() && e.tagIds().isEmpty() ? 0 : 1;
  }

  private static FieldHabits habits(int[] c) {
    return new FieldHabits(c[0], c[1], c[2], c[3]);
  }

  private static int median(List<Integer> values) {
    return percentile(values, 50);
  }

  /** The nearest-rank percentile. */
  private static int percentile(List<Integer> values, int p) {
    List<Integer> sorted = values.stream().sorted().toList();
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
