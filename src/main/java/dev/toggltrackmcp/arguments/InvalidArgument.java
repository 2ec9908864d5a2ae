package dev.toggltrackmcp.arguments;

/**
 * The one error of reading and resolving arguments: an argument that cannot be used, with one
 * sentence naming it and saying what to send instead.
 */
public final class InvalidArgument extends RuntimeException {
  private final String argument;

  public InvalidArgument(String argument, String message) {
    super(message, null, false, false);
    this.argument = argument;
  }

  public String argument() {
    return argument;
  }

  /** User text as a message may echo it: control characters masked, at most 40 characters. */
  public static String shown(String text) {
    String clean = text.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
  }
}
