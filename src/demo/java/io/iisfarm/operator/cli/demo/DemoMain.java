package io.iisfarm.operator.cli.demo;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the demo jar: {@code demo} and {@code simulate}, which start simulated Windows hosts (and, for
 * {@code demo}, an embedded API server). The operator's own commands are in the operator's jar
 * ({@code cli.Main}); this jar carries the simulator and its libraries, which the operator's image leaves out.
 */
@Command(name = "iis-farm-operator-demo", mixinStandardHelpOptions = true,
    description = "The IIS Farm Operator against simulated Windows hosts: a demo, or the hosts alone.",
    subcommands = {DemoCommand.class, SimulateCommand.class})
public final class DemoMain implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The demo jar's command line; tests set its output and error writers and execute it. */
  public static CommandLine commandLine() {
    return new CommandLine(new DemoMain());
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
