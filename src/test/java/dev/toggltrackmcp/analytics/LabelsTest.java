package dev.toggltrackmcp.analytics;

import static dev.toggltrackmcp.testing.TwinAccount.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.testing.TwinAccount;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelsTest {
  private final Labels labels = Labels.of(TwinAccount.create());

  @ParameterizedTest(name = "{0} {1} → {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CLIENT|" + GLOBEX + "|Globex",
        "CLIENT|" + ACME_LIMA + "|Acme Corp (Lima Consulting)",
        "CLIENT|" + ACME_NORTHWIND + "|Acme Corp (Northwind Agency)",
        "PROJECT|" + MOBILE + "|Mobile App",
        "PROJECT|" + WEBSITE_LIMA + "|Website (Lima Consulting)",
        "PROJECT|" + WEBSITE_NORTHWIND + "|Website (Northwind Agency)",
        "PROJECT|" + SUPPORT_ACME + "|Support (Lima Consulting, Acme Corp)",
        "PROJECT|" + SUPPORT_GLOBEX + "|Support (Lima Consulting, Globex)",
        "TAG|" + DESIGN + "|design",
        "TAG|" + MEETING_NORTHWIND + "|meeting (Northwind Agency)",
        "TASK|7|Frontend (Website (Lima Consulting))",
        "WORKSPACE|" + LIMA + "|Lima Consulting"
      })
  void aNameIsItsOwnLabelUnlessItRepeats(Kind kind, long id, String label) {
    assertThat(labels.label(kind, id)).contains(label);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"PROJECT, (unknown project 999)", "CLIENT, (unknown client 999)"})
  void anUnknownIdSaysSo(Kind kind, String shown) {
    assertThat(labels.label(kind, 999)).isEmpty();
    assertThat(kind == Kind.PROJECT ? labels.project(999) : labels.client(999)).isEqualTo(shown);
  }
}
