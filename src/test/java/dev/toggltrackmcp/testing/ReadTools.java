package dev.toggltrackmcp.testing;

import dev.toggltrackmcp.mcp.TogglTools;
import dev.toggltrackmcp.mcp.ToolRegistry;
import java.time.Clock;

/** How many tools a server with writes off lists: every read tool of the registry. */
public final class ReadTools {
  private ReadTools() {}

  public static int count() {
    return new TogglTools(new ToolRegistry(null, null, Clock.systemUTC(), null), false, "test")
        .toolList()
        .size();
  }
}
