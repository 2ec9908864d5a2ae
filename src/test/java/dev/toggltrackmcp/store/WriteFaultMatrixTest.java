package dev.toggltrackmcp.store;

import static dev.toggltrackmcp.store.WriteWorld.ENTRIES;
import static dev.toggltrackmcp.store.WriteWorld.NOW;
import static dev.toggltrackmcp.store.WriteWorld.WS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.toggltrackmcp.sandbox.Fault;
import dev.toggltrackmcp.sandbox.World;
import dev.toggltrackmcp.store.TimeEntryWrites.BulkOutcome;
import dev.toggltrackmcp.store.TimeEntryWrites.Edited;
import dev.toggltrackmcp.store.TimeEntryWrites.Written;
import dev.toggltrackmcp.toggl.TogglException;
import dev.toggltrackmcp.toggl.model.Tag;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every write under every fault that can take its answer: afterwards the simulator's own records
 * hold the change once or not at all, and the outcome says which.
 */
@Timeout(120)
class WriteFaultMatrixTest {
  private static final String SINCE = "/api/v9/me/time_entries";

  /** Stalled answers are given up after 1 s of real time; nothing else comes near that. */
  private final WriteWorld w = new WriteWorld(Duration.ofSeconds(1));

  @AfterEach
  void stop() {
    w.close();
  }

  private static boolean storedFirst(Fault f) {
    return f.name().startsWith("STORED_") || f == Fault.HEADERS_THEN_STALL;
  }

  @ParameterizedTest(name = "create, {0}")
  @EnumSource(
      value = Fault.class,
      names = {
        "SERVER_ERROR_500",
        "BAD_GATEWAY_502",
        "UNAVAILABLE_503",
        "DROP_CONNECTION",
        "NO_ANSWER",
        "RATE_LIMITED_429",
        "STORED_THEN_DROPPED",
        "STORED_THEN_500",
        "STORED_THEN_502",
        "STORED_THEN_503",
        "STORED_THEN_STALL",
        "HEADERS_THEN_STALL"
      })
  void aCreateWhoseAnswerIsLostIsStoredExactlyOnce(Fault fault) {
    String what = "Once after " + fault;
    w.world.simulator.faults().next(1, fault, "POST", ENTRIES);

    Written written =
        w.writes.create(
            WriteWorld.logged(what, NOW.minus(Duration.ofHours(30)), Duration.ofMinutes(45)));

    assertThat(w.world.simulator.requests().answeredBy(fault)).isEqualTo(1);
    List<World.Entry> stored = w.stored(what);
    assertThat(stored).hasSize(1);
    assertThat(written.entry().id()).isEqualTo(stored.get(0).id());
    int requests = w.requests();
    if (fault == Fault.RATE_LIMITED_429) {
      assertThat(written.note()).isNull();
      assertThat(requests).isEqualTo(2); // 429 means not taken, so the wire sends it again
    } else if (storedFirst(fault)) {
      assertThat(written.note()).contains("stored once").contains("not sent again");
      assertThat(requests).isEqualTo(2); // the create, one since check
    } else {
      assertThat(written.note()).contains("found nothing stored").contains("sent once more");
      if (fault != Fault.DROP_CONNECTION) {
        assertThat(requests).isEqualTo(3); // the create, the check, the create again
      }
    }
    assertThat(w.data.entry(written.entry().id()).value()).isPresent();
    assertThat(w.requests()).isEqualTo(requests);
  }

  @Test
  void aCreateLostTwiceAndCheckedAbsentTwiceIsReportedNotStored() {
    w.world.simulator.faults().next(2, Fault.BAD_GATEWAY_502, "POST", ENTRIES);
    TogglException e =
        catchThrowableOfType(
            TogglException.class,
            () ->
                w.writes.create(
                    WriteWorld.logged(
                        "Never", NOW.minus(Duration.ofHours(5)), Duration.ofHours(1))));
    assertThat(e.kind()).isEqualTo("not_stored");
    assertThat(e.getMessage()).contains("did not store").contains("nothing changed");
    assertThat(w.stored("Never")).isEmpty();
    assertThat(w.requests()).isEqualTo(4);
  }

