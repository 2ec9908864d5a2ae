package dev.toggltrackmcp.config;

/** A bad setting: the message is one line that names the variable and how to fix it. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message, null, false, false);
  }
}
