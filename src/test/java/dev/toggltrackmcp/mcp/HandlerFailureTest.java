package dev.toggltrackmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.store.CacheStatus;
import dev.toggltrackmcp.store.Fresh;
import dev.toggltrackmcp.store.TogglData;
import dev.toggltrackmcp.toggl.TogglException;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A handler that blows up still gives one clean sentence, never a class name or a trace. */
class HandlerFailureTest {

  private static TogglTools toolsFailingWith(Supplier<RuntimeException> failure) {
    TogglData broken =
        new TogglData() {
          @Override
          public Fresh<Account> account() {
            throw failure.get();
          }

          @Override
          public Fresh<List<TimeEntry>> entries(Instant from, Instant toExclusive) {
            throw failure.get();
          }

          @Override
          public Fresh<Optional<TimeEntry>> runningEntry() {
            throw failure.get();
          }

          @Override
          public Fresh<Optional<TimeEntry>> entry(long id) {
            throw failure.get();
          }

          @Override
          public Optional<Account> heldAccount() {
            throw failure.get();
          }

          @Override
          public CacheStatus status() {
            return new CacheStatus("memory", 0, null, null);
          }
        };
    return new TogglTools(new ToolRegistry(broken, null, Clock.systemUTC(), null), false, "test");
  }

  @Test
  void anUnexpectedExceptionBecomesAnIsErrorResult() {
    TogglTools tools =
        toolsFailingWith(
            () -> new IllegalStateException("secret internals at dev.Foo.bar(Foo.java:1)"));
    for (McpSchema.Tool t : tools.toolList()) {
      Map<String, Object> args =
          t.name().equals("get_time_entry_details")
              ? Map.of("time_entry_id", 1)
              : t.name().equals("search_time_entries") ? Map.of("query", "x") : Map.of();
      McpSchema.CallToolResult r = tools.call(t.name(), args);
      String text = ((McpSchema.TextContent) r.content().get(0)).text();
      assertThat(r.isError()).as(t.name()).isTrue();
      assertThat(text)
          .contains(t.name())
          .doesNotContain("IllegalState")
          .doesNotContain("internals");
    }
  }

  @Test
  void togglErrorsKeepTheirActionableSentence() {
    TogglTools tools =
        toolsFailingWith(() -> new TogglException.QuotaExhausted(Duration.ofSeconds(812)));
    McpSchema.CallToolResult r = tools.call("get_time_summary", Map.of());
    assertThat(r.isError()).isTrue();
    assertThat(((McpSchema.TextContent) r.content().get(0)).text()).contains("812 s");
  }
}
