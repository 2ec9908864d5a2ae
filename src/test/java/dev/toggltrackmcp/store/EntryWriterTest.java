package dev.toggltrackmcp.store;

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
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each write against the simulator: what it costs, what Toggl holds after, what reads see. */
@Timeout(60)
class EntryWriterTest {
  private final WriteWorld w = new WriteWorld();

  @AfterEach
  void stop() {
    w.close();
  }

  @Test
  void loggingPastTimeIsOneRequestAndEveryReadSeesItWithoutAnother() {
    Instant start = NOW.minus(Duration.ofDays(2));
    Written written = w.writes.create(WriteWorld.logged("Log it once", start, Duration.ofHours(1)));

    assertThat(w.requests()).isEqualTo(1);
    assertThat(written.note()).isNull();
    assertThat(written.stoppedByToggl()).isNull();
    assertThat(written.entry().duration()).isEqualTo(3600);
    assertThat(written.entry().tags()).containsExactly("development");
    World.Entry stored = w.stored("Log it once").get(0);
    assertThat(w.stored("Log it once")).hasSize(1);
    assertThat(stored.projectId()).isEqualTo(WriteWorld.PROJECT);
    assertThat(w.week()).extracting(TimeEntry::id).contains(written.entry().id());
    assertThat(w.data.entry(written.entry().id()).value()).contains(written.entry());
    assertThat(w.requests()).isEqualTo(1);
  }

  @Test
  void startingATimerStopsTheRunningOneAndNamesItWithItsExactFinalLength() {
    TimeEntry running = w.data.runningEntry().value().orElseThrow();
    w.world.clock.advance(Duration.ofSeconds(5));

    Written written = w.writes.start(WriteWorld.timer("Call with Acme", w.world.clock.instant()));

    assertThat(w.requests()).isEqualTo(2); // the create, one since request for the stopped one
    World.Entry stoppedInToggl = w.world.data().entry(running.id()).orElseThrow();
    assertThat(written.stoppedByToggl()).isNotNull();
    assertThat(written.stoppedByToggl().id()).isEqualTo(running.id());
    assertThat(written.stoppedByToggl().stop()).isEqualTo(stoppedInToggl.stop());
    assertThat(written.stoppedByToggl().duration()).isEqualTo(stoppedInToggl.duration());
    assertThat(written.entry().isRunning()).isTrue();
    assertThat(w.data.runningEntry().value())
        .get()
        .extracting(TimeEntry::id)
        .isEqualTo(written.entry().id());
    assertThat(w.data.entry(running.id()).value().orElseThrow().isRunning()).isFalse();
    assertThat(w.requests()).isEqualTo(2);
  }

  @Test
  void startingWithNothingRunningIsOneRequest() {
    TimeEntry running = w.data.runningEntry().value().orElseThrow();
    w.writes.stop(running.id());
    w.world.simulator.requests().reset();

    Written written = w.writes.start(WriteWorld.timer("Deep work", w.world.clock.instant()));

    assertThat(w.requests()).isEqualTo(1);
    assertThat(written.stoppedByToggl()).isNull();
    assertThat(w.data.runningEntry().value()).contains(written.entry());
  }

  @Test
  void stopIsOneRequestAndAStoppedEntryIsAClearErrorThatCostsNothing() {
    TimeEntry running = w.data.runningEntry().value().orElseThrow();
    Written stopped = w.writes.stop(running.id());
    assertThat(w.requests()).isEqualTo(1);
    assertThat(stopped.entry().isRunning()).isFalse();
    assertThat(w.world.data().running()).isEmpty();
    assertThat(w.data.runningEntry().value()).isEmpty();

    TogglException again =
        catchThrowableOfType(TogglException.class, () -> w.writes.stop(running.id()));
    assertThat(again.kind()).isEqualTo("already_stopped");
    assertThat(again.getMessage()).contains("already stopped").contains("+01:00");
    assertThat(w.requests()).isEqualTo(1);
  }

  @Test
  void stoppingAnEntryStoppedElsewhereSaysWhenItEnded() {
    TimeEntry running = w.data.runningEntry().value().orElseThrow();
    w.world.data().stopRunning(w.world.clock.instant());

    TogglException e =
        catchThrowableOfType(TogglException.class, () -> w.writes.stop(running.id()));

    assertThat(e).as(w.world.simulator.requests().snapshot().toString()).isNotNull();
    assertThat(e.kind()).isEqualTo("already_stopped");
    assertThat(w.requests()).isEqualTo(2); // the 409, then one read of when it ended
    assertThat(w.data.runningEntry().value()).isEmpty();
  }

