package dev.toggltrackmcp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.mcp.TogglTools;
import dev.toggltrackmcp.mcp.ToolRegistry;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The schema check the SDK makes at start-up is made on first use instead; this test makes it for
 * every tool before a release, with the SDK's own validator.
 */
class SchemaCheckOnFirstUseTest {
  @Test
  void everyToolsSchemasAreValidJsonSchema() {
    JsonSchemaValidator sdk = McpJsonDefaults.getSchemaValidator();
    List<McpSchema.Tool> tools =
        new TogglTools(new ToolRegistry(null, null, Clock.systemUTC(), null), true, "test")
            .toolList();
    assertThat(tools).hasSizeGreaterThan(10);
    for (McpSchema.Tool tool : tools) {
      for (Map<String, Object> schema : List.of(tool.inputSchema(), tool.outputSchema())) {
        JsonSchemaValidator.ValidationResponse checked = sdk.validateSchema(schema);
        assertThat(checked.valid()).as(tool.name() + ": " + checked.errorMessage()).isTrue();
      }
    }
  }

  @Test
  void theValidatorIsBuiltOnTheFirstAnswerCheckedAndOnlyOnce() {
    AtomicInteger built = new AtomicInteger();
    SchemaCheckOnFirstUse lazy =
        new SchemaCheckOnFirstUse(
            () -> {
              built.incrementAndGet();
              return McpJsonDefaults.getSchemaValidator();
            });
    Map<String, Object> schema =
        Map.of("type", "object", "properties", Map.of("n", Map.of("type", "integer")));
    assertThat(lazy.validateSchema(schema).valid()).isTrue();
    assertThat(built).hasValue(0);

    assertThat(lazy.validate(schema, Map.of("n", 3)).valid()).isTrue();
    assertThat(lazy.validate(schema, Map.of("n", "three")).valid()).isFalse();
    assertThat(built).hasValue(1);
  }

  @Test
  void anInvalidOutputSchemaRefusesTheAnswerWithTheReason() {
    SchemaCheckOnFirstUse lazy = new SchemaCheckOnFirstUse(McpJsonDefaults::getSchemaValidator);
    Map<String, Object> broken = Map.of("type", "no-such-type");
    assertThat(lazy.validateSchema(broken).valid()).isTrue(); // postponed, as the SDK calls it

    JsonSchemaValidator.ValidationResponse answer = lazy.validate(broken, Map.of());
    assertThat(answer.valid()).isFalse();
    assertThat(answer.errorMessage()).startsWith("the tool's output schema is not valid");
  }
}
