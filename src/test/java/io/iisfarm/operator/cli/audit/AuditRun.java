package io.iisfarm.operator.cli.audit;

import ch.qos.logback.classic.LoggerContext;
import io.iisfarm.operator.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** {@code audit ...} run through the jar's own command line, with an environment of the test's choosing. */
record AuditRun(int exit, String out, String err) {

  static AuditRun audit(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine(environment);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(Stream.concat(Stream.of("audit"), Stream.of(args)).toArray(String[]::new));
    return new AuditRun(exit, out.toString(), err.toString());
  }

  /** Undoes what {@code audit} sets for its own process: the log levels of two chatty libraries. */
  static void restoreLogLevels() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.getLogger("org.apache.cxf.phase.PhaseInterceptorChain").setLevel(null);
    context.getLogger("javax.xml.soap").setLevel(null);
  }

  /** Both streams, for scans. */
  String all() {
    return out + "\n" + err;
  }
}
