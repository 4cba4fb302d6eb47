package io.iisfarm.operator.winrm;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throw-away CA and a server certificate for localhost / 127.0.0.1, for TLS tests. */
final class TestCertificates {
  final X509Certificate ca;
  final X509Certificate server;
  final KeyPair serverKeys;

  TestCertificates() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair caKeys = generator.generateKeyPair();
    serverKeys = generator.generateKeyPair();
    Date from = new Date(System.currentTimeMillis() - 3_600_000L);
    Date to = new Date(System.currentTimeMillis() + 86_400_000L);
    X500Name caName = new X500Name("CN=iisfarm test CA");
    X509v3CertificateBuilder caBuilder = new JcaX509v3CertificateBuilder(caName, BigInteger.ONE, from, to, caName,
        caKeys.getPublic()).addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    ca = sign(caBuilder, caKeys);
    X509v3CertificateBuilder serverBuilder = new JcaX509v3CertificateBuilder(caName, BigInteger.TWO, from, to,
        new X500Name("CN=localhost"), serverKeys.getPublic())
        .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
    server = sign(serverBuilder, caKeys);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer) throws Exception {
    return new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate())));
  }

  String caPem() throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(ca);
    }
    return out.toString();
  }

  /** Server sockets that speak only the given protocols, e.g. TLSv1 like Windows Server 2003. */
  SSLSocketFactory serverSocketFactory(String... protocols) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("server", serverKeys.getPrivate(), new char[0], new X509Certificate[] {server, ca});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, new char[0]);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, null);
    SSLSocketFactory delegate = context.getSocketFactory();
    return new SSLSocketFactory() {
      private Socket limit(Socket s) {
        if (protocols.length > 0) {
          ((SSLSocket) s).setEnabledProtocols(protocols);
        }
        return s;
      }

      @Override public String[] getDefaultCipherSuites() { return delegate.getDefaultCipherSuites(); }
      @Override public String[] getSupportedCipherSuites() { return delegate.getSupportedCipherSuites(); }
      @Override public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        return limit(delegate.createSocket(s, host, port, autoClose));
      }
      @Override public Socket createSocket(String host, int port) throws IOException {
        return limit(delegate.createSocket(host, port));
      }
      @Override public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
        return limit(delegate.createSocket(host, port, local, localPort));
      }
      @Override public Socket createSocket(InetAddress host, int port) throws IOException {
        return limit(delegate.createSocket(host, port));
      }
      @Override public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
        return limit(delegate.createSocket(host, port, local, localPort));
      }
    };
  }
}
