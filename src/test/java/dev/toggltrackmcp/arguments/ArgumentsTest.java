package dev.toggltrackmcp.arguments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.analytics.Dimension;
import dev.toggltrackmcp.analytics.Kind;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reader of typed primitives: what each kind of value accepts, and how it refuses. */
class ArgumentsTest {
  private static final List<String> KNOWN =
      List.of("x", "tags", "limit", "flag", "group_by", "when", "length");

  @SuppressWarnings("unchecked")
  private static Arguments args(String json) throws Exception {
    return new Arguments(new ObjectMapper().readValue(json, Map.class), KNOWN);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"x\": 65432100}|id 65432100|65432100|true",
        "{\"x\": 65432100.0}|id 65432100|65432100|true",
        "{\"x\": \"65432100\"}|\"65432100\"|65432100|false",
        "{\"x\": \" Acme Corp \"}|\"Acme Corp\"||false",
        "{\"x\": \"Acme Corp (Northwind Agency)\"}|\"Acme Corp (Northwind Agency)\"||false",
        "{\"x\": \"99999999999999999999\"}|\"99999999999999999999\"||false"
      })
  void anIdOrNameIsANumberOrAString(String json, String shown, Long id, boolean onlyId)
      throws Exception {
    Ref ref = args(json).ref("x", Kind.CLIENT);
    assertThat(ref.shown()).isEqualTo(shown);
    assertThat(ref.id()).isEqualTo(id);
    assertThat(ref.onlyId()).isEqualTo(onlyId);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"x\": 1.5}|x must be a client id (a whole number) or a name",
        "{\"x\": -3}|x must be an id between 1 and",
        "{\"x\": 0}|x must be an id between 1 and",
        "{\"x\": 1e300}|x must be an id between 1 and",
        "{\"x\": true}|x must be a client id",
        "{\"x\": {\"id\": 1}}|x must be a client id",
        "{\"x\": \"a\\u0000b\"}|control characters",
        "{\"tags\": [\"ok\", 7.5]}|tags must contain tag ids (whole numbers) or names",
        "{\"tags\": [\"ok\", \"\"]}|tags must not contain empty values",
        "{\"tags\": {\"a\": 1}}|tags must be a list",
        "{\"tags\": [1,2,3,4,5,6,7,8,9,10,11]}|tags accepts at most 10 values",
        "{\"limit\": 0}|limit must be between 1 and 1000, got 0",
        "{\"limit\": \"many\"}|limit must be a whole number between 1 and 1000",
        "{\"limit\": 2.5}|limit must be a whole number",
        "{\"flag\": \"yes\"}|flag must be true or false",
        "{\"group_by\": [\"planet\"]}|group_by must be one of project, client, tag",
        "{\"group_by\": [3]}|group_by must be a list of strings",
        "{\"when\": \"2026-02-31\"}|when \"2026-02-31\" is not a date",
        "{\"when\": \"yesterday-ish\"}|is not a date",
        "{\"when\": \"01/11/2026\"}|is not a date",
        "{\"length\": \"a while\"}|is not a duration",
        "{\"length\": \"0m\"}|is no time at all",
        "{\"length\": \"1:75\"}|is not a duration",
        "{\"length\": \"1000h\"}|is not a duration",
        "{\"length\": \"998h120m\"}|longer than 999 hours",
        "{\"colour\": \"red\"}|Unknown argument \"colour\"; this tool accepts x, tags"
      })
  void badValuesAreRefusedByNameWithWhatToSend(String json, String message) {
    assertThatThrownBy(
            () -> {
              Arguments a = args(json);
              a.ref("x", Kind.CLIENT);
              a.refs("tags", Kind.TAG, 10);
              a.integer("limit", 100, 1, 1000);
              a.bool("flag");
              a.choices("group_by", Arrays.asList(Dimension.values()), Dimension::argumentName);
              a.when("when");
              a.duration("length");
            })
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining(message);
  }

  @Test
  void aListAcceptsOneValueAloneAndAbsentIsNotEmpty() throws Exception {
    Function<Dimension, String> name = Dimension::argumentName;
    List<Dimension> all = Arrays.asList(Dimension.values());
    assertThat(args("{\"group_by\": \"day\"}").choices("group_by", all, name))
        .containsExactly(Dimension.DAY);
    assertThat(args("{\"group_by\": []}").choices("group_by", all, name)).isEmpty();
    assertThat(args("{}").choices("group_by", all, name)).isNull();
    assertThat(args("{\"group_by\": [\"day\", \"day\", \"tag\"]}").choices("group_by", all, name))
        .containsExactly(Dimension.DAY, Dimension.TAG);
    assertThat(args("{\"tags\": 18765400}").refs("tags", Kind.TAG, 10))
        .extracting(Ref::id)
        .containsExactly(18765400L);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2026-11-03, DAY",
    "2026-11-03T09:00, LOCAL",
    "2026-11-03 09:00:30, LOCAL",
    "2026-11-03T09:00:00+01:00, AT",
    "2026-11-03T08:00:00Z, AT"
  })
  void aDateIsADayALocalTimeOrAnExactOne(String text, String kind) throws Exception {
    When w = args("{\"when\": \"" + text + "\"}").when("when");
    switch (kind) {
      case "DAY" -> assertThat(w).isEqualTo(new When.Day(LocalDate.of(2026, 11, 3), text));
      case "LOCAL" ->
          assertThat(((When.Local) w).time().toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 3));
      default ->
          assertThat(((When.At) w).time().toInstant())
              .isEqualTo(OffsetDateTime.parse("2026-11-03T08:00:00Z").toInstant());
    }
    assertThat(w.text()).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0} = {1} s")
  @CsvSource({
    "1h30m, 5400",
    "1h 30m, 5400",
    "90m, 5400",
    "90 min, 5400",
    "2 hours, 7200",
    "45s, 45",
    "1:30, 5400",
    "1:30:15, 5415",
    "PT1H30M, 5400",
    "pt45m, 2700"
  })
  void aDurationReadsAsPeopleWriteIt(String text, long seconds) throws Exception {
    assertThat(args("{\"length\": \"" + text + "\"}").duration("length"))
        .isEqualTo(Duration.ofSeconds(seconds));
  }

  @Test
  void blankTextIsNotGivenAndTextIsTrimmed() throws Exception {
    assertThat(args("{\"x\": \"   \"}").text("x")).isNull();
    assertThat(args("{\"x\": \"\"}").ref("x", Kind.PROJECT)).isNull();
    assertThat(args("{\"x\": \"  hi \"}").text("x")).isEqualTo("hi");
    assertThat(args("{\"x\": null}").has("x")).isFalse();
  }
}
