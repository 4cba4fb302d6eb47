package io.iisfarm.operator.winrm;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** Builds the SSLContext a host's WinRM connection uses, from its {@link TlsOptions}. */
final class TlsContexts {

  private TlsContexts() {}

  /**
   * @throws IllegalArgumentException when the CA PEM holds no certificate or cannot be read
   */
  static SSLContext create(TlsOptions options) throws GeneralSecurityException {
    TrustManager[] trustManagers;
    if (options.insecureSkipTlsVerify()) {
      trustManagers = new TrustManager[] {new TrustAll()};
    } else {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(options.caPem() == null ? null : caKeyStore(options.caPem()));
      trustManagers = factory.getTrustManagers();
    }
    SSLContext delegate = SSLContext.getInstance("TLS");
    delegate.init(null, trustManagers, null);
    return ProtocolLimitedSslContext.wrap(delegate, LegacyTls.protocols(options.allowLegacyTls()));
  }

  static KeyStore caKeyStore(String pem) throws GeneralSecurityException {
    Collection<? extends Certificate> certificates;
    try {
      certificates = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the CA bundle is not PEM X.509 certificates: " + e.getMessage(), e);
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("the CA bundle holds no certificate");
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      store.load(null, null);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("an empty key store always loads", e);
    }
    int i = 0;
    for (Certificate certificate : certificates) {
      store.setCertificateEntry("ca-" + i++, certificate);
    }
    return store;
  }

  /** Accepts every certificate: only for {@code insecureSkipTlsVerify}. */
  private static final class TrustAll extends X509ExtendedTrustManager {
    @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
    @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
    @Override public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket s) { }
    @Override public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket s) { }
    @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine e) { }
    @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine e) { }
    @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
  }
}
