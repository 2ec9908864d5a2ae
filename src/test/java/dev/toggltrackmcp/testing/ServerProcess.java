package dev.toggltrackmcp.testing;

import io.modelcontextprotocol.client.transport.ServerParameters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The server as a child process on the test class path ({@code java -cp … Main ARGS}): the jar is
 * built after the tests, so this is how tests start the real command line.
 */
public final class ServerProcess {
  private ServerProcess() {}

  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** What follows the java executable: class path, main class, then the server's arguments. */
  public static List<String> arguments(List<String> serverArguments) {
    List<String> args = new ArrayList<>();
    args.add("-cp");
    args.add(System.getProperty("java.class.path"));
    args.add("dev.toggltrackmcp.cli.Main");
    args.addAll(serverArguments);
    return args;
  }

  public static ProcessBuilder builder(String... serverArguments) {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(arguments(List.of(serverArguments)));
    return new ProcessBuilder(command);
  }

  /** For the SDK's StdioClientTransport. */
  public static ServerParameters.Builder parameters(List<String> serverArguments) {
    return ServerParameters.builder(java()).args(arguments(serverArguments));
  }
}
