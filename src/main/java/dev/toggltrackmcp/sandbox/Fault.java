package dev.toggltrackmcp.sandbox;

/** A misbehaviour the simulator can be told to show on its next responses. */
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
  DROP_CONNECTION
}
