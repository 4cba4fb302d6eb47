package io.iisfarm.operator.cli;

import io.iisfarm.operator.cli.audit.AuditCommand;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the operator's jar, the one the image runs: {@code run} and {@code audit FILE}. {@code demo} and
 * {@code simulate} are in the demo jar ({@code cli.demo.DemoMain}), with the simulator.
 */
@Command(name = "iis-farm-operator", mixinStandardHelpOptions = true,
    description = "Keeps IIS site IDs and ASP.NET machineKeys aligned across a web farm.",
    subcommands = {RunCommand.class, AuditCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line and returns its exit code; tests call this the way a user calls the jar. */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /** The jar's command line: {@link #execute} runs it; callers in this JVM may first set its output or reach a command. */
  static CommandLine commandLine() {
    return commandLine(System.getenv());
  }

  /**
   * The jar's command line, with {@code environment} in place of the process environment for the commands that
   * read credentials from it ({@code audit}); tests set its output and error writers and execute it.
   */
  public static CommandLine commandLine(Map<String, String> environment) {
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    return new CommandLine(new Main(), new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        return type == AuditCommand.class ? type.cast(new AuditCommand(environment)) : defaults.create(type);
      }
    });
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
