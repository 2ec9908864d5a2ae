package dev.toggltrackmcp.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A checkout as the launcher sees one, in a temporary directory: {@code bin/toggl-track-mcp} (the
 * real script), an older {@code pom.xml} and {@code target/toggl-track-mcp.jar} made of the
 * compiled main classes, its libraries named in the manifest (the tests run before {@code package}
 * builds the real jar). Runs the launcher as a process with exactly the variables given.
 */
final class LauncherCheckout {
  final Path root;
  final Path jar;

  LauncherCheckout(Path dir) throws IOException {
    root = dir;
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path script = bin.resolve("toggl-track-mcp");
    Files.copy(Path.of("bin/toggl-track-mcp"), script);
    script.toFile().setExecutable(true);
    Path pom = Files.writeString(dir.resolve("pom.xml"), "<project/>\n");
    Files.setLastModifiedTime(pom, FileTime.from(Instant.now().minusSeconds(3600)));
    jar = Files.createDirectories(dir.resolve("target")).resolve("toggl-track-mcp.jar");
    writeJar(jar);
  }

  private static void writeJar(Path jar) throws IOException {
    Path classes = Path.of("target/classes").toAbsolutePath();
    List<String> libraries = new ArrayList<>();
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    for (String entry : classPath.split(java.io.File.pathSeparator)) {
      if (entry.endsWith(".jar") && !entry.contains("surefire")) {
        libraries.add(Path.of(entry).toAbsolutePath().toUri().toString());
      }
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", libraries));
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
  }

  /** What one run printed and how it ended. */
  record Run(int exit, List<String> stdout, String stderr) {}

  /** {@code bin/toggl-track-mcp ARGS} with {@code stdin}, then stdin closed. */
  Run run(Map<String, String> variables, String stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("bin/toggl-track-mcp").toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
    pb.environment().clear();
    pb.environment().put("PATH", "/usr/bin:/bin");
    pb.environment().putAll(variables);
    Process p = pb.start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread errReader = new Thread(() -> copy(p.getErrorStream(), err));
    errReader.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the launcher did not exit; stderr: " + err);
    }
    errReader.join();
    List<String> lines = out.isEmpty() ? List.of() : List.of(out.split("\n", -1));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines = lines.subList(0, lines.size() - 1);
    }
    return new Run(p.exitValue(), lines, err.toString(StandardCharsets.UTF_8));
  }

  private static void copy(InputStream in, ByteArrayOutputStream to) {
    try {
      in.transferTo(to);
    } catch (IOException e) {
      // the process went away; what was read is kept
    }
  }
}
