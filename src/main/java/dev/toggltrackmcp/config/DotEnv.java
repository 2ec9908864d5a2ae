package dev.toggltrackmcp.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code .env} file: {@code KEY=value} lines, optional {@code export }, {@code #} comments,
 * values optionally in single or double quotes. A missing file is an empty map.
 */
public final class DotEnv {
  private static final Pattern LINE =
      Pattern.compile("^(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*)$");

  private DotEnv() {}

  public static Map<String, String> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Map.of();
    } catch (IOException e) {
      throw new ConfigException(
          file
              + " cannot be read ("
              + e.getClass().getSimpleName()
              + "): fix its permissions or remove it.");
    }
    return parse(file.toString(), lines);
  }

  static Map<String, String> parse(String source, List<String> lines) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        // The line may hold a secret, so only its number is shown.
        throw new ConfigException(
            source + " line " + (i + 1) + " is not KEY=value: fix or remove that line.");
      }
      values.put(m.group(1), unquote(m.group(2)));
    }
    return values;
  }

  private static String unquote(String raw) {
    if (raw.length() >= 2) {
      char first = raw.charAt(0);
      if ((first == '"' || first == '\'') && raw.charAt(raw.length() - 1) == first) {
        return raw.substring(1, raw.length() - 1);
      }
    }
    int comment = raw.indexOf(" #");
    return (comment >= 0 ? raw.substring(0, comment) : raw).strip();
  }
}
