package dev.toggltrackmcp.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toggltrackmcp.toggl.SummaryReport;
import dev.toggltrackmcp.toggl.TogglClient;
import dev.toggltrackmcp.toggl.TogglException;
import dev.toggltrackmcp.toggl.TogglJson;
import dev.toggltrackmcp.toggl.TogglReports;
import dev.toggltrackmcp.toggl.model.WorkspaceUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Team answers kept as documents in the cache file, one per question (workspace, range, filters),
 * with the time Toggl gave them. An answer is reused while it is younger than the freshness window,
 * or — for a range that ended before today — for as long as the workspace's reference data is the
 * version it was asked against. Loads run single-flight on background threads; a question waits
 * only within its {@link Patience} budget, so a long load answers from an older copy (or says it
 * goes on) and the next question finds it done. The newest {@link #MOST_KEPT} answers are kept.
 */
final class TeamCache implements TeamData {
  private static final Logger LOG = LoggerFactory.getLogger(TeamCache.class);
  static final int MOST_KEPT = 60;
  private static final String INDEX = "team-index";
  private static final ObjectMapper JSON = TogglJson.mapper();

  /** A cached answer as it was read back: the value, when Toggl gave it, whether it still holds. */
  private record Held<T>(T value, Instant asOf, boolean current) {}

  private final TogglClient client;
  private final TogglReports reports;
  private final Supplier<CacheStore> store;
  private final Supplier<ZoneId> zone;
  private final Clock clock;
  private final FreshnessPolicy policy;
  private final Patience patience;
  private final SingleFlight flights = new SingleFlight("toggl-team");

  TeamCache(
      TogglClient client,
      TogglReports reports,
      Supplier<CacheStore> store,
      Supplier<ZoneId> zone,
      Clock clock,
      FreshnessPolicy policy,
      Patience patience) {
    this.client = client;
    this.reports = reports;
    this.store = store;
    this.zone = zone;
    this.clock = clock;
    this.policy = policy;
    this.patience = patience;
  }

  @Override
  public Fresh<List<WorkspaceUser>> members(long workspaceId) {
    JavaType type = JSON.getTypeFactory().constructCollectionType(List.class, WorkspaceUser.class);
    return answer(
        "team-members:" + workspaceId,
        false,
        "",
        policy.reference(),
        type,
        () -> client.workspaceUsers(workspaceId));
  }

  @Override
  public Fresh<List<TogglReports.Row>> rows(TeamRequest r) {
    JavaType type =
        JSON.getTypeFactory().constructCollectionType(List.class, TogglReports.Row.class);
    return answer(
        r.key("rows"),
        r.closed(),
        r.referenceVersion(),
        policy.entries(),
        type,
        () -> reports.teamRows(r.workspaceId(), r.query(), r.first(), r.last(), zone.get()));
  }

  @Override
  public Fresh<SummaryReport> summary(TeamRequest r, String grouping, String subGrouping) {
    return answer(
        r.key("summary-" + grouping + "-" + subGrouping),
        r.closed(),
        r.referenceVersion(),
        policy.entries(),
        JSON.constructType(SummaryReport.class),
        () ->
            reports.summary(
                r.workspaceId(), r.query(), r.first(), r.last(), grouping, subGrouping));
  }

  /**
   * The cached answer under {@code key} while it holds; otherwise Toggl's, loaded once for every
   * question that needs it and saved, within the budget. Past the budget, or when Toggl cannot
   * answer, an older copy answers with a note; with none, the failure is thrown.
   */
  private <T> Fresh<T> answer(
      String key,
      boolean closed,
      String version,
      Duration window,
      JavaType type,
      Supplier<T> load) {
    Patience.Budget budget = patience.start();
    Optional<Held<T>> held = read(key, closed, version, window, type);
    if (held.isPresent() && held.get().current()) {
      return Fresh.of(held.get().value(), held.get().asOf());
    }
    CompletableFuture<Held<T>> flight =
        flights.run(
            key,
            () -> {
              Instant asOf = clock.instant();
              T value = load.get();
              save(key, closed, version, asOf, value);
              return new Held<>(value, asOf, true);
            });
    boolean done;
    try {
      done = budget.waitFor(flight);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      done = false;
    }
    if (!done) {
      if (held.isEmpty()) {
        throw new TogglException.Slow(budget.length());
      }
      return new Fresh<>(
          held.get().value(),
          held.get().asOf(),
          "Toggl has not answered within "
              + budget.length().toSeconds()
              + " s, so this answer uses team data cached at "
              + held.get().asOf()
              + "; the refresh goes on and the next question will have it.");
    }
    Held<T> loaded;
    try {
      loaded = flight.join();
    } catch (CompletionException e) {
      if (!(e.getCause() instanceof TogglException failure)) {
        throw e;
      }
      if (held.isEmpty() || refusal(failure)) {
        throw failure;
      }
      LOG.warn(
          "Toggl could not be asked for team data ({}); answering from the cache.", failure.kind());
      return new Fresh<>(
          held.get().value(),
          held.get().asOf(),
          failure.getMessage() + " Answering from team data cached at " + held.get().asOf() + ".");
    }
    return Fresh.of(loaded.value(), loaded.asOf());
  }

  /** Toggl's no to this question, which an older copy must not hide. */
  private static boolean refusal(TogglException e) {
    return e instanceof TogglException.AuthenticationFailed
        || e instanceof TogglException.FeatureNotInPlan
        || e instanceof TogglException.NotAllowed;
  }

  private <T> Optional<Held<T>> read(
      String key, boolean closed, String version, Duration window, JavaType type) {
    Optional<String> saved = store.get().document(key).filter(t -> !t.isBlank());
    if (saved.isEmpty()) {
      return Optional.empty();
    }
    try {
      JsonNode doc = JSON.readTree(saved.get());
      Instant asOf = Instant.parse(doc.path("as_of").asText());
      T value = JSON.convertValue(doc.get("data"), type);
      if (value == null) {
        return Optional.empty();
      }
      boolean kept =
          closed && doc.path("closed").asBoolean() && version.equals(doc.path("version").asText());
      boolean young = clock.instant().isBefore(asOf.plus(window));
      return Optional.of(new Held<>(value, asOf, kept || young));
    } catch (JsonProcessingException | RuntimeException unreadable) {
      return Optional.empty(); // asked again, and saved over
    }
  }

  private synchronized void save(
      String key, boolean closed, String version, Instant asOf, Object value) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("as_of", asOf.toString());
    doc.put("closed", closed);
    doc.put("version", version);
    doc.set("data", JSON.valueToTree(value));
    CacheStore s = store.get();
    s.saveDocument(key, doc.toString());
    List<String> kept = new ArrayList<>();
    try {
      JsonNode index = JSON.readTree(s.document(INDEX).filter(t -> !t.isBlank()).orElse("[]"));
      index.forEach(k -> kept.add(k.asText()));
    } catch (JsonProcessingException | RuntimeException unreadable) {
      // a new index starts with this answer
    }
    kept.remove(key);
    kept.add(key);
    while (kept.size() > MOST_KEPT) {
      s.saveDocument(kept.remove(0), ""); // the store has no delete: an empty document is none
    }
    ArrayNode index = JSON.createArrayNode();
    kept.forEach(index::add);
    s.saveDocument(INDEX, index.toString());
  }
}
