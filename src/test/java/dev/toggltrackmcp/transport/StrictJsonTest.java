package dev.toggltrackmcp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming tree reader builds what an ObjectMapper builds, and refuses what it refuses. */
class StrictJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"list_tags\","
            + "\"arguments\":{\"limit\":20,\"billable\":true,\"tags\":[\"a\",\"b\"],\"x\":null}}}",
        "{\"ids\":[2147483647,2147483648,-9223372036854775808,9223372036854775808,"
            + "123456789012345678901234567890]}",
        "{\"hours\":[1.5,-0.25,1e3,2.5E-3,0.1,1e400,0.0,-0.0]}",
        "{\"text\":\"caf\\u00e9 \\\"quoted\\\" \\\\ \\n tab\\t \\ud83d\\ude00 é\"}",
        "{\"empty\":{},\"none\":[],\"nested\":[[],[{}],{\"a\":[{\"b\":[1,{\"c\":{}}]}]}]}",
        "[1,\"two\",[3],{\"four\":4},null,false]",
        "  {\"a\" : 1 }  ",
        "\"just a string\"",
        "42",
        "-7.5",
        "true",
        "null"
      })
  void readsTheTreeAnObjectMapperReads(String text) throws IOException {
    JsonNode ours = StrictJson.read(text);
    JsonNode theirs = MAPPER.readTree(text);

    assertThat(ours).isEqualTo(theirs);
    assertThat(ours.toString()).isEqualTo(theirs.toString());
  }

  @Test
  void numbersKeepTheKindsAnObjectMapperGivesThem() throws IOException {
    JsonNode ours = StrictJson.read("[1,5000000000,123456789012345678901234567890,1.5]");

    assertThat(ours.get(0).isInt()).isTrue();
    assertThat(ours.get(1).isLong()).isTrue();
    assertThat(ours.get(2).isBigInteger()).isTrue();
    assertThat(ours.get(3).isDouble()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\r\n "})
  void nothingButWhitespaceIsNoValue(String text) throws IOException {
    assertThat(StrictJson.read(text)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"id\":1,\"id\":2}",
        "{\"params\":{\"name\":\"a\",\"name\":\"b\"}}",
        "[{\"a\":1,\"a\":1}]",
        "{\"a\":1} {\"b\":2}",
        "{\"a\":1}]",
        "{\"a\":1} x",
        "1 2",
        "{\"a\":",
        "{\"a\":[1,2",
        "[",
        "{\"a\" 1}",
        "{'a':1}",
        "{\"a\":01}",
        "{\"a\":NaN}",
        "nul"
      })
  void refusesWhatIsNotExactlyOneJsonValue(String text) {
    assertThatThrownBy(() -> StrictJson.read(text)).isInstanceOf(IOException.class);
  }

  @Test
  void nestingIsBoundedByTheParserAndNeverOverflowsTheStack() throws IOException {
    assertThat(StrictJson.read("[".repeat(200) + "]".repeat(200)).at("/0/0/0").isArray()).isTrue();

    String tooDeep = "[".repeat(100_000) + "]".repeat(100_000);
    assertThatThrownBy(() -> StrictJson.read(tooDeep))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("depth");
  }
}
