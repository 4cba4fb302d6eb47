package io.iisfarm.operator.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log file per test class: {@code <test.log.dir>/<class>.log} (target/test-logs/unit or target/test-logs/it
 * in a Maven build), with a line where each test starts and ends. Every thread's lines go to the file of the
 * class running at that moment (test classes run one after another in a test JVM). A failure carries the path of
 * its log, so that the console says where to look. Registered for every test by junit-platform.properties.
 */
public final class TestLogs implements BeforeAllCallback, BeforeEachCallback, TestWatcher,
    TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger("test");

  /** Where this JVM's test logs go. */
  public static Path directory() {
    return Path.of(System.getProperty("test.log.dir", "target/test-logs"));
  }

  /** The log file of {@code testClass}. */
  public static Path file(Class<?> testClass) {
    return directory().resolve(outermost(testClass).getName() + ".log");
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    Class<?> top = outermost(context.getRequiredTestClass());
    if (!top.getName().equals(TestLogDiscriminator.current())) {
      // a class's file holds its latest run only
      Files.deleteIfExists(file(top));
      TestLogDiscriminator.current(top.getName());
    }
    LOG.info("=== {}", context.getRequiredTestClass().getName());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    LOG.info("=== start {}", context.getDisplayName());
  }

  @Override
  public void testSuccessful(ExtensionContext context) {
    LOG.info("=== passed {}", context.getDisplayName());
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    LOG.info("=== FAILED {}: {}", context.getDisplayName(), cause.toString());
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    LOG.info("=== skipped {}: {}", context.getDisplayName(), cause == null ? "" : cause.getMessage());
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    throw withLogPath(context, throwable);
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable)
      throws Throwable {
    throw withLogPath(context, throwable);
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable)
      throws Throwable {
    throw withLogPath(context, throwable);
  }

  private static Throwable withLogPath(ExtensionContext context, Throwable throwable) {
    if (!(throwable instanceof org.opentest4j.TestAbortedException)) {
      throwable.addSuppressed(new LogFile(file(context.getRequiredTestClass()).toAbsolutePath(),
          context.getTestMethod().isPresent() ? context.getDisplayName() : null));
    }
    return throwable;
  }

  /** Shown under a failure: where its log is. */
  static final class LogFile extends Exception {
    LogFile(Path file, String test) {
      super("the log is " + file + (test == null ? "" : ", from the line \"=== start " + test + "\""), null, false,
          false);
    }
  }

  private static Class<?> outermost(Class<?> testClass) {
    Class<?> top = testClass;
    while (top.getEnclosingClass() != null) {
      top = top.getEnclosingClass();
    }
    return top;
  }
}
