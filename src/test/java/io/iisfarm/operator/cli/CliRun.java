package io.iisfarm.operator.cli;

import io.iisfarm.operator.cli.demo.DemoMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** One run of a jar's command line in this JVM (the demo's for demo and simulate), its exit code and both streams. */
record CliRun(int exit, String out, String err) {

  static CliRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    boolean demos = args.length > 0 && (args[0].equals("simulate") || args[0].equals("demo"));
    CommandLine cli = demos ? DemoMain.commandLine() : Main.commandLine(Map.of());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }

  String all() {
    return out + "\n" + err;
  }
}