  @Test
  void updateSendsOnlyWhatChangesAndAnswersBeforeAndAfter() {
    TimeEntry target = w.someStopped(2);
    List<String> add = new ArrayList<>(List.of("travel"));
    Edited edited =
        w.writes.update(
            target.id(),
            new TimeEntryWrites.EntryEdit(
                "Renamed", null, false, null, false, null, null, null, null, add, List.of()));

    assertThat(w.requests()).isEqualTo(1);
    assertThat(edited.before()).isEqualTo(target);
    assertThat(edited.after().description()).isEqualTo("Renamed");
    assertThat(edited.after().tags()).containsAll(target.tags()).contains("travel");
    assertThat(w.world.data().entry(target.id()).orElseThrow().description()).isEqualTo("Renamed");
    assertThat(w.data.entry(target.id()).value()).contains(edited.after());
    assertThat(w.requests()).isEqualTo(1);

    Edited same = w.writes.update(target.id(), WriteWorld.describe("Renamed"));
    assertThat(same.after()).isEqualTo(same.before());
    assertThat(w.requests()).isEqualTo(1);
  }

  @Test
  void tagsAreReplacedAddedAndRemovedAsAsked() {
    TimeEntry target = w.someStopped(1);
    Edited replaced =
        w.writes.update(
            target.id(), WriteWorld.tags(List.of("development", "meeting"), List.of(), List.of()));
    assertThat(replaced.after().tags()).containsExactlyInAnyOrder("development", "meeting");
    Edited both =
        w.writes.update(target.id(), WriteWorld.tags(null, List.of("design"), List.of("meeting")));
    assertThat(both.after().tags()).containsExactlyInAnyOrder("development", "design");
    Edited removed =
        w.writes.update(target.id(), WriteWorld.tags(null, List.of(), List.of("development")));
    assertThat(removed.after().tags()).containsExactly("design");
    Edited cleared = w.writes.update(target.id(), WriteWorld.tags(List.of(), List.of(), List.of()));
    assertThat(cleared.after().tags()).isEmpty();
    assertThat(w.world.data().entry(target.id()).orElseThrow().tagIds()).isEmpty();
    assertThat(w.requests()).isEqualTo(4);
  }

  @Test
  void deleteIsOneRequestAndTheEntryLeavesEveryAnswerAtOnce() {
    TimeEntry victim = w.someStopped(3);
    TimeEntry was = w.writes.delete(victim.id());

    assertThat(was).isEqualTo(victim);
    assertThat(w.requests()).isEqualTo(1);
    assertThat(w.world.data().entry(victim.id()).orElseThrow().deleted()).isTrue();
    assertThat(w.week()).extracting(TimeEntry::id).doesNotContain(victim.id());
    assertThat(w.data.entry(victim.id()).value()).isEmpty();
    assertThat(w.requests()).isEqualTo(1);
  }

  @Test
  void aBulkEditIsOneRequestPerHundredAndTheCacheLearnsItLocally() {
    List<TimeEntry> some =
        w.week().stream().filter(e -> !e.isRunning() && e.workspaceId() == WS).limit(5).toList();
    List<Long> ids = new ArrayList<>(some.stream().map(TimeEntry::id).toList());
    ids.add(42L); // not held

    BulkOutcome outcome = w.writes.bulkUpdate(ids, WriteWorld.describe("Planning"));

    assertThat(w.requests()).isEqualTo(1);
    assertThat(outcome.complete()).isFalse();
    assertThat(outcome.notSent()).containsOnlyKeys(42L);
    assertThat(outcome.failed()).isEmpty();
    assertThat(outcome.updated()).hasSize(5).allMatch(e -> e.description().equals("Planning"));
    for (TimeEntry e : some) {
      assertThat(w.world.data().entry(e.id()).orElseThrow().description()).isEqualTo("Planning");
      assertThat(w.data.entry(e.id()).value().orElseThrow().description()).isEqualTo("Planning");
    }
    assertThat(w.requests()).as(w.world.simulator.requests().byEndpoint().toString()).isEqualTo(1);
  }

  @Test
  void aNewTagIsPartOfTheHeldAccountAtOnce() {
    Tag tag = w.writes.createTag(WS, "q1");
    assertThat(w.requests()).isEqualTo(1);
    assertThat(w.data.account().value().tags()).contains(tag);
    assertThat(w.world.data().tags()).filteredOn(t -> t.name().equals("q1")).hasSize(1);
    var client = w.writes.createClient(WS, "Umbrella Works");
    var project = w.writes.createProject(WS, "Umbrella launch", client.id());
    assertThat(w.requests()).isEqualTo(3);
    assertThat(w.data.account().value().client(client.id())).isPresent();
    assertThat(w.data.account().value().project(project.id()).orElseThrow().clientId())
        .isEqualTo(client.id());
    assertThat(w.requests()).isEqualTo(3);
  }

