package dev.toggltrackmcp.sandbox;

/**
 * A misbehaviour the simulator can be told to show on its next responses. Most replace the answer
 * before the request is handled, so nothing is stored; the {@code STORED_THEN_…} kinds and {@link
 * #HEADERS_THEN_STALL} handle the request first (a write is stored) and then lose the answer.
 */
public enum Fault {
  RATE_LIMITED_429,
  SERVER_ERROR_500,
  BAD_GATEWAY_502,
  UNAVAILABLE_503,
  QUOTA_402,
  FEATURE_402,
  UNAUTHORIZED_401,
  FORBIDDEN_403,
  NOT_FOUND_404,
  GONE_410,
  MALFORMED_JSON,
  TRUNCATED_JSON,
  NULL_BODY,
  DROP_CONNECTION,
  /**
   * Toggl never answers: the request is held until the simulator closes, {@link
   * Faults#releaseStalls()} is called or the stall cap passes, then the connection is dropped.
   * Nothing is stored.
   */
  NO_ANSWER,
  /** Handled and stored, then the connection drops before any answer. */
  STORED_THEN_DROPPED,
  /** Handled and stored, then answered 500. */
  STORED_THEN_500,
  /** Handled and stored, then answered 502 by the gateway. */
  STORED_THEN_502,
  /** Handled and stored, then answered 503. */
  STORED_THEN_503,
  /** Handled and stored, then held like {@link #NO_ANSWER} and dropped. */
  STORED_THEN_STALL,
  /**
   * Handled and stored, the status line, headers and a first part of the body are sent, then the
   * rest never comes: held like {@link #NO_ANSWER}, then the connection drops mid-body.
   */
  HEADERS_THEN_STALL;

  /** Whether the request is handled (and a write stored) before this fault takes the answer. */
  boolean handledFirst() {
    return name().startsWith("STORED_") || this == HEADERS_THEN_STALL;
  }
}
