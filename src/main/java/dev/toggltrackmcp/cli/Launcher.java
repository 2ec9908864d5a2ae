package dev.toggltrackmcp.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the launcher script is, for instructions a user can copy. */
final class Launcher {
  private Launcher() {}

  static String path() {
    try {
      Path jar =
          Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path script = jar.getParent().getParent().resolve("bin").resolve("toggl-track-mcp");
      if (Files.isRegularFile(script)) {
        return script.toAbsolutePath().normalize().toString();
      }
    } catch (Exception ignored) {
      // not run from the jar; fall through to the relative name
    }
    return "bin/toggl-track-mcp";
  }
}
