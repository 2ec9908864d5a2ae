package dev.toggltrackmcp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into {@code version.properties} at build time. */
public final class Version implements IVersionProvider {
  private static final String VERSION = load();

  public static String current() {
    return VERSION;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"toggl-track-mcp " + VERSION};
  }

  private static String load() {
    try (InputStream in =
        Version.class.getResourceAsStream("/dev/toggltrackmcp/version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
