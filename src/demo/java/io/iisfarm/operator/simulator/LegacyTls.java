package io.iisfarm.operator.simulator;

import java.security.Security;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Windows Server 2003 speaks only TLS 1.0, which Java 17 disables through the security property
 * {@code jdk.tls.disabledAlgorithms}. A JVM that serves simulated IIS6 hosts over HTTPS must
 * re-enable it before its first TLS use: either start it with
 * {@code -Djava.security.properties=<file>} (as the tests do) or call {@link #enable()} first thing
 * (as the {@code simulate} command does). Never a default of the operator's own client.
 */
public final class LegacyTls {
  private static final String PROPERTY = "jdk.tls.disabledAlgorithms";

  private LegacyTls() {}

  /** Removes TLSv1 and TLSv1.1 from the disabled protocols; effective only before TLS is used. */
  public static synchronized void enable() {
    String current = Security.getProperty(PROPERTY);
    if (current == null) {
      return;
    }
    String kept = Arrays.stream(current.split(","))
        .map(String::trim)
        .filter(s -> !s.equalsIgnoreCase("TLSv1") && !s.equalsIgnoreCase("TLSv1.1"))
        .collect(Collectors.joining(", "));
    Security.setProperty(PROPERTY, kept);
  }

  /** Whether this JVM's security properties allow TLS 1.0. */
  public static boolean enabled() {
    String current = Security.getProperty(PROPERTY);
    return current == null || Arrays.stream(current.split(","))
        .map(String::trim).noneMatch(s -> s.equalsIgnoreCase("TLSv1"));
  }
}
