package dev.toggltrackmcp.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Checks one message from a client against JSON-RPC 2.0 and MCP's rules before the SDK sees it, for
 * both transports: the SDK answers a malformed message with Java internals or, on stdio, stops
 * reading. A refused message gets a JSON-RPC error with a plain sentence and the id when it could
 * be read.
 */
final class JsonRpcCheck {
  static final int PARSE_ERROR = -32700;
  static final int INVALID_REQUEST = -32600;
  static final int INVALID_PARAMS = -32602;

  private JsonRpcCheck() {}

  /** What the check decided about one message. */
  sealed interface Outcome permits Passed, Refused {}

  /**
   * The message may go to the SDK, re-serialised from what was checked.
   *
   * @param message the checked message
   * @param isRequest true when the client waits for an answer (a method and an id)
   */
  record Passed(ObjectNode message, boolean isRequest) implements Outcome {
    String json() {
      return message.toString();
    }

    /** The method of a request or notification, else null. */
    @Nullable String method() {
      return textOrNull(message.get("method"));
    }
  }

  /** The message is refused; {@link #json()} is the JSON-RPC error to send back. */
  record Refused(int code, JsonNode id, String message) implements Outcome {
    String json() {
      ObjectNode error = JsonNodeFactory.instance.objectNode();
      error.put("jsonrpc", "2.0");
      error.set("id", id);
      error.putObject("error").put("code", code).put("message", message);
      return error.toString();
    }
  }

  static Outcome check(String text) {
    JsonNode node;
    try {
      node = StrictJson.read(text); // a duplicate key or text after the object is a parse error
    } catch (IOException e) {
      node = null;
    }
    if (node == null) {
      return refused(
          PARSE_ERROR,
          null,
          "Parse error: the message is not valid JSON; send one JSON-RPC object.");
    }
    if (node.isArray()) {
      return refused(
          INVALID_REQUEST,
          null,
          "Batches are not supported: MCP 2025-06-18 and later send one JSON-RPC message at a"
              + " time, so send each message on its own.");
    }
    if (!node.isObject()) {
      return refused(
          INVALID_REQUEST,
          null,
          "Invalid request: a message must be a JSON object such as"
              + " {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}.");
    }
    JsonNode id = node.get("id");
    JsonNode replyId = validId(id) ? id : null;
    if (!"2.0".equals(textOrNull(node.get("jsonrpc")))) {
      return refused(INVALID_REQUEST, replyId, "Invalid request: \"jsonrpc\" must be \"2.0\".");
    }
    String problem = node.has("method") ? callProblem(node) : responseProblem(node);
    if (problem != null) {
      int code = problem.startsWith("Invalid params") ? INVALID_PARAMS : INVALID_REQUEST;
      return refused(code, replyId, problem);
    }
    return new Passed((ObjectNode) node, node.has("method") && node.has("id"));
  }

  /** A request or a notification: a string method, a valid id if any, object params. */
  private static @Nullable String callProblem(JsonNode node) {
    JsonNode method = node.get("method");
    if (!method.isTextual()) {
      return "Invalid request: \"method\" must be a string such as \"tools/call\".";
    }
    if (node.has("id") && !validId(node.get("id"))) {
      return "Invalid request: \"id\" must be a string or an integer (MCP does not allow null).";
    }
    JsonNode params = node.get("params");
    if (params != null && !params.isObject()) {
      return params.isArray()
          ? "Invalid params: \"params\" must be a JSON object, not a list."
          : "Invalid request: \"params\" must be a JSON object.";
    }
    return node.has("id") ? paramsProblem(method.asText(), params) : null;
  }

  /** The params of the requests this server answers, so none reaches a handler malformed. */
  private static @Nullable String paramsProblem(String method, @Nullable JsonNode params) {
    switch (method) {
      case "tools/call":
        if (params == null || !textual(params.get("name"))) {
          return "Invalid params: tools/call needs params with the tool's \"name\", e.g."
              + " {\"name\":\"list_tags\",\"arguments\":{}}.";
        }
        JsonNode arguments = params.get("arguments");
        if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
          return "Invalid params: \"arguments\" must be a JSON object of argument names and"
              + " values, e.g. {\"period\":\"today\"}.";
        }
        return null;
      case "initialize":
        if (params == null || !textual(params.get("protocolVersion"))) {
          return "Invalid params: initialize needs params with a \"protocolVersion\" string such"
              + " as \"2025-06-18\".";
        }
        if (!objectOrAbsent(params.get("capabilities"))
            || !objectOrAbsent(params.get("clientInfo"))) {
          return "Invalid params: \"capabilities\" and \"clientInfo\" of initialize must be JSON"
              + " objects.";
        }
        return null;
      case "logging/setLevel":
        if (params == null || !textual(params.get("level"))) {
          return "Invalid params: logging/setLevel needs params with a \"level\" such as"
              + " \"info\".";
        }
        return null;
      case "tools/list":
        if (params != null && params.has("cursor") && !params.get("cursor").isTextual()) {
          return "Invalid params: \"cursor\" must be a string from an earlier answer.";
        }
        return null;
      default:
        return null;
    }
  }

  /** An answer from the client (to the server's ping): a valid id and one of result or error. */
  private static @Nullable String responseProblem(JsonNode node) {
    boolean result = node.has("result");
    JsonNode error = node.get("error");
    if (result == (error != null)) {
      return "Invalid request: the message is neither a request (\"method\" and \"id\"), a"
          + " notification (\"method\") nor a response (\"id\" with \"result\" or \"error\").";
    }
    if (!validId(node.get("id"))) {
      return "Invalid request: a response needs the \"id\" (a string or an integer) of the"
          + " request it answers.";
    }
    if (error != null
        && !(error.isObject()
            && error.path("code").isIntegralNumber()
            && textual(error.get("message")))) {
      return "Invalid request: \"error\" must be an object with an integer \"code\" and a"
          + " \"message\" string.";
    }
    return null;
  }

  /** MCP ids are strings or integers; null, booleans, fractions, objects and lists are not. */
  private static boolean validId(@Nullable JsonNode id) {
    return id != null && (id.isTextual() || (id.isIntegralNumber() && id.canConvertToLong()));
  }

  private static boolean textual(@Nullable JsonNode node) {
    return node != null && node.isTextual();
  }

  private static boolean objectOrAbsent(@Nullable JsonNode node) {
    return node == null || node.isObject();
  }

  private static @Nullable String textOrNull(@Nullable JsonNode node) {
    return node != null && node.isTextual() ? node.asText() : null;
  }

  private static Refused refused(int code, @Nullable JsonNode id, String message) {
    return new Refused(code, id == null ? NullNode.getInstance() : id, message);
  }
}
