package dev.toggltrackmcp.store;

import static dev.toggltrackmcp.store.WriteWorld.WS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.Tag;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A sync that read Toggl before a write and commits after it: its older copies must not undo the
 * write in the cache. The sync's read is made for real (a {@code since} request of a second client)
 * before the write, and committed after it exactly as a sync commits: one change through {@link
 * SyncedToggl#apply}.
 */
@Timeout(60)
class WriteRaceTest {
  private final WriteWorld w = new WriteWorld();

  @AfterEach
  void stop() {
    w.close();
  }

  /** What a sync started now would bring: every entry changed in the last 90 days. */
  private Change syncReadNow() {
    List<TimeEntry> read =
        w.world.client().timeEntriesSince(w.world.clock.instant().minus(Duration.ofDays(89)));
    return new Change(
        null,
        null,
        read.stream().filter(e -> !e.isDeleted()).toList(),
        read.stream().filter(TimeEntry::isDeleted).map(TimeEntry::id).toList(),
        w.world.clock.instant(),
        null,
        null);
  }

  @Test
  void aSyncReadBeforeAStopDoesNotRestartTheTimerInTheCache() {
    TimeEntry running = w.data.runningEntry().value().orElseThrow();
    Change stale = syncReadNow();
    assertThat(stale.upserts()).extracting(TimeEntry::id).contains(running.id());
    w.world.clock.advance(Duration.ofSeconds(3));

    w.writes.stop(running.id());
    w.data.apply(stale);

    assertThat(w.data.runningEntry().value()).isEmpty();
    assertThat(w.data.entry(running.id()).value().orElseThrow().isRunning()).isFalse();
  }

  @Test
  void aSyncReadBeforeADeleteDoesNotBringTheEntryBack() {
    TimeEntry victim = w.someStopped(2);
    Change stale = syncReadNow();
    assertThat(stale.upserts()).extracting(TimeEntry::id).contains(victim.id());

    w.writes.delete(victim.id());
    w.data.apply(stale);

    assertThat(w.week()).extracting(TimeEntry::id).doesNotContain(victim.id());
    assertThat(w.data.entry(victim.id()).value()).isEmpty();
  }

  @Test
  void aSyncReadBeforeAnUpdateOrABulkEditKeepsTheEditedCopies() {
    TimeEntry one = w.someStopped(1);
    List<TimeEntry> many =
        w.week().stream()
            .filter(e -> !e.isRunning() && e.workspaceId() == WS && e.id() != one.id())
            .limit(3)
            .toList();
    Change stale = syncReadNow();
    w.world.clock.advance(Duration.ofSeconds(3));

    w.writes.update(one.id(), WriteWorld.describe("Edited after the read"));
    w.writes.bulkUpdate(many.stream().map(TimeEntry::id).toList(), WriteWorld.describe("Bulk"));
    w.data.apply(stale);

    assertThat(w.data.entry(one.id()).value().orElseThrow().description())
        .isEqualTo("Edited after the read");
    for (TimeEntry e : many) {
      assertThat(w.data.entry(e.id()).value().orElseThrow().description()).isEqualTo("Bulk");
    }
  }

  @Test
  void theNextRealSyncStillBringsTogglsOwnCopyOfABulkEdit() {
    List<TimeEntry> many =
        w.week().stream().filter(e -> !e.isRunning() && e.workspaceId() == WS).limit(3).toList();
    w.world.clock.advance(Duration.ofSeconds(3));
    w.writes.bulkUpdate(many.stream().map(TimeEntry::id).toList(), WriteWorld.describe("Bulk"));
    w.world.clock.advance(Duration.ofMinutes(6));
    w.world.simulator.requests().reset();

    List<TimeEntry> week = w.week(); // one since request

    assertThat(w.requests()).isEqualTo(1);
    for (TimeEntry e : many) {
      TimeEntry held = week.stream().filter(x -> x.id() == e.id()).findFirst().orElseThrow();
      assertThat(held.description()).isEqualTo("Bulk");
      assertThat(held.at())
          .isEqualTo(w.world.client().timeEntry(e.id()).at()); // Toggl's own copy now
    }
  }

  @Test
  void aReferenceReadBeforeANewTagDoesNotDropItButOneAfterIsBelieved() {
    Instant asked = w.world.clock.instant();
    Account stale = w.world.client().meWithRelatedData().account(); // read before the tag exists
    w.world.clock.advance(Duration.ofSeconds(3));
    Tag tag = w.writes.createTag(WS, "race-tag");

    w.data.apply(new Change(stale, asked, List.of(), List.of(), null, null, null));
    assertThat(w.data.heldAccount().orElseThrow().tag(tag.id())).isPresent();

    w.world.clock.advance(Duration.ofSeconds(3)); // a read begun now that lacks it: deleted
    w.data.apply(
        new Change(stale, w.world.clock.instant(), List.of(), List.of(), null, null, null));
    assertThat(w.data.heldAccount().orElseThrow().tag(tag.id())).isEmpty();
  }
}