  @Test
  void aCreateStoredThenLostWhoseCheckFailsSaysItIsNotKnown() {
    w.world.simulator.faults().next(1, Fault.STORED_THEN_500, "POST", ENTRIES);
    w.world.simulator.faults().next(10, Fault.SERVER_ERROR_500, "GET", SINCE);
    TogglException e =
        catchThrowableOfType(
            TogglException.class,
            () ->
                w.writes.create(
                    WriteWorld.logged(
                        "Unknown", NOW.minus(Duration.ofHours(5)), Duration.ofHours(1))));
    assertThat(e.kind()).isEqualTo("outcome_unknown");
    assertThat(e.getMessage()).contains("NOT KNOWN").contains("list_time_entries");
    assertThat(w.stored("Unknown")).hasSize(1); // stored once; the answer says it may be
  }

  @Test
  void aCreateNeverTakenWhoseCheckFailsSaysItIsNotKnownEither() {
    w.world.simulator.faults().next(1, Fault.NO_ANSWER, "POST", ENTRIES);
    w.world.simulator.faults().next(10, Fault.SERVER_ERROR_500, "GET", SINCE);
    TogglException e =
        catchThrowableOfType(
            TogglException.class,
            () ->
                w.writes.create(
                    WriteWorld.logged(
                        "Maybe", NOW.minus(Duration.ofHours(5)), Duration.ofHours(1))));
    assertThat(e.kind()).isEqualTo("outcome_unknown");
    assertThat(w.stored("Maybe")).isEmpty();
  }

  @ParameterizedTest(name = "start, {0}")
  @EnumSource(
      value = Fault.class,
      names = {"STORED_THEN_500", "STORED_THEN_STALL", "DROP_CONNECTION", "SERVER_ERROR_500"})
  void aStartWhoseAnswerIsLostRunsOnceAndNamesTheStoppedTimer(Fault fault) {
    TimeEntry running = w.data.runningEntry().value().orElseThrow();
    String what = "Timer after " + fault;
    w.world.simulator.faults().next(1, fault, "POST", ENTRIES);

    Written written = w.writes.start(WriteWorld.timer(what, w.world.clock.instant()));

    assertThat(w.world.simulator.requests().answeredBy(fault)).isEqualTo(1);
    assertThat(w.stored(what)).hasSize(1).allMatch(World.Entry::running);
    assertThat(w.world.data().running())
        .get()
        .extracting(World.Entry::id)
        .isEqualTo(written.entry().id());
    assertThat(written.note()).isNotNull();
    assertThat(written.stoppedByToggl()).isNotNull();
    assertThat(written.stoppedByToggl().id()).isEqualTo(running.id());
    assertThat(written.stoppedByToggl().duration())
        .isEqualTo(w.world.data().entry(running.id()).orElseThrow().duration());
    assertThat(w.data.runningEntry().value())
        .get()
        .extracting(TimeEntry::id)
        .isEqualTo(written.entry().id());
  }

  @ParameterizedTest(name = "stop, {0}")
  @EnumSource(
      value = Fault.class,
      names = {
        "STORED_THEN_500",
        "STORED_THEN_DROPPED",
        "STORED_THEN_STALL",
        "SERVER_ERROR_500",
        "DROP_CONNECTION"
      })
  void aStopWhoseAnswerIsLostIsTheSuccessItIs(Fault fault) {
    TimeEntry running = w.data.runningEntry().value().orElseThrow();
    w.world.simulator.faults().next(1, fault, "PATCH", ENTRIES);

    Written written = w.writes.stop(running.id());

    assertThat(w.world.simulator.requests().answeredBy(fault)).isEqualTo(1);
    World.Entry inToggl = w.world.data().entry(running.id()).orElseThrow();
    assertThat(inToggl.running()).isFalse();
    assertThat(written.entry().stop()).isEqualTo(inToggl.stop());
    if (storedFirst(fault)) {
      assertThat(written.note()).contains("stopped once");
    }
    assertThat(w.data.runningEntry().value()).isEmpty();
  }

