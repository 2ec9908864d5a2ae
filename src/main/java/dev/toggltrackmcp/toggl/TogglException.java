package dev.toggltrackmcp.toggl;

import java.time.Duration;

/**
 * Why a Toggl request failed, one subclass per case a user acts on differently. Every message is
 * one sentence that says what to do; none ever contains the API token.
 */
public abstract sealed class TogglException extends RuntimeException {

  TogglException(String message) {
    super(message, null, false, false);
  }

  /** Short machine-readable kind, e.g. for a tool result's structured error. */
  public abstract String kind();

  /** 400: Toggl refused the request and said why. */
  public static final class BadRequest extends TogglException {
    public BadRequest(String togglMessage) {
      super("Toggl rejected the request: " + togglMessage);
    }

    @Override
    public String kind() {
      return "bad_request";
    }
  }

  /** 401 or 403: the token was not sent, is wrong, or has no access to what was asked. */
  public static final class AuthenticationFailed extends TogglException {
    private final int status;

    public AuthenticationFailed(int status) {
      super(
          status == 401
              ? "Toggl did not receive an API token (401): set TOGGL_API_TOKEN to the token from"
                  + " https://track.toggl.com/profile."
              : "Toggl refused the API token or it has no access to this workspace (403): check"
                  + " TOGGL_API_TOKEN (https://track.toggl.com/profile) and the workspace id.");
      this.status = status;
    }

    public int status() {
      return status;
    }

    @Override
    public String kind() {
      return "authentication";
    }
  }

  /** 402 (hourly quota), or refused locally because the last-known quota is spent. */
  public static final class QuotaExhausted extends TogglException {
    private final Duration resetsIn;

    public QuotaExhausted(Duration resetsIn) {
      super(
          "Toggl's hourly API quota is used up; it resets in "
              + Math.max(0, resetsIn.toSeconds())
              + " s — wait until then or ask about data already loaded.");
      this.resetsIn = resetsIn;
    }

    public Duration resetsIn() {
      return resetsIn;
    }

    @Override
    public String kind() {
      return "quota_exhausted";
    }
  }

  /** 402 that is not the quota: the workspace's plan lacks a feature. */
  public static final class FeatureNotInPlan extends TogglException {
    public FeatureNotInPlan(String togglMessage) {
      super(
          "This needs a paid Toggl plan feature on the workspace (402: "
              + togglMessage
              + "); try another workspace or a range within the last 90 days.");
    }

    @Override
    public String kind() {
      return "feature_not_in_plan";
    }
  }

  /**
   * 403 or 402 where the token is fine but Toggl will not show this (another member's time, a
   * report the plan lacks), said in one sentence about what was asked.
   */
  public static final class NotAllowed extends TogglException {
    private final String kind;

    public NotAllowed(String kind, String sentence) {
      super(sentence);
      this.kind = kind;
    }

    @Override
    public String kind() {
      return kind;
    }
  }

  /** 404. */
  public static final class NotFound extends TogglException {
    public NotFound(String what) {
      super(what + " was not found in Toggl (404); check the id.");
    }

    @Override
    public String kind() {
      return "not_found";
    }
  }

  /** 409, e.g. stopping an entry that is already stopped. */
  public static final class Conflict extends TogglException {
    public Conflict(String togglMessage) {
      super("Toggl reported a conflict (409): " + togglMessage);
    }

    @Override
    public String kind() {
      return "conflict";
    }
  }

  /** 410: a retired API route. */
  public static final class Gone extends TogglException {
    public Gone(String path) {
      super(
          "Toggl no longer serves "
              + path
              + " (410); update toggl-track-mcp or report the problem.");
    }

    @Override
    public String kind() {
      return "gone";
    }
  }

  /** 429 even after waiting and retrying. */
  public static final class RateLimited extends TogglException {
    public RateLimited() {
      super(
          "Toggl is rate-limiting requests (429) even after retrying; wait a minute and ask again.");
    }

    @Override
    public String kind() {
      return "rate_limited";
    }
  }

  /** 5xx even after retrying. */
  public static final class Unavailable extends TogglException {
    public Unavailable(int status) {
      super(
          "Toggl is having trouble (HTTP "
              + status
              + ") even after retrying; try again in a few minutes (status:"
              + " https://status.toggl.com).");
    }

