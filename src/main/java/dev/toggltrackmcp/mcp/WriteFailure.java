package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.toggl.TogglException;

/**
 * A write Toggl did not accept, as one honest sentence: a refusal (4xx, quota, rate limit) means
 * nothing changed and says what to do; a lost answer says the outcome is unknown.
 */
final class WriteFailure {
  private WriteFailure() {}

  /** The answer to {@code e}, raised while {@code doing} (e.g. "stopping entry 41"). */
  static ToolRefusal explain(TogglException e, String doing) {
    return new ToolRefusal(sentence(e, doing));
  }

  static String sentence(TogglException e, String doing) {
    if (e instanceof TogglException.Unconfirmed) {
      return "While " + doing + ": " + e.getMessage();
    }
    if (e instanceof TogglException.NotStored || e instanceof TogglException.AlreadyStopped) {
      return e.getMessage();
    }
    if (refused(e)) {
      return "Toggl refused " + doing + ", so nothing was changed: " + e.getMessage();
    }
    if (e instanceof TogglException.OutcomeUnknown || e instanceof TogglException.RefusedOnRepeat) {
      return "While " + doing + ": " + e.getMessage();
    }
    return "While " + doing + ": " + e.getMessage() + " Check the result before trying again.";
  }

  /** True when Toggl answered and stored nothing. */
  static boolean refused(TogglException e) {
    return e instanceof TogglException.BadRequest
        || e instanceof TogglException.NotAllowed
        || e instanceof TogglException.NotFound
        || e instanceof TogglException.Conflict
        || e instanceof TogglException.QuotaExhausted
        || e instanceof TogglException.FeatureNotInPlan
        || e instanceof TogglException.AuthenticationFailed
        || e instanceof TogglException.RateLimited;
  }
}
