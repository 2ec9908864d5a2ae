package dev.toggltrackmcp.arguments;

import static dev.toggltrackmcp.testing.TwinAccount.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toggltrackmcp.analytics.Kind;
import dev.toggltrackmcp.analytics.TagMatch;
import dev.toggltrackmcp.testing.TwinAccount;
import dev.toggltrackmcp.toggl.model.WorkspaceUser;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the model typed, resolved against an account whose names repeat. */
class ResolverTest {
  /** A workspace's members: two named Ana Lima (one email hidden), one deactivated. */
  private static final List<WorkspaceUser> MEMBERS =
      List.of(
          new WorkspaceUser(1, "ana@lima.example", "Ana Lima", "admin", true, false, true),
          new WorkspaceUser(2, null, "Ana Lima", "user", true, false, false),
          new WorkspaceUser(11, null, "Jonas Weber", "user", true, false, false),
          new WorkspaceUser(12, null, "Zoë Ñúñez", "user", true, false, false),
          new WorkspaceUser(13, null, "Mateo Rossi", "user", false, true, false));

  private final Resolver names = new Resolver(TwinAccount.create(), MEMBERS);

  private static Ref typed(Kind kind, String text) {
    return Ref.ofText(kind.singular(), kind, text);
  }

  @ParameterizedTest(name = "{0} \"{1}\" in workspace {2} → {3}")
  @CsvSource(
      nullValues = "-",
      delimiter = '|',
      value = {
        "CLIENT|globex|-|" + GLOBEX,
        "CLIENT|  GLOBEX |-|" + GLOBEX,
        "CLIENT|" + ACME_NORTHWIND + "|-|" + ACME_NORTHWIND,
        "CLIENT|Acme Corp (Northwind Agency)|-|" + ACME_NORTHWIND,
        "CLIENT|acme corp (lima consulting)|-|" + ACME_LIMA,
        "CLIENT|Acme Corp|" + NORTHWIND + "|" + ACME_NORTHWIND,
        "PROJECT|Website|" + LIMA + "|" + WEBSITE_LIMA,
        "PROJECT|Website (Northwind Agency)|-|" + WEBSITE_NORTHWIND,
        "PROJECT|Support (Lima Consulting, Globex)|-|" + SUPPORT_GLOBEX,
        "PROJECT|2024|-|" + YEAR,
        "PROJECT|" + MOBILE + "|-|" + MOBILE,
        "TASK|Frontend (Website (Northwind Agency))|-|8",
        "TASK|Frontend|" + LIMA + "|7",
        "WORKSPACE|Northwind Agency|-|" + NORTHWIND,
        "USER|jonas weber|-|11",
        "USER|ZOË ÑÚÑEZ|-|12",
        "USER|13|-|13",
        "USER|Ana Lima (ana@lima.example)|-|1",
        "USER|Ana Lima (id 2)|-|2"
      })
  void anIdANameInAnyCaseOrALabelFindsOne(Kind kind, String text, Long workspace, long id) {
    Ref ref = typed(kind, text);
    long found =
        switch (kind) {
          case CLIENT -> names.client(ref, workspace).id();
          case PROJECT -> names.project(ref, workspace).id();
          case TASK -> names.task(ref, workspace).id();
          case WORKSPACE -> names.workspace(ref).id();
          case TAG -> throw new AssertionError("tags resolve to a match");
          case USER -> names.user(ref).id();
        };
    assertThat(found).isEqualTo(id);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      nullValues = "-",
      delimiter = '|',
      value = {
        // a repeated name lists every labelled choice with its id
        "CLIENT|Acme Corp|-|Several clients are named \"Acme Corp\": \"Acme Corp (Lima Consulting)\""
            + " (id 100), \"Acme Corp (Northwind Agency)\" (id 200). Pass one of these labels or ids"
            + " as client.",
        "PROJECT|support|-|\"Support (Lima Consulting, Acme Corp)\" (id 1002), \"Support (Lima"
            + " Consulting, Globex)\" (id 1003)",
        // an unknown name gives the closest labels
        "CLIENT|Acme Crop|-|No client matches \"Acme Crop\"; closest: \"Acme Corp (Lima"
            + " Consulting)\", \"Acme Corp (Northwind Agency)\", \"Globex\". Call list_clients",
        "PROJECT|Websight|-|closest: \"Website (Lima Consulting)\", \"Website (Northwind Agency)\"",
        // a name that exists only outside the workspace asked about says where it is
        "CLIENT|Globex|"
            + NORTHWIND
            + "|No client \"Globex\" in Northwind Agency; \"Globex\" (id"
            + " 101) is in another workspace. Leave out workspace_id",
        "WORKSPACE|Home|-|No workspace matches \"Home\"",
        "TAG|meetnig|-|No tag matches \"meetnig\"; closest: \"meeting (Lima Consulting)\"",
        "USER|Ana Lima|-|Several users are named \"Ana Lima\": \"Ana Lima (ana@lima.example)\""
            + " (id 1), \"Ana Lima (id 2)\" (id 2). Pass one of these labels or ids as user.",
        "USER|Jonas Webber|-|No user matches \"Jonas Webber\"; closest: \"Jonas Weber\"",
        "USER|Zoe|-|Call list_workspace_users to see them all."
      })
  void aRepeatedOrUnknownNameIsRefusedWithChoices(
      Kind kind, String text, Long workspace, String message) {
    Ref ref = typed(kind, text);
    assertThatThrownBy(
            () -> {
              switch (kind) {
                case CLIENT -> names.client(ref, workspace);
                case PROJECT -> names.project(ref, workspace);
                case WORKSPACE -> names.workspace(ref);
                case TAG -> names.tag(ref, workspace);
                case TASK -> names.task(ref, workspace);
                case USER -> names.user(ref);
              }
            })
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((InvalidArgument) e).argument()).isEqualTo(kind.singular()));
  }

  @Test
  void anIdTypedAsANumberIsOnlyAnId() {
    assertThatThrownBy(() -> names.project(Ref.ofId("project", Kind.PROJECT, 2024), null))
        .hasMessage("No project has id 2024; find ids with list_projects.");
    assertThatThrownBy(() -> names.client(Ref.ofId("client", Kind.CLIENT, ACME_NORTHWIND), LIMA))
        .hasMessageContaining(
            "Client 200 (\"Acme Corp (Northwind Agency)\") is in workspace Northwind Agency, not in"
                + " Lima Consulting");
    assertThatThrownBy(() -> names.workspace(Ref.ofId("workspace_id", Kind.WORKSPACE, 5)))
        .hasMessage(
            "No workspace has id 5; yours are 10 (Lima Consulting), 20 (Northwind Agency).");
  }

  @Test
  void aTagNameMeansThatTagInEveryWorkspaceAndALabelJustOne() {
    assertThat(names.tag(typed(Kind.TAG, "Meeting"), null))
        .isEqualTo(new TagMatch(Set.of(MEETING_LIMA, MEETING_NORTHWIND), "meeting", null));
    assertThat(names.tag(typed(Kind.TAG, "meeting"), LIMA).ids()).containsExactly(MEETING_LIMA);
    assertThat(names.tag(typed(Kind.TAG, "meeting (Northwind Agency)"), null))
        .isEqualTo(new TagMatch(Set.of(MEETING_NORTHWIND), "meeting", NORTHWIND));
    assertThat(names.tag(Ref.ofId("tags", Kind.TAG, DESIGN), null).ids()).containsExactly(DESIGN);
  }

  @ParameterizedTest(name = "{0} \"{1}\"")
  @CsvSource(
      nullValues = "-",
      delimiter = '|',
      value = {
        "CLIENT|ac|-|3|Acme Corp (Lima Consulting);Acme Corp (Northwind Agency)",
        "CLIENT|AC|" + NORTHWIND + "|3|Acme Corp (Northwind Agency)",
        "PROJECT|web|-|1|Website (Lima Consulting)",
        "PROJECT|app|-|5|Mobile App",
        "TAG|m|-|5|meeting (Lima Consulting);meeting (Northwind Agency)",
        "TAG|sign|-|5|design",
        "PROJECT|zzz|-|5|"
      })
  void completionOffersLabelsStartingWithThePrefixThenContainingIt(
      Kind kind, String typed, Long workspace, int most, String expected) {
    assertThat(names.complete(kind, typed, workspace, most))
        .containsExactly(expected == null ? new String[0] : expected.split(";"));
  }
}
