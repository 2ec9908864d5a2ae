package dev.toggltrackmcp.sandbox;

import org.jspecify.annotations.Nullable;

/** How the simulator delivers one request's answer: in full, not at all, or stalled. */
record Reply(Delivery delivery, @Nullable Answer answer) {
  enum Delivery {
    /** The whole answer. */
    SEND,
    /** The connection is closed without a status line. */
    DROP,
    /** Nothing is sent; the request is held, then the connection closed. */
    STALL,
    /** Status line, headers and part of the body are sent; then held and closed. */
    STALL_BODY
  }

  static Reply send(Answer answer) {
    return new Reply(Delivery.SEND, answer);
  }

  static Reply drop() {
    return new Reply(Delivery.DROP, null);
  }

  static Reply stall() {
    return new Reply(Delivery.STALL, null);
  }

  /** The status the client saw, 0 when no status line was sent. */
  int status() {
    return answer == null ? 0 : answer.status();
  }
}