    @Override
    public String kind() {
      return "toggl_unavailable";
    }
  }

  /**
   * A change that may or may not have been stored: the request left, then the answer was lost (a
   * timeout, a dropped connection, a 5xx). Never retried blindly; the caller checks with Toggl.
   */
  public static final class Unconfirmed extends TogglException {
    private final String reason;

    public Unconfirmed(String reason) {
      super(
          "Toggl did not confirm the change ("
              + reason
              + "); it may or may not have been saved, so it was not sent again.");
      this.reason = reason;
    }

    /** Why the answer was lost, e.g. "HTTP 502" or "no answer within 5 s". */
    public String reason() {
      return reason;
    }

    @Override
    public String kind() {
      return "unconfirmed";
    }
  }

  /**
   * A repeated change (PUT, PATCH, DELETE) that Toggl refused after an earlier attempt's answer was
   * lost: the earlier attempt may itself have made the change (a delete then answers 404, a stop
   * 409). The writer checks which; this message is only seen if it cannot.
   */
  public static final class RefusedOnRepeat extends TogglException {
    private final int status;

    public RefusedOnRepeat(int status, String togglMessage, String lostReason) {
      super(
          "Toggl answered HTTP "
              + status
              + " ("
              + togglMessage
              + ") when the change was sent again after its first answer was lost ("
              + lostReason
              + "); the first attempt may have made the change, so look at the entry before"
              + " trying again.");
      this.status = status;
    }

    public int status() {
      return status;
    }

    @Override
    public String kind() {
      return "refused_on_repeat";
    }
  }

  /**
   * A create whose answer was lost and whose check failed too: Toggl may or may not hold it. Said
   * plainly so the user looks before trying again.
   */
  public static final class OutcomeUnknown extends TogglException {
    /**
     * "It is NOT KNOWN whether {@code whether}: {@code reason}. {@code next}" — e.g. whether "Toggl
     * stored the new time entry", next "Look with list_time_entries before trying again…".
     */
    public OutcomeUnknown(String whether, String reason, String next) {
      super("It is NOT KNOWN whether " + whether + ": " + reason + ". " + next);
    }

    @Override
    public String kind() {
      return "outcome_unknown";
    }
  }

  /** Stopping an entry that is not running (known from the cache or from Toggl's 409). */
  public static final class AlreadyStopped extends TogglException {
    public AlreadyStopped(long entryId, String endedAt) {
      super(
          "Time entry "
              + entryId
              + " is already stopped: it ended at "
              + endedAt
              + "; nothing changed. To track more time, start a new entry.");
    }

    @Override
    public String kind() {
      return "already_stopped";
    }
  }

  /** A create that Toggl certainly did not store: each attempt failed and a check found nothing. */
  public static final class NotStored extends TogglException {
    public NotStored(String what, String reason) {
      super(
          "Toggl did not store "
              + what
              + ": "
              + reason
              + "; a check with Toggl found nothing stored, so nothing changed — try again in a"
              + " few minutes.");
    }

    @Override
    public String kind() {
      return "not_stored";
    }
  }

  /**
   * Toggl has not answered within the question's budget; the work goes on in the background and
   * nothing is cached yet to answer from.
   */
  public static final class Slow extends TogglException {
    public Slow(java.time.Duration waited) {
      super(
          "Toggl has not answered within "
              + waited.toSeconds()
              + " s; loading goes on in the background, so ask again in a minute.");
    }

    @Override
    public String kind() {
      return "slow";
    }
  }

  /** Could not connect, or no answer in time. */
  public static final class NetworkFailure extends TogglException {
    public NetworkFailure(String reason) {
      super(
          "Could not reach Toggl ("
              + reason
              + "); check the network connection or TOGGL_API_BASE_URL and try again.");
    }

    @Override
    public String kind() {
      return "network";
    }
  }

  /** Toggl answered with a body we cannot read. */
  public static final class MalformedResponse extends TogglException {
    /** {@code path} may carry a query; only the path is named. */
    public MalformedResponse(String path) {
      super(
          "Toggl sent an unreadable answer for "
              + TogglHttp.pathOnly(path)
              + "; try again, and report it if it keeps happening.");
    }

    @Override
    public String kind() {
      return "malformed_response";
    }
  }
}
