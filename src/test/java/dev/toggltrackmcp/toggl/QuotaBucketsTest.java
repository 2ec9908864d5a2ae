package dev.toggltrackmcp.toggl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.toggltrackmcp.sandbox.Fault;
import dev.toggltrackmcp.sandbox.World;
import dev.toggltrackmcp.testing.SimulatedWorld;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Toggl counts workspace and Reports requests per organization: each organization's bucket is
 * remembered apart, from its own headers, so one spent organization does not stop another.
 */
class QuotaBucketsTest {
  private final SimulatedWorld world = new SimulatedWorld();
  private final TogglClient client = world.client();
  private final QuotaWatch watch = client.http().quota();
  private final World.Workspace lima = workspace("Lima Consulting");
  private final World.Workspace northwind = workspace("Northwind Agency");

  QuotaBucketsTest() {
    Map<Long, Long> organizations = new HashMap<>();
    world.data().workspaces().forEach(w -> organizations.put(w.id(), w.organizationId()));
    watch.knowOrganizations(organizations);
  }

  @AfterEach
  void stop() {
    world.close();
  }

  private World.Workspace workspace(String name) {
    return world.data().workspaces().stream()
        .filter(w -> w.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void eachOrganizationIsTrackedFromItsOwnHeaders() {
    assertThat(lima.organizationId()).isNotEqualTo(northwind.organizationId());
    client.clients(lima.id());
    client.clients(lima.id());
    client.clients(northwind.id());
    assertThat(watch.organization(lima.organizationId()))
        .get()
        .satisfies(q -> assertThat(q.remaining()).isEqualTo(238));
    assertThat(watch.organization(northwind.organizationId()))
        .get()
        .satisfies(q -> assertThat(q.remaining()).isEqualTo(239));
    assertThat(watch.forWorkspace(lima.id())).isEqualTo(watch.organization(lima.organizationId()));
    assertThat(watch.lastKnown(QuotaBucket.USER)).isEmpty();
  }

  @Test
  void aSpentOrganizationIsRefusedLocallyWhileAnotherStillAnswers() {
    world.simulator.faults().next(1, Fault.QUOTA_402, "/api/v9/workspaces/" + northwind.id());
    catchThrowableOfType(TogglException.QuotaExhausted.class, () -> client.tags(northwind.id()));
    int before = world.requests();
    TogglException again =
        catchThrowableOfType(TogglException.class, () -> client.tags(northwind.id()));
    assertThat(again.kind()).isEqualTo("quota_exhausted");
    assertThat(world.requests()).as("refused without asking").isEqualTo(before);
    assertThat(client.tags(lima.id())).isNotEmpty();
    assertThat(world.requests()).isEqualTo(before + 1);
  }

  @Test
  void theQuotaReportGivesEveryBucketItsSizeWhichLaterHeadersKeep() {
    client.quota();
    assertThat(watch.known())
        .extracting(QuotaStatus::organizationId, QuotaStatus::total, QuotaStatus::source)
        .containsExactly(
            tuple(null, 30L, QuotaStatus.Source.QUOTA_REPORT),
            tuple(lima.organizationId(), 240L, QuotaStatus.Source.QUOTA_REPORT),
            tuple(northwind.organizationId(), 240L, QuotaStatus.Source.QUOTA_REPORT));
    client.clients(lima.id());
    assertThat(watch.organization(lima.organizationId()))
        .get()
        .satisfies(
            q -> {
              assertThat(q.remaining()).isEqualTo(239);
              assertThat(q.total()).isEqualTo(240);
              assertThat(q.source()).isEqualTo(QuotaStatus.Source.RESPONSE_HEADERS);
            });
  }

  @Test
  void aWorkspaceOfAnUnknownOrganizationCountsApartUntilTheAccountSaysWhichItIs() {
    TogglClient unmapped = world.client();
    QuotaWatch own = unmapped.http().quota();
    unmapped.clients(lima.id());
    assertThat(own.known())
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.bucket()).isEqualTo(QuotaBucket.ORGANIZATION);
              assertThat(q.organizationId()).isNull();
            });
    own.knowOrganizations(Map.of(lima.id(), lima.organizationId()));
    unmapped.clients(lima.id());
    assertThat(own.forWorkspace(lima.id()))
        .get()
        .satisfies(q -> assertThat(q.remaining()).isEqualTo(238));
  }
}
