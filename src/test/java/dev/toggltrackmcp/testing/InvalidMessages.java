package dev.toggltrackmcp.testing;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every shape of malformed JSON-RPC message the transports must answer with an error and survive:
 * the invalid examples of the JSON-RPC 2.0 specification, the ids MCP forbids, and params the
 * requests this server answers cannot take. Shared by the stdio and the HTTP tests, so both
 * transports are held to the same list.
 */
public final class InvalidMessages {
  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int INVALID_PARAMS = -32602;

  /**
   * @param line the message, on one line
   * @param code the JSON-RPC error code expected
   * @param id the id expected in the error ({@code null}: {@code "id": null})
   */
  public record Case(String name, String line, int code, @Nullable String id) {
    @Override
    public String toString() {
      return name;
    }
  }

  private InvalidMessages() {}

  public static List<Case> all() {
    return List.of(
        // the JSON-RPC 2.0 specification's own examples of invalid messages
        new Case(
            "invalid JSON",
            "{\"jsonrpc\": \"2.0\", \"method\": \"foobar, \"params\": \"bar\", \"baz]",
            PARSE_ERROR,
            null),
        new Case(
            "method is a number",
            "{\"jsonrpc\": \"2.0\", \"method\": 1, \"params\": \"bar\"}",
            INVALID_REQUEST,
            null),
        new Case(
            "batch with invalid JSON",
            "[{\"jsonrpc\": \"2.0\", \"method\": \"sum\", \"params\": [1,2,4], \"id\": \"1\"},"
                + "{\"jsonrpc\": \"2.0\", \"method\"]",
            PARSE_ERROR,
            null),
        new Case("empty batch", "[]", INVALID_REQUEST, null),
        new Case("batch of one number", "[1]", INVALID_REQUEST, null),
        new Case("batch of numbers", "[1,2,3]", INVALID_REQUEST, null),
        new Case(
            "batch of valid requests",
            "[{\"jsonrpc\":\"2.0\",\"id\":\"b1\",\"method\":\"ping\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":\"b2\",\"method\":\"ping\"}]",
            INVALID_REQUEST,
            null),
        // not an object at all
        new Case("null", "null", INVALID_REQUEST, null),
        new Case("number", "5", INVALID_REQUEST, null),
        new Case("string", "\"ping\"", INVALID_REQUEST, null),
        new Case("boolean", "true", INVALID_REQUEST, null),
        new Case("empty object", "{}", INVALID_REQUEST, null),
        new Case("only jsonrpc", "{\"jsonrpc\":\"2.0\"}", INVALID_REQUEST, null),
        // ids MCP does not allow
        new Case(
            "null id",
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}",
            INVALID_REQUEST,
            null),
        new Case(
            "boolean id",
            "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"ping\"}",
            INVALID_REQUEST,
            null),
        new Case(
            "fraction id",
            "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}",
            INVALID_REQUEST,
            null),
        new Case(
            "object id",
            "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}",
            INVALID_REQUEST,
            null),
        new Case(
            "list id",
            "{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"ping\"}",
            INVALID_REQUEST,
            null),
        new Case(
            "id beyond 64 bits",
            "{\"jsonrpc\":\"2.0\",\"id\":123456789012345678901234567890,\"method\":\"ping\"}",
            INVALID_REQUEST,
            null),
        // the envelope
        new Case(
            "jsonrpc 1.0",
            "{\"jsonrpc\":\"1.0\",\"id\":\"v1\",\"method\":\"ping\"}",
            INVALID_REQUEST,
            "v1"),
        new Case("no jsonrpc", "{\"id\":\"v2\",\"method\":\"ping\"}", INVALID_REQUEST, "v2"),
        new Case(
            "jsonrpc as a number",
            "{\"jsonrpc\":2.0,\"id\":\"v3\",\"method\":\"ping\"}",
            INVALID_REQUEST,
            "v3"),
        new Case(
            "notification with a number method",
            "{\"jsonrpc\":\"2.0\",\"method\":7}",
            INVALID_REQUEST,
            null),
        new Case(
            "params a string",
            "{\"jsonrpc\":\"2.0\",\"id\":\"p1\",\"method\":\"ping\",\"params\":\"bar\"}",
            INVALID_REQUEST,
            "p1"),
        new Case(
            "params a list",
            "{\"jsonrpc\":\"2.0\",\"id\":\"p2\",\"method\":\"ping\",\"params\":[1]}",
            INVALID_PARAMS,
            "p2"),
        new Case(
            "duplicate key",
            "{\"jsonrpc\":\"2.0\",\"id\":\"d1\",\"id\":\"d2\",\"method\":\"ping\"}",
            PARSE_ERROR,
            null),
        new Case(
            "text after the object",
            "{\"jsonrpc\":\"2.0\",\"id\":\"g1\",\"method\":\"ping\"} tail",
            PARSE_ERROR,
            null),
        // params of the requests this server answers
        new Case(
            "tools/call without params",
            "{\"jsonrpc\":\"2.0\",\"id\":\"t1\",\"method\":\"tools/call\"}",
            INVALID_PARAMS,
            "t1"),
        new Case(
            "tools/call with string params",
            "{\"jsonrpc\":\"2.0\",\"id\":\"t2\",\"method\":\"tools/call\",\"params\":\"x\"}",
            INVALID_REQUEST,
            "t2"),
        new Case(
            "tools/call with list arguments",
            "{\"jsonrpc\":\"2.0\",\"id\":\"t3\",\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"list_tags\",\"arguments\":[]}}",
            INVALID_PARAMS,
            "t3"),
        new Case(
            "tools/call with string arguments",
            "{\"jsonrpc\":\"2.0\",\"id\":\"t4\",\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"list_tags\",\"arguments\":\"s\"}}",
            INVALID_PARAMS,
            "t4"),
        new Case(
            "tools/call with a number name",
            "{\"jsonrpc\":\"2.0\",\"id\":\"t5\",\"method\":\"tools/call\",\"params\":{\"name\":5}}",
            INVALID_PARAMS,
            "t5"),
        new Case(
            "initialize without protocolVersion",
            "{\"jsonrpc\":\"2.0\",\"id\":\"i1\",\"method\":\"initialize\",\"params\":{}}",
            INVALID_PARAMS,
            "i1"),
        new Case(
            "logging/setLevel without level",
            "{\"jsonrpc\":\"2.0\",\"id\":\"l1\",\"method\":\"logging/setLevel\",\"params\":{}}",
            INVALID_PARAMS,
            "l1"),
        // answers from the client
        new Case(
            "response with result and error",
            "{\"jsonrpc\":\"2.0\",\"id\":\"r1\",\"result\":{},\"error\":{\"code\":1,\"message\":\"x\"}}",
            INVALID_REQUEST,
            "r1"),
        new Case(
            "response with a null id",
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"result\":{}}",
            INVALID_REQUEST,
            null),
        new Case(
            "response with a string error",
            "{\"jsonrpc\":\"2.0\",\"id\":\"r2\",\"error\":\"bad\"}",
            INVALID_REQUEST,
            "r2"));
  }
}
