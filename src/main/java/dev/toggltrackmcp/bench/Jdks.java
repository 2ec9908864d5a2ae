package dev.toggltrackmcp.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JDKs installed where the launcher looks for one (the same places, the same order). */
final class Jdks {
  private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(?:1\\.)?(\\d+)");

  private Jdks() {}

  /** The newest JDK of at least {@code feature}, or null. */
  static Path newestAtLeast(int feature) throws IOException {
    Path best = null;
    int bestFeature = feature - 1;
    for (Path home : candidates()) {
      int f = feature(home);
      if (f > bestFeature && Files.isExecutable(home.resolve("bin/java"))) {
        best = home;
        bestFeature = f;
      }
    }
    return best;
  }

  /** The feature version its {@code release} file names, or -1. */
  static int feature(Path home) {
    try {
      for (String line : Files.readAllLines(home.resolve("release"))) {
        Matcher m = VERSION.matcher(line);
        if (m.find()) {
          return Integer.parseInt(m.group(1));
        }
      }
    } catch (IOException | RuntimeException e) {
      // no release file: not a JDK we can tell the version of
    }
    return -1;
  }

  private static List<Path> candidates() throws IOException {
    List<Path> homes = new ArrayList<>();
    String user = System.getProperty("user.home");
    List<Path[]> places =
        List.of(
            new Path[] {Path.of("/usr/lib/jvm"), Path.of("")},
            new Path[] {Path.of("/Library/Java/JavaVirtualMachines"), Path.of("Contents/Home")},
            new Path[] {Path.of(user, ".sdkman/candidates/java"), Path.of("")});
    for (Path[] place : places) {
      if (!Files.isDirectory(place[0])) {
        continue;
      }
      try (DirectoryStream<Path> dirs = Files.newDirectoryStream(place[0])) {
        for (Path dir : dirs) {
          homes.add(dir.resolve(place[1]));
        }
      }
    }
    return homes;
  }
}
