package dev.toggltrackmcp.mcp;

import java.util.List;
import java.util.Map;

/**
 * Offers values for a prompt argument or a resource-template variable as the user types them, from
 * what the cache already holds.
 */
@FunctionalInterface
interface Completer {
  /** Clients show at most this many (the MCP limit). */
  int MOST = 100;

  /**
   * @param typed what has been typed so far (may be empty)
   * @param context the other arguments or variables already chosen, by name
   */
  List<String> complete(String typed, Map<String, String> context);

  Completer NONE = (typed, context) -> List.of();
}