  @Test
  void aStopWhoseEveryAnswerIsLostIsCheckedOnceAndReportedStopped() {
    TimeEntry running = w.data.runningEntry().value().orElseThrow();
    w.world.simulator.faults().next(4, Fault.STORED_THEN_500, "PATCH", ENTRIES);

    Written written = w.writes.stop(running.id());

    assertThat(w.world.data().entry(running.id()).orElseThrow().running()).isFalse();
    assertThat(written.entry().isRunning()).isFalse();
    assertThat(written.note()).contains("stopped once");
    assertThat(w.requests()).isEqualTo(5); // four tries, one read
  }

  @ParameterizedTest(name = "delete, {0}")
  @EnumSource(
      value = Fault.class,
      names = {"STORED_THEN_500", "STORED_THEN_DROPPED", "SERVER_ERROR_500", "DROP_CONNECTION"})
  void aDeleteWhoseAnswerIsLostIsTheSuccessItIs(Fault fault) {
    TimeEntry victim = w.someStopped(4);
    w.world.simulator.faults().next(1, fault, "DELETE", ENTRIES);

    TimeEntry was = w.writes.delete(victim.id());

    assertThat(w.world.simulator.requests().answeredBy(fault)).isEqualTo(1);
    assertThat(was.id()).isEqualTo(victim.id());
    assertThat(w.world.data().entry(victim.id()).orElseThrow().deleted()).isTrue();
    assertThat(w.week()).extracting(TimeEntry::id).doesNotContain(victim.id());
  }

  @Test
  void aDeleteWhoseEveryAnswerIsLostIsCheckedOnceAndReportedDone() {
    TimeEntry victim = w.someStopped(4);
    w.world.simulator.faults().next(4, Fault.STORED_THEN_500, "DELETE", ENTRIES);
    w.writes.delete(victim.id());
    assertThat(w.world.data().entry(victim.id()).orElseThrow().deleted()).isTrue();
    assertThat(w.requests()).isEqualTo(5);
  }

  @ParameterizedTest(name = "update, {0}")
  @EnumSource(
      value = Fault.class,
      names = {"STORED_THEN_500", "STORED_THEN_DROPPED", "SERVER_ERROR_500", "DROP_CONNECTION"})
  void anUpdateWhoseAnswerIsLostIsAppliedOnce(Fault fault) {
    TimeEntry target = w.someStopped(5);
    w.world.simulator.faults().next(1, fault, "PUT", ENTRIES);

    Edited edited =
        w.writes.update(
            target.id(),
            new TimeEntryWrites.EntryEdit(
                "Edited once",
                null,
                false,
                null,
                false,
                null,
                null,
                null,
                null,
                List.of("travel"),
                List.of()));

    assertThat(w.world.simulator.requests().answeredBy(fault)).isEqualTo(1);
    World.Entry inToggl = w.world.data().entry(target.id()).orElseThrow();
    assertThat(inToggl.description()).isEqualTo("Edited once");
    assertThat(edited.after().description()).isEqualTo("Edited once");
    assertThat(edited.after().tags()).doesNotHaveDuplicates().contains("travel");
    assertThat(inToggl.tagIds()).doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "bulk, {0}")
  @EnumSource(
      value = Fault.class,
      names = {"STORED_THEN_500", "STORED_THEN_DROPPED", "SERVER_ERROR_500", "DROP_CONNECTION"})
  void aBulkEditWhoseAnswerIsLostIsAppliedOnce(Fault fault) {
    List<TimeEntry> some =
        w.week().stream().filter(e -> !e.isRunning() && e.workspaceId() == WS).limit(4).toList();
    w.world.simulator.faults().next(1, fault, "PATCH", ENTRIES);

    BulkOutcome outcome =
        w.writes.bulkUpdate(
            some.stream().map(TimeEntry::id).toList(),
            WriteWorld.tags(null, List.of("travel"), List.of()));

    assertThat(w.world.simulator.requests().answeredBy(fault)).isEqualTo(1);
    assertThat(outcome.complete()).isTrue();
    for (TimeEntry e : some) {
      World.Entry inToggl = w.world.data().entry(e.id()).orElseThrow();
      assertThat(inToggl.tagIds()).doesNotHaveDuplicates().contains(18_765_407L);
    }
    assertThat(outcome.updated()).allMatch(e -> e.tags().contains("travel"));
  }

