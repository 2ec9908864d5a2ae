package dev.toggltrackmcp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version Maven wrote at build time: into the jar's manifest, read when the jar's classes were
 * defined, and into {@code version.properties} (reading that resource costs a stdio start about 5
 * ms, so it is the fallback, for the classes outside a jar that tests run).
 */
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
    String packaged = Version.class.getPackage().getImplementationVersion();
    if (packaged != null) {
      return packaged;
    }
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
