package io.iisfarm.operator.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Iterator;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Chooses text or JSON logs and routes java.util.logging (CXF, the embedded API server) into SLF4J. */
public final class LogSetup {
  private LogSetup() {}

  enum Format { text, json }

  static void apply(Format format) {
    bridgeJul();
    if (format == Format.json) {
      configure("/logback-json.xml");
    }
  }

  /**
   * For a command whose standard output is its result ({@code audit}): every console appender writes to
   * standard error instead, so that a log line never mixes with the table or the JSON a script reads. The
   * command reports a host's failure itself, so CXF's warning with a stack trace for it, and SAAJ's about its
   * own service lookup, are left out.
   */
  public static void toStandardError() {
    bridgeJul();
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.getLogger("org.apache.cxf.phase.PhaseInterceptorChain").setLevel(Level.ERROR);
    context.getLogger("javax.xml.soap").setLevel(Level.ERROR);
    for (Logger logger : context.getLoggerList()) {
      for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
        if (it.next() instanceof ConsoleAppender<ILoggingEvent> console && !"System.err".equals(console.getTarget())) {
          console.stop();
          console.setTarget("System.err");
          console.start();
        }
      }
    }
  }

  /**
   * For {@code demo}, which prints its own progress: loggers without a level of their own (libraries, and the
   * operator's INFO lines) show WARN and up only. Returns what restores the previous root level.
   */
  public static Runnable warningsOnly() {
    bridgeJul();
    Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level before = root.getLevel();
    root.setLevel(Level.WARN);
    return () -> root.setLevel(before);
  }

  private static void bridgeJul() {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
  }

  private static void configure(String resource) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    URL config = LogSetup.class.getResource(resource);
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(config);
    } catch (JoranException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }
}
