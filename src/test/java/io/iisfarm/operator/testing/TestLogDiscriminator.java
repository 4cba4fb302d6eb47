package io.iisfarm.operator.testing;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.sift.AbstractDiscriminator;

/**
 * Logback's key for the file a line goes to: the test class running now, as {@link TestLogs} sets it. Depends on
 * logback only, since tools that find logback-test.xml on their class path (without JUnit) load it too.
 */
public final class TestLogDiscriminator extends AbstractDiscriminator<ILoggingEvent> {
  /** Lines logged outside any test class: the JVM starting, engines without {@link TestLogs}. */
  static final String OUTSIDE = "outside-tests";
  private static volatile String current = OUTSIDE;

  static String current() {
    return current;
  }

  static void current(String testClass) {
    current = testClass;
  }

  @Override
  public String getDiscriminatingValue(ILoggingEvent event) {
    return current;
  }

  /** The name logback-test.xml uses for the key. */
  @Override
  public String getKey() {
    return "testClass";
  }
}
