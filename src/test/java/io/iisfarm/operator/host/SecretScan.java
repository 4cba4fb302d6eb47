package io.iisfarm.operator.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Captures everything logged while a test class runs (root at DEBUG, the library levels of
 * logback-levels.xml kept) and every exception its tests provoke, and fails when any of them holds a
 * registered secret, or any 16-character piece of a longer one, in any letter case
 * ({@link io.iisfarm.operator.testing.SecretScan}).
 */
final class SecretScan implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
  private final Set<String> passwords = ConcurrentHashMap.newKeySet();
  private final Set<String> keys = ConcurrentHashMap.newKeySet();
  private final List<String> texts = new CopyOnWriteArrayList<>();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private Logger root;
  private Level rootLevel;

  void password(String password) {
    passwords.add(password);
  }

  void key(String hex) {
    keys.add(hex.toUpperCase(Locale.ROOT));
  }

  /** Runs {@code call}, requires it to throw, and keeps the exception (message, causes, trace) for the scan. */
  Throwable thrownBy(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("an exception").isNotNull();
    texts.add(render(thrown));
    return thrown;
  }

  /** Something shown to users (a toString(), a journal), scanned with the rest. */
  void shown(String text) {
    texts.add(text);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    rootLevel = root.getLevel();
    logs.start();
    root.addAppender(logs);
    root.setLevel(Level.DEBUG);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    assertClean();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      assertThat(logs.list).as("the scan saw the log").isNotEmpty();
      assertThat(passwords).as("passwords to look for").isNotEmpty();
      assertThat(keys).as("keys to look for").isNotEmpty();
      assertClean();
    } finally {
      root.detachAppender(logs);
      root.setLevel(rootLevel);
      logs.stop();
    }
  }

  private void assertClean() {
    for (ILoggingEvent event : List.copyOf(logs.list)) {
      String thrown = event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy());
      assertNoSecret("log line", event.getFormattedMessage() + "\n" + thrown);
    }
    for (String text : texts) {
      assertNoSecret("exception or shown text", text);
    }
  }

  private void assertNoSecret(String what, String text) {
    List<String> secrets = new ArrayList<>(passwords);
    secrets.addAll(keys);
    io.iisfarm.operator.testing.SecretScan.assertClean(what, text, secrets);
  }

  private static String render(Throwable thrown) {
    StringWriter out = new StringWriter();
    thrown.printStackTrace(new PrintWriter(out));
    return thrown + "\n" + out;
  }
}
