package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.arguments.Arguments;
import io.modelcontextprotocol.spec.McpSchema.CompleteRequest;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult.CompleteCompletion;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link Completer} for a {@code completion/complete} request: at most {@link
 * Completer#MOST} values, with the total and whether more exist. Text no argument could hold (too
 * long, control characters) completes to nothing rather than an error: the user is still typing.
 */
final class Completed {
  private Completed() {}

  static CompleteResult of(String what, Completer completer, CompleteRequest request) {
    String typed = request.argument().value() == null ? "" : request.argument().value();
    if (typed.length() > Arguments.LONGEST_TEXT || typed.chars().anyMatch(c -> c < 0x20)) {
      return new CompleteResult(new CompleteCompletion(List.of(), 0, false));
    }
    Map<String, String> context =
        request.context() == null || request.context().arguments() == null
            ? Map.of()
            : request.context().arguments();
    List<String> all = ProtocolErrors.answering(what, () -> completer.complete(typed, context));
    List<String> shown = all.stream().limit(Completer.MOST).toList();
    return new CompleteResult(new CompleteCompletion(shown, all.size(), all.size() > shown.size()));
  }
}
