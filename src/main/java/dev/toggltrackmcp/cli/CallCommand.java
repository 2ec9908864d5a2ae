package dev.toggltrackmcp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.config.Secret;
import dev.toggltrackmcp.config.Settings;
import dev.toggltrackmcp.mcp.TogglTools;
import dev.toggltrackmcp.sandbox.Dataset;
import dev.toggltrackmcp.sandbox.SimulatorOptions;
import dev.toggltrackmcp.sandbox.TogglSimulator;
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
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    name = "call",
    description = {
      "Run one tool and print its text (or the whole result with --json).",
      "Values take the type the tool's schema gives the argument: limit=5 is a number,"
          + " query=2024 stays text; lists as a,b or JSON like '[\"meeting\"]'.",
      "Example: call get_time_summary period=last_week group_by=project,client",
      "Without a token: call --demo list_projects query=website"
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

  @Option(names = "--demo", description = "Ask the built-in simulated Toggl (no token needed).")
  boolean demo;

  @Spec CommandSpec spec;

  CallCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    List<Pair> parsed;
    try {
      parsed = pairs(pairs);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (!demo) {
      ServerAssembly server =
          ServerAssembly.of(environment.settings(), Clock.systemUTC(), Sleeper.real());
      return run(server.tools(), parsed);
    }
    Clock clock = Clock.systemUTC();
    SimulatorOptions options = SimulatorOptions.defaults();
    try (TogglSimulator simulator =
        TogglSimulator.start(Dataset.generate(options, clock.instant()), clock, options)) {
      RedactingStream.hideEverywhere(simulator.token());
      Settings settings =
          environment
              .settings()
              .withApiToken(Secret.of(simulator.token()), simulator.baseUrl())
              .withCacheDir(null);
      return run(ServerAssembly.of(settings, clock, Sleeper.real()).tools(), parsed);
    }
  }

  @SuppressWarnings("unchecked") // JSON Schema's properties: a map of argument names to schemas
  private int run(TogglTools tools, List<Pair> parsed) throws IOException {
    Map<String, Object> schema =
        tools.toolList().stream()
            .filter(t -> t.name().equals(tool))
            .findFirst()
            .map(t -> t.inputSchema().get("properties"))
            .filter(Map.class::isInstance)
            .map(p -> (Map<String, Object>) p)
            .orElse(Map.of());
    return print(tools, tool, arguments(parsed, schema), json, environment.out());
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

  /** One {@code key=value} from the command line, not yet typed. */
  record Pair(String key, String text) {}

  static List<Pair> pairs(List<String> pairs) {
    List<Pair> parsed = new ArrayList<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "Arguments look like key=value, e.g. period=today; got \"" + pair + "\".");
      }
      parsed.add(new Pair(pair.substring(0, eq), pair.substring(eq + 1)));
    }
    return parsed;
  }

  /**
   * The arguments typed as the tool's input schema ({@code properties}) declares each one; a value
   * that does not fit its type, or an argument the tool does not have, goes as text, so the tool's
   * own error names it.
   */
  static Map<String, Object> arguments(List<Pair> pairs, Map<String, Object> properties) {
    Map<String, Object> arguments = new LinkedHashMap<>();
    for (Pair pair : pairs) {
      Object property = properties.get(pair.key());
      Object type = property instanceof Map<?, ?> m ? m.get("type") : null;
      arguments.put(pair.key(), typed(pair.text(), type == null ? "string" : type.toString()));
    }
    return arguments;
  }

  private static Object typed(String text, String type) {
    switch (type) {
      case "integer":
        return text.matches("-?\\d{1,18}") ? (Object) Long.parseLong(text) : text;
      case "number":
        try {
          return new java.math.BigDecimal(text);
        } catch (NumberFormatException e) {
          return text;
        }
      case "boolean":
        return text.equals("true") || text.equals("false") ? Boolean.parseBoolean(text) : text;
      case "array":
        if (text.startsWith("[")) {
          return json(text);
        }
        return text.isEmpty() ? List.of() : List.of(text.split(",", -1));
      case "object":
        return json(text);
      default:
        return text;
    }
  }

  private static Object json(String text) {
    try {
      return JSON.readValue(text, Object.class);
    } catch (IOException e) {
      return text; // the tool says what it expected
    }
  }
}
