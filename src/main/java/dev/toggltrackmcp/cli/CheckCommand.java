package dev.toggltrackmcp.cli;

import dev.toggltrackmcp.toggl.RelatedData;
import dev.toggltrackmcp.toggl.Sleeper;
import dev.toggltrackmcp.toggl.TogglClient;
import dev.toggltrackmcp.toggl.TogglException;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.Quota;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import dev.toggltrackmcp.toggl.model.Workspace;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The connection test: three requests, a readable report, exit 1 when Toggl says no. */
@Command(
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    name = "check",
    description = "Test the token: show user, workspaces, counts, running entry and API quota.")
final class CheckCommand implements Callable<Integer> {
  private final Environment environment;

  CheckCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    TogglClient client =
        ServerAssembly.client(environment.settings(), Clock.systemUTC(), Sleeper.real());
    return report(client, environment.out(), environment.err());
  }

  static int report(TogglClient client, PrintStream out, PrintStream err) {
    try {
      RelatedData related = client.meWithRelatedData();
      Account a = related.account();
      out.println(
          "Token OK: "
              + a.user().fullname()
              + " <"
              + a.user().email()
              + ">, timezone "
              + a.user().timezone());
      for (Workspace w : a.workspaces()) {
        out.printf(
            "  workspace %d %s: %d projects, %d clients, %d tags%n",
            w.id(),
            w.name(),
            a.projects().stream().filter(p -> p.workspaceId() == w.id()).count(),
            a.clients().stream().filter(c -> c.workspaceId() == w.id()).count(),
            a.tags().stream().filter(t -> t.workspaceId() == w.id()).count());
      }
      Optional<TimeEntry> running =
          related.recentEntries().stream().filter(TimeEntry::isRunning).findFirst();
      out.println(
          "Running: "
              + running
                  .map(e -> e.description().isBlank() ? "(no description)" : e.description())
                  .orElse("nothing"));
      List<Quota> quota = client.quota();
      for (Quota q : quota) {
        out.printf(
            "API quota (%s): %d of %d left, resets in %d s%n",
            q.organizationId() == null ? "user" : "organization " + q.organizationId(),
            q.remaining(),
            q.total(),
            q.resetsInSecs());
      }
      return 0;
    } catch (TogglException e) {
      err.println("toggl-track-mcp: " + e.getMessage());
      return 1;
    }
  }
}