  @ParameterizedTest(name = "create tag, {0}")
  @EnumSource(
      value = Fault.class,
      names = {"STORED_THEN_500", "STORED_THEN_STALL", "SERVER_ERROR_500", "DROP_CONNECTION"})
  void aTagWhoseAnswerIsLostIsCreatedOnce(Fault fault) {
    w.world.simulator.faults().next(1, fault, "POST", "/api/v9/workspaces/" + WS + "/tags");

    Tag tag = w.writes.createTag(WS, "q1-" + fault.ordinal());

    assertThat(w.world.simulator.requests().answeredBy(fault)).isEqualTo(1);
    List<World.Tag> inToggl =
        w.world.data().tags().stream().filter(t -> t.name().equals(tag.name())).toList();
    assertThat(inToggl).hasSize(1);
    assertThat(tag.id()).isEqualTo(inToggl.get(0).id());
    assertThat(w.data.account().value().tags()).contains(tag);
  }

  @Test
  void aBulkEditOfManyGoesInChunksAndReportsEachFailureAndWhatWasNotSent() {
    List<TimeEntry> held =
        w.data.entries(NOW.minus(Duration.ofDays(80)), NOW.plus(Duration.ofDays(1))).value();
    List<Long> main =
        held.stream()
            .filter(e -> e.workspaceId() == WS && !e.isRunning())
            .map(TimeEntry::id)
            .limit(230)
            .toList();
    List<Long> other =
        held.stream().filter(e -> e.workspaceId() != WS).map(TimeEntry::id).limit(5).toList();
    assertThat(main).hasSize(230);
    assertThat(other).isNotEmpty();
    Instant now = w.world.clock.instant();
    List<Long> goneBehindOurBack = List.of(main.get(3), main.get(150));
    goneBehindOurBack.forEach(id -> w.world.data().delete(id, now));
    // the third chunk of the main workspace meets a spent quota
    w.world.simulator.faults().next(1, Fault.QUOTA_402, "PATCH", ENTRIES + "/" + main.get(200));
    List<Long> ids = new ArrayList<>(main);
    ids.addAll(other);

    BulkOutcome outcome = w.writes.bulkUpdate(ids, WriteWorld.describe("Bulk planning"));

    assertThat(w.requests()).isEqualTo(3); // 100, 100, then the 402; the other workspace not sent
    assertThat(outcome.complete()).isFalse();
    assertThat(outcome.failed()).containsOnlyKeys(goneBehindOurBack);
    assertThat(outcome.updated()).hasSize(198);
    assertThat(outcome.notSent()).hasSize(30 + other.size());
    assertThat(outcome.notSent().values()).allMatch(r -> r.contains("quota"));
    long changed =
        w.world.data().liveEntries().stream()
            .filter(e -> e.description().equals("Bulk planning"))
            .count();
    assertThat(changed).isEqualTo(198);
    assertThat(
            w.week().stream()
                .filter(e -> ids.contains(e.id()))
                .filter(e -> main.indexOf(e.id()) >= 0 && main.indexOf(e.id()) < 200)
                .filter(e -> !goneBehindOurBack.contains(e.id())))
        .allMatch(e -> e.description().equals("Bulk planning"));
  }
}
