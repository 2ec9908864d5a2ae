package dev.toggltrackmcp.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What each {@link Fault} looks like on the wire; empty means the connection is dropped. */
final class FaultAnswers {
  private FaultAnswers() {}

  static Optional<Answer> of(Fault fault, Map<String, String> quotaHeaders) {
    Map<String, String> headers = new LinkedHashMap<>(quotaHeaders);
    Answer answer =
        switch (fault) {
          case RATE_LIMITED_429 -> {
            headers.put("Retry-After", "1");
            yield new Answer(429, "", headers);
          }
          case SERVER_ERROR_500 -> new Answer(500, "\"Internal Server Error\"", headers);
          case BAD_GATEWAY_502 -> new Answer(502, "<html>Bad Gateway</html>", headers);
          case UNAVAILABLE_503 -> new Answer(503, "Service Unavailable", headers);
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
        };
    return Optional.ofNullable(answer);
  }
}
