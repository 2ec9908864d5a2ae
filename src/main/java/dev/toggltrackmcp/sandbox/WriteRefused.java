package dev.toggltrackmcp.sandbox;

/** A write Toggl would refuse: the status and the message it answers with; nothing is changed. */
final class WriteRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  WriteRefused(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  static WriteRefused badRequest(String message) {
    return new WriteRefused(400, message);
  }

  Answer answer() {
    return Answer.error(status, getMessage());
  }
}
