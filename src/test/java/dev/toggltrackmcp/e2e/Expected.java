package dev.toggltrackmcp.e2e;

import dev.toggltrackmcp.sandbox.Dataset;
import dev.toggltrackmcp.sandbox.World;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Expected answers computed straight from the simulator's own records, independently of the
 * server's analytics: local days in Europe/Berlin, an entry counted on the day it starts, running
 * entries up to now.
 */
final class Expected {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private final Dataset data;
  private final Instant now;

  Expected(Dataset data, Instant now) {
    this.data = data;
    this.now = now;
  }

  List<World.Entry> startingOn(LocalDate first, LocalDate last, Predicate<World.Entry> more) {
    return data.liveEntries().stream()
        .filter(
            e -> {
              LocalDate d = LocalDate.ofInstant(e.start(), BERLIN);
              return !d.isBefore(first) && !d.isAfter(last);
            })
        .filter(more)
        .toList();
  }

  /**
   * Asserts a total of seconds: finished entries exactly; a running entry counts up to the server's
   * "now", which the simulated clock moves a little while the client paces its requests (at most
   * {@code PACING_SLACK}).
   */
  void assertTotal(long actual, List<World.Entry> entries) {
    long finished = seconds(entries.stream().filter(e -> !e.running()).toList());
    long running = seconds(entries.stream().filter(World.Entry::running).toList());
    long runningCount = entries.stream().filter(World.Entry::running).count();
    org.assertj.core.api.Assertions.assertThat(actual)
        .isBetween(finished + running, finished + running + runningCount * PACING_SLACK);
  }

  static final long PACING_SLACK = 120;

  long seconds(List<World.Entry> entries) {
    return entries.stream()
        .mapToLong(
            e -> e.running() ? now.getEpochSecond() - e.start().getEpochSecond() : e.duration())
        .sum();
  }

  /**
   * What the server should call a client: its name, or — when another client has the same name —
   * the name with its workspace's name.
   */
  String clientLabel(long clientId) {
    World.Client c = data.client(clientId).orElseThrow();
    boolean repeated =
        data.clients().stream()
            .anyMatch(o -> o.id() != c.id() && o.name().equalsIgnoreCase(c.name()));
    return repeated
        ? c.name() + " (" + data.workspace(c.workspaceId()).orElseThrow().name() + ")"
        : c.name();
  }

  /** The client an entry's project belongs to, if any. */
  Long clientOf(World.Entry e) {
    return e.projectId() == null ? null : data.project(e.projectId()).orElseThrow().clientId();
  }

  boolean tagged(World.Entry e, String tagName) {
    return e.tagIds().stream().anyMatch(t -> data.tagName(t).equalsIgnoreCase(tagName));
  }

  boolean describedWith(World.Entry e, String text) {
    return e.description().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
  }

  boolean mentions(World.Entry e, String text) {
    String q = text.toLowerCase(Locale.ROOT);
    if (e.description().toLowerCase(Locale.ROOT).contains(q)) {
      return true;
    }
    if (e.tagIds().stream().anyMatch(t -> data.tagName(t).toLowerCase(Locale.ROOT).contains(q))) {
      return true;
    }
    if (e.projectId() == null) {
      return false;
    }
    World.Project p = data.project(e.projectId()).orElseThrow();
    if (p.name().toLowerCase(Locale.ROOT).contains(q)) {
      return true;
    }
    return p.clientId() != null
        && data.client(p.clientId()).orElseThrow().name().toLowerCase(Locale.ROOT).contains(q);
  }
}
