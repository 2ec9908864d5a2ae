package dev.toggltrackmcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactingStreamTest {
  private static final String TOKEN = "1971800d4d82861d8f2c1651fea4d212";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "the token itself|token=1971800d4d82861d8f2c1651fea4d212 end|token=**** end",
        "Toggl's Basic auth|Authorization: Basic MTk3MTgwMGQ0ZDgyODYxZDhmMmMxNjUxZmVhNGQyMTI6YXBpX3Rva2Vu|Authorization: Basic ****",
        "any Bearer value|FIELD(Authorization: Bearer other-key-0123456789)|FIELD(Authorization: Bearer ****)",
        "any X-API-Key value|x-api-key: other-key-0123456789|x-api-key: ****",
        "nothing secret|GET /api/v9/me -> 200|GET /api/v9/me -> 200"
      })
  void masksSecretsInEveryLine(String what, String line, String shown) {
    assertThat(print(line)).isEqualTo(shown + "\n");
  }

  @Test
  void aSecretWrittenInPiecesIsMaskedWholeAsAreItsBase64Forms() {
    String base64 = Base64.getEncoder().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8));
    String printed =
        print(
            "a=" + TOKEN.substring(0, 10),
            TOKEN.substring(10) + " b=" + base64.substring(0, 7),
            base64.substring(7));
    assertThat(printed).isEqualTo("a=**** b=****\n");
  }

  /** Prints {@code parts} as one line (in separate writes) through a masking stream. */
  private static String print(String... parts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RedactingStream redacting = new RedactingStream(bytes);
    redacting.hide(TOKEN);
    PrintStream out = new PrintStream(redacting, true, StandardCharsets.UTF_8);
    for (String part : parts) {
      out.print(part);
      out.flush();
    }
    out.println();
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
