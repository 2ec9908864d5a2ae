package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.arguments.InvalidArgument;
import dev.toggltrackmcp.toggl.TogglException;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prompts, resources and completions answer with a result or a JSON-RPC error (MCP has no {@code
 * isError} result for them), so every failure becomes one clean {@link McpError}: a bad argument is
 * invalid params naming it, a Toggl problem its one sentence, anything else a generic sentence with
 * the details only in the server log. Never a stack trace, never the token.
 */
final class ProtocolErrors {
  private static final Logger LOG = LoggerFactory.getLogger(ProtocolErrors.class);

  private ProtocolErrors() {}

  static <T> T answering(String what, Supplier<T> work) {
    try {
      return work.get();
    } catch (McpError e) {
      throw e;
    } catch (InvalidArgument e) {
      throw error(
          ErrorCodes.INVALID_PARAMS, "Invalid argument " + e.argument() + ": " + e.getMessage());
    } catch (TogglException e) {
      throw error(ErrorCodes.INTERNAL_ERROR, e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("{} failed unexpectedly", what, e);
      throw error(
          ErrorCodes.INTERNAL_ERROR,
          "The server could not answer this ("
              + what
              + " failed unexpectedly; details are in the server log). Try again, or report it.");
    }
  }

  static McpError error(int code, String message) {
    return McpError.builder(code).message(message).build();
  }
}
