package dev.toggltrackmcp.mcp;

/**
 * A call a tool cannot carry out for a reason that is not one argument (nothing running to stop, a
 * write Toggl refused), as the one sentence the isError result says.
 */
final class ToolRefusal extends RuntimeException {
  ToolRefusal(String sentence) {
    super(sentence, null, false, false);
  }
}
