package dev.toggltrackmcp.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** What each {@link Fault} looks like on the wire. */
final class FaultAnswers {
  private FaultAnswers() {}

  /** The reply of a fault that answers instead of handling the request. */
  static Reply before(Fault fault, Map<String, String> quotaHeaders) {
    Map<String, String> headers = new LinkedHashMap<>(quotaHeaders);
    Answer answer =
        switch (fault) {
          case RATE_LIMITED_429 -> {
            headers.put("Retry-After", "1");
            yield new Answer(429, "", headers);
          }
          case SERVER_ERROR_500 -> serverError(headers);
          case BAD_GATEWAY_502 -> badGateway(headers);
          case UNAVAILABLE_503 -> unavailable(headers);
          case QUOTA_402 -> {
            headers.put("X-Toggl-Quota-Remaining", "0");
            headers.put("X-Toggl-Quota-Resets-In", "812");
            yield new Answer(
                402,
                "\"You have hit your hourly limit for API calls. The quota will reset in 812"
                    + " seconds.\"",
                headers);
          }
          case FEATURE_402 ->
              new Answer(402, "\"Workspace needs to have this feature enabled\"", headers);
          case UNAUTHORIZED_401 -> new Answer(401, "", Map.of("X-Authorization-Missing", "true"));
          case FORBIDDEN_403 -> new Answer(403, "\"Incorrect username and/or password\"", headers);
          case NOT_FOUND_404 -> new Answer(404, "\"Not found\"", headers);
          case GONE_410 -> new Answer(410, "\"Gone\"", headers);
          case MALFORMED_JSON -> new Answer(200, "{\"id\": 12, \"name\": oops", headers);
          case TRUNCATED_JSON -> new Answer(200, "[{\"id\":4100000000,\"workspace_id\":7", headers);
          case NULL_BODY -> new Answer(200, "null", headers);
          case DROP_CONNECTION -> null;
          case NO_ANSWER -> null;
          default -> throw new IllegalArgumentException(fault + " answers after handling");
        };
    if (answer != null) {
      return Reply.send(answer);
    }
    return fault == Fault.NO_ANSWER ? Reply.stall() : Reply.drop();
  }

  /** The reply of a fault that lets the request be handled (as {@code handled}) first. */
  static Reply after(Fault fault, Answer handled, Map<String, String> quotaHeaders) {
    Map<String, String> headers = new LinkedHashMap<>(quotaHeaders);
    return switch (fault) {
      case STORED_THEN_DROPPED -> Reply.drop();
      case STORED_THEN_500 -> Reply.send(serverError(headers));
      case STORED_THEN_502 -> Reply.send(badGateway(headers));
      case STORED_THEN_503 -> Reply.send(unavailable(headers));
      case STORED_THEN_STALL -> Reply.stall();
      case HEADERS_THEN_STALL -> new Reply(Reply.Delivery.STALL_BODY, handled);
      default -> throw new IllegalArgumentException(fault + " answers before handling");
    };
  }

  private static Answer serverError(Map<String, String> headers) {
    return new Answer(500, "\"Internal Server Error\"", headers);
  }

  private static Answer badGateway(Map<String, String> headers) {
    return new Answer(502, "<html>Bad Gateway</html>", headers);
  }

  private static Answer unavailable(Map<String, String> headers) {
    return new Answer(503, "Service Unavailable", headers);
  }
}
