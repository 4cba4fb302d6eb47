package io.iisfarm.operator.winrm;

import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Trust in a PEM CA bundle (from a Secret) for HTTPS clients other than WinRM: webhooks and health checks. */
public final class CaBundles {
  private CaBundles() {}

  /**
   * Trust managers for {@code caPem}, or the JVM's trust store when it is null.
   *
   * @throws IllegalArgumentException when the PEM holds no certificate
   */
  public static TrustManagerFactory trustManagers(String caPem) {
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(caPem == null ? null : TlsContexts.caKeyStore(caPem));
      return factory;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build trust managers: " + e.getMessage(), e);
    }
  }

  /** A TLS 1.2+ context trusting {@code caPem} (or the JVM's trust store when null). */
  public static SSLContext sslContext(String caPem) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trustManagers(caPem).getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a TLS context: " + e.getMessage(), e);
    }
  }
}
