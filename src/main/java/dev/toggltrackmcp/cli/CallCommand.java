package dev.toggltrackmcp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.mcp.TogglTools;
import dev.toggltrackmcp.toggl.Sleeper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs one tool from the terminal: {@code call list_time_entries period=today}. */
@Command(
    name = "call",
    description = {
      "Run one tool and print its text (or the whole result with --json).",
      "Values: numbers and true/false are typed; JSON arrays like '[\"meeting\"]' are lists.",
      "Example: call get_time_summary period=last_week group_by='[\"project\"]'"
    })
final class CallCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Environment environment;

  @Parameters(index = "0", paramLabel = "TOOL", description = "Tool name, e.g. list_time_entries.")
  String tool;

  @Parameters(index = "1..*", paramLabel = "key=value", description = "Tool arguments.")
  List<String> pairs = new ArrayList<>();

  @Option(names = "--json", description = "Print the whole result as JSON.")
  boolean json;

  @Spec CommandSpec spec;

  CallCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    Map<String, Object> arguments;
    try {
      arguments = arguments(pairs);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    ServerAssembly server =
        ServerAssembly.of(environment.settings(), Clock.systemUTC(), Sleeper.real());
    return print(server.tools(), tool, arguments, json, environment.out());
  }

  static int print(
      TogglTools tools, String tool, Map<String, Object> arguments, boolean json, PrintStream out)
      throws IOException {
    McpSchema.CallToolResult result = tools.call(tool, arguments);
    if (json) {
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    } else {
      result.content().forEach(c -> out.println(shown(c)));
    }
    return Boolean.TRUE.equals(result.isError()) ? 1 : 0;
  }

  /** Text as it is; a picture as one line saying what it is (--json carries it, base64). */
  private static String shown(McpSchema.Content c) {
    if (c instanceof McpSchema.TextContent text) {
      return text.text();
    }
    if (c instanceof McpSchema.ImageContent image) {
      return "("
          + image.mimeType()
          + " image, "
          + Base64.getDecoder().decode(image.data()).length
          + " bytes; --json includes it in base64)";
    }
    return "(" + c.type() + " content)";
  }

  /** Tool arguments as one line of JSON, the way a client sends them. */
  static String compact(Map<String, Object> arguments) {
    try {
      return JSON.writeValueAsString(arguments);
    } catch (IOException e) {
      return arguments.toString();
    }
  }

  static Map<String, Object> arguments(List<String> pairs) {
    Map<String, Object> arguments = new LinkedHashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "Arguments look like key=value, e.g. period=today; got \"" + pair + "\".");
      }
      arguments.put(pair.substring(0, eq), value(pair.substring(eq + 1)));
    }
    return arguments;
  }

  private static Object value(String text) {
    if (text.matches("-?\\d{1,18}")) {
      return Long.parseLong(text);
    }
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    if (text.startsWith("[") || text.startsWith("{")) {
      try {
        return JSON.readValue(text, Object.class);
      } catch (IOException e) {
        return text;
      }
    }
    return text;
  }
}
