package dev.toggltrackmcp.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.bench.LoadBench;
import dev.toggltrackmcp.testing.SimulatedWorld;
import dev.toggltrackmcp.transport.HttpServer;
import org.junit.jupiter.api.Test;

/**
 * A small load run in every build (10 sessions, 500 calls); the full one (50 sessions, 10,000
 * calls) is {@code bin/bench load}. Counts only: no timing is asserted.
 */
class HttpLoadTest {
  @Test
  void concurrentSessionsAllSucceed() throws Exception {
    try (SimulatedWorld sim = new SimulatedWorld()) {
      try (HttpServer http = sim.serveHttp(sim.settings().onLoopbackFreePort())) {
        LoadBench.Round r = LoadBench.round(http.port(), 10, 500);
        assertThat(r.calls()).isEqualTo(500);
        assertThat(r.failures()).isZero();
        assertThat(sim.simulator.requests().nonGetV9()).isZero();
      }
    }
  }
}
