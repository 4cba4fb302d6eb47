package io.iisfarm.operator.simulator.wsman;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away CA and one server certificate it signs, made when a farm starts. Every simulated
 * host on loopback presents the same server certificate (subject alternative names 127.0.0.1,
 * localhost and the host names), so 2,000 hosts cost one key pair. Clients trust the CA, exported as
 * PEM; the CA's private key is never exported.
 */
public final class TlsIdentity {
  /** What Windows Server 2003 offers: TLS 1.0 only, RSA key exchange with AES (KB948963). */
  public static final List<String> LEGACY_PROTOCOLS = List.of("TLSv1");
  static final List<String> LEGACY_CIPHERS =
      List.of("TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA");
  /** What Windows Server 2016-2019 (IIS10) offers. */
  public static final List<String> MODERN_PROTOCOLS = List.of("TLSv1.2");

  private final X509Certificate ca;
  private final X509Certificate server;
  private final KeyPair serverKeys;
  private final Map<List<String>, SslContext> contexts = new ConcurrentHashMap<>();

  private TlsIdentity(X509Certificate ca, X509Certificate server, KeyPair serverKeys) {
    this.ca = ca;
    this.server = server;
    this.serverKeys = serverKeys;
  }

  /** Makes a CA and a server certificate valid for loopback and {@code hostNames}. */
  public static TlsIdentity generate(List<String> hostNames) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, new SecureRandom());
      KeyPair caKeys = generator.generateKeyPair();
      KeyPair serverKeys = generator.generateKeyPair();
      Instant now = Instant.now();
      Date notBefore = Date.from(now.minus(Duration.ofDays(1)));
      Date notAfter = Date.from(now.plus(Duration.ofDays(3650)));
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();

      X500Name caName = new X500Name("CN=IIS Farm Simulator CA, O=iisfarm.io");
      X509v3CertificateBuilder caBuilder = new JcaX509v3CertificateBuilder(caName, serial(),
          notBefore, notAfter, caName, caKeys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(Extension.keyUsage, true,
              new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(Extension.subjectKeyIdentifier, false,
              extensions.createSubjectKeyIdentifier(caKeys.getPublic()));
      X509Certificate ca = sign(caBuilder, caKeys);

      Set<GeneralName> names = new LinkedHashSet<>();
      names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
      names.add(new GeneralName(GeneralName.dNSName, "localhost"));
      for (String host : hostNames) {
        if (host != null && host.matches("[A-Za-z0-9.-]+")) {
          names.add(new GeneralName(GeneralName.dNSName, host));
        }
      }
      X509v3CertificateBuilder serverBuilder = new JcaX509v3CertificateBuilder(ca, serial(),
          notBefore, notAfter, new X500Name("CN=localhost"), serverKeys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true,
              new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
          .addExtension(Extension.extendedKeyUsage, false,
              new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
          .addExtension(Extension.subjectAlternativeName, false,
              new GeneralNames(new ArrayList<>(names).toArray(GeneralName[]::new)))
          .addExtension(Extension.authorityKeyIdentifier, false,
              extensions.createAuthorityKeyIdentifier(ca));
      X509Certificate server = sign(serverBuilder, caKeys);
      return new TlsIdentity(ca, server, serverKeys);
    } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot create the simulator's TLS certificates", e);
    }
  }

  public X509Certificate caCertificate() {
    return ca;
  }

  public X509Certificate serverCertificate() {
    return server;
  }

  /** The CA certificate in PEM, for clients to trust. */
  public String caPem() {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(ca.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encode the CA certificate", e);
    }
  }

  public Path writeCaPem(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return Files.writeString(file, caPem(), StandardCharsets.US_ASCII);
  }

  /**
   * A JDK server context presenting the farm's server certificate (TLS 1.2 and later), for other simulated
   * services on loopback, such as a load balancer controller's webhook in tests.
   */
  public SSLContext serverSslContext() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("server", serverKeys.getPrivate(), new char[0],
          new Certificate[] {server, ca});
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, new char[0]);
      SSLContext context = SSLContext.getInstance("TLSv1.2");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a server TLS context", e);
    }
  }

  /** A server context offering exactly {@code protocols}; shared by every host that offers them. */
  SslContext serverContext(List<String> protocols) {
    return contexts.computeIfAbsent(List.copyOf(protocols), this::newContext);
  }

  private SslContext newContext(List<String> protocols) {
    try {
      SslContextBuilder builder = SslContextBuilder.forServer(serverKeys.getPrivate(), server, ca)
          .sslProvider(SslProvider.JDK)
          .protocols(protocols);
      if (protocols.equals(LEGACY_PROTOCOLS)) {
        builder.ciphers(LEGACY_CIPHERS);
      }
      return builder.build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot build a TLS context for " + protocols, e);
    }
  }

  @Override
  public String toString() {
    return "TlsIdentity[ca=" + ca.getSubjectX500Principal() + "]";
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuer.getPrivate())));
  }

  private static BigInteger serial() {
    return new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE);
  }
}
