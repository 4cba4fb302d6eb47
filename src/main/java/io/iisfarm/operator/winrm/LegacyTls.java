package io.iisfarm.operator.winrm;

import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * TLS 1.0, which Windows Server 2003 hosts speak exclusively. Java 17 lists {@code TLSv1} and {@code TLSv1.1}
 * in the security property {@code jdk.tls.disabledAlgorithms}, so offering it takes two opt-ins: the host's
 * {@code allowLegacyTls} and a JVM started with a security file that removes them, e.g.
 * {@code -Djava.security.properties=/etc/iisfarm/legacy-tls.java.security} holding
 * {@code jdk.tls.disabledAlgorithms=SSLv3, DTLSv1.0, RC4, DES, MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL, ECDH}.
 */
public final class LegacyTls {
  private static final String DISABLED_ALGORITHMS = "jdk.tls.disabledAlgorithms";

  /** What to tell an admin whose JVM still forbids TLS 1.0. */
  public static final String JVM_SETTING_HINT = "this JVM disables TLS 1.0 (jdk.tls.disabledAlgorithms lists TLSv1):"
      + " start the operator with -Djava.security.properties=<file> whose jdk.tls.disabledAlgorithms omits"
      + " TLSv1 and TLSv1.1 (see docs/host-commands.md)";

  private LegacyTls() {}

  /** True when the running JVM's security settings forbid TLS 1.0 whatever the SSL engine is told. */
  public static boolean jvmDisablesTls10() {
    String disabled = Security.getProperty(DISABLED_ALGORITHMS);
    if (disabled == null) {
      return false;
    }
    return Arrays.stream(disabled.split(",")).map(String::strip).anyMatch("TLSv1"::equalsIgnoreCase);
  }

  /**
   * Drops {@code TLSv1} and {@code TLSv1.1} from this JVM's {@code jdk.tls.disabledAlgorithms}, as the security
   * file above does. For a short-lived JVM that serves one farm which sets {@code allowLegacyTls} ({@code audit});
   * takes effect only before the JVM's first TLS use. The long-running operator never calls it.
   */
  public static synchronized void allowInThisJvm() {
    String disabled = Security.getProperty(DISABLED_ALGORITHMS);
    if (disabled == null) {
      return;
    }
    Security.setProperty(DISABLED_ALGORITHMS, Arrays.stream(disabled.split(",")).map(String::strip)
        .filter(a -> !a.equalsIgnoreCase("TLSv1") && !a.equalsIgnoreCase("TLSv1.1"))
        .collect(Collectors.joining(", ")));
  }

  /** Protocols offered to a host. */
  static List<String> protocols(boolean allowLegacy) {
    return allowLegacy ? List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1") : List.of("TLSv1.3", "TLSv1.2");
  }
}
