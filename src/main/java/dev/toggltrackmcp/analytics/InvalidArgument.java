package dev.toggltrackmcp.analytics;

/** A tool argument that cannot be used, with one sentence naming it and saying what to send. */
public final class InvalidArgument extends RuntimeException {
  private final String argument;

  public InvalidArgument(String argument, String message) {
    super(message, null, false, false);
    this.argument = argument;
  }

  public String argument() {
    return argument;
  }
}