  @Test
  void whenTheQuotaIsSpentAWriteIsRefusedWithTheResetTimeAndNothingIsSent() {
    w.world.simulator.faults().next(1, Fault.QUOTA_402, "POST", WriteWorld.ENTRIES);
    TogglException first =
        catchThrowableOfType(
            TogglException.class,
            () ->
                w.writes.create(
                    WriteWorld.logged("Quota", NOW.minusSeconds(7200), Duration.ofHours(1))));
    assertThat(first.kind()).isEqualTo("quota_exhausted");
    int sent = w.requests();

    TogglException second =
        catchThrowableOfType(
            TogglException.class, () -> w.writes.stop(w.data.runningEntry().value().get().id()));

    assertThat(second.kind()).isEqualTo("quota_exhausted");
    assertThat(second.getMessage()).contains("resets in");
    assertThat(w.requests()).isEqualTo(sent);
    assertThat(w.stored("Quota")).isEmpty();
  }

  @Test
  void startingOnAStaleCacheStillNamesTheTimerTogglStopped() {
    w.writes.stop(w.data.runningEntry().value().orElseThrow().id());
    Instant elsewhere = w.world.clock.instant();
    World.Entry other =
        w.world
            .data()
            .addEntry(WS, null, "Started on the phone", elsewhere, null, List.of(), elsewhere);
    w.world.clock.advance(Duration.ofMinutes(1)); // past the running window: the cache may be old
    w.world.simulator.requests().reset();

    Written written = w.writes.start(WriteWorld.timer("At the desk", w.world.clock.instant()));

    assertThat(w.requests()).isEqualTo(2);
    assertThat(written.stoppedByToggl()).isNotNull();
    assertThat(written.stoppedByToggl().id()).isEqualTo(other.id());
    assertThat(written.stoppedByToggl().duration())
        .isEqualTo(w.world.data().entry(other.id()).orElseThrow().duration())
        .isEqualTo(60);
  }

  @Test
  void anEntryTheCacheDoesNotHoldIsReadOnceBeforeItIsChanged() {
    List<World.Entry> old =
        w.world.data().entriesOf(w.world.data().user().id()).stream()
            .filter(e -> e.start().isBefore(NOW.minus(Duration.ofDays(120))))
            .limit(2)
            .toList();
    Edited edited = w.writes.update(old.get(0).id(), WriteWorld.describe("Old, renamed"));
    assertThat(w.requests()).isEqualTo(2); // read it, change it
    assertThat(edited.before().description()).isEqualTo(old.get(0).description());
    assertThat(edited.after().description()).isEqualTo("Old, renamed");

    w.writes.delete(old.get(1).id());
    assertThat(w.requests()).isEqualTo(4);
    assertThat(w.world.data().entry(old.get(1).id()).orElseThrow().deleted()).isTrue();

    TogglException unknown =
        catchThrowableOfType(TogglException.class, () -> w.writes.delete(old.get(1).id()));
    assertThat(unknown.kind()).isEqualTo("not_found");
    assertThat(unknown.getMessage()).contains(String.valueOf(old.get(1).id()));
    assertThat(w.requests()).isEqualTo(5);
  }

  @Test
  void eachAppliedWriteIsLoggedOnceWithIdsAndNeitherTheDescriptionNorTheToken() {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    Written written;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      written =
          w.writes.create(
              WriteWorld.logged(
                  "Secret project Zephyr", NOW.minusSeconds(9000), Duration.ofHours(1)));
    } finally {
      System.setErr(err);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    String line = "Applied create: time entry " + written.entry().id() + " in workspace " + WS;
    assertThat(log).contains(line).doesNotContain("Zephyr");
    assertThat(log.split(Pattern.quote(line), -1)).hasSize(2);
    assertThat(log).doesNotContain(w.world.simulator.token());
  }

  @Test
  void whatAWriteTaughtTheCacheIsInTheFileForTheNextProcess(@TempDir Path dir) {
    Path file = dir.resolve("cache.sqlite");
    try (WriteWorld first = new WriteWorld(Duration.ofSeconds(5), file)) {
      Written logged =
          first.writes.create(
              WriteWorld.logged("Kept", NOW.minus(Duration.ofHours(20)), Duration.ofHours(1)));
      TimeEntry victim = first.someStopped(2);
      first.writes.delete(victim.id());
      Tag tag = first.writes.createTag(WS, "kept-tag");
      SyncedToggl next =
          SyncedToggl.create(first.client, file, first.world.clock, FreshnessPolicy.DEFAULT);
      first.world.simulator.requests().reset();

      List<TimeEntry> week =
          next.entries(NOW.minus(Duration.ofDays(7)), NOW.plus(Duration.ofDays(1))).value();

      assertThat(week).extracting(TimeEntry::id).contains(logged.entry().id());
      assertThat(week).extracting(TimeEntry::id).doesNotContain(victim.id());
      assertThat(next.account().value().tag(tag.id())).isPresent();
      assertThat(first.requests()).isZero();
    }
  }
}
