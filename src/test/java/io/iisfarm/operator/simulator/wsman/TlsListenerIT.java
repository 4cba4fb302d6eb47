package io.iisfarm.operator.simulator.wsman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a TLS client negotiates with modern and Windows Server 2003 listeners. */
class TlsListenerIT {
  private static WsmanRuntime runtime;
  private static TlsIdentity tls;

  @BeforeAll
  static void start() {
    runtime = WsmanRuntime.create();
    tls = TlsIdentity.generate(List.of("web01"));
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  @Test
  void legacyHostNegotiatesOnlyTls10WithRsaKeyExchange() throws Exception {
    try (WsmanServer server = new WsmanServer(WsmanServerConfig.https("IIS6", "u", "p")
        .withTlsProtocols(TlsIdentity.LEGACY_PROTOCOLS), new ScriptedWindows(), runtime, tls)
        .start()) {
      try (SSLSocket socket = connect(server.port(), "TLSv1", "TLSv1.2")) {
        socket.startHandshake();
        assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1");
        assertThat(socket.getSession().getCipherSuite()).startsWith("TLS_RSA_WITH_AES_");
      }
      assertThatThrownBy(() -> {
        try (SSLSocket socket = connect(server.port(), "TLSv1.2")) {
          socket.startHandshake();
        }
      }).isInstanceOf(SSLHandshakeException.class);
    }
  }

  @Test
  void modernHostNegotiatesTls12AndPresentsACertificateChainedToTheExportedCa() throws Exception {
    try (WsmanServer server = new WsmanServer(WsmanServerConfig.https("WEB01", "u", "p"),
        new ScriptedWindows(), runtime, tls).start()) {
      try (SSLSocket socket = connect(server.port(), "TLSv1", "TLSv1.2", "TLSv1.3")) {
        socket.startHandshake();
        assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
        assertThat(socket.getSession().getPeerCertificates()[0])
            .isEqualTo(tls.serverCertificate());
      }
    }
  }

  @Test
  void exportedPemIsTheCaAndCarriesNoPrivateKey() throws Exception {
    String pem = tls.caPem();
    assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").doesNotContain("PRIVATE KEY");
    var ca = CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    assertThat(ca).isEqualTo(tls.caCertificate());
    tls.serverCertificate().verify(ca.getPublicKey());
  }

  private static SSLSocket connect(int port, String... protocols) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("ca", tls.caCertificate());
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
    socket.setEnabledProtocols(protocols);
    socket.setSoTimeout(10_000);
    return socket;
  }
}
