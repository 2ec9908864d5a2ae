package dev.toggltrackmcp.cli;

import picocli.CommandLine;

/** Gives every command the {@link Environment} it runs in. */
final class CommandFactory implements CommandLine.IFactory {
  private final Environment environment;

  CommandFactory(Environment environment) {
    this.environment = environment;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    try {
      return type.getDeclaredConstructor(Environment.class).newInstance(environment);
    } catch (NoSuchMethodException e) {
      return CommandLine.defaultFactory().create(type);
    }
  }
}
