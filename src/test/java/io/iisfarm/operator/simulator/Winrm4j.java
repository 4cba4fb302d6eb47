package io.iisfarm.operator.simulator;

import io.cloudsoft.winrm4j.client.PayloadEncryptionMode;
import io.cloudsoft.winrm4j.client.ShellCommand;
import io.cloudsoft.winrm4j.client.WinRmClient;
import io.cloudsoft.winrm4j.client.WinRmClientContext;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.TrustManagerFactory;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.transport.http.HTTPConduitConfigurer;
import org.apache.cxf.transport.http.asyncclient.AsyncHTTPConduit;
import org.apache.cxf.transport.http.asyncclient.AsyncHTTPConduitFactory;
import org.apache.cxf.transport.http.asyncclient.AsyncHTTPConduitFactory.UseAsyncPolicy;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.apache.http.client.config.AuthSchemes;

/**
 * A winrm4j client set up the way the operator must set it up: one {@link WinRmClient} with one
 * shell reused for many commands, Basic auth over HTTPS trusting only the exported CA, and the
 * timeouts enforced through a CXF Bus (winrm4j ignores the builder's timeouts with Basic).
 */
public final class Winrm4j implements AutoCloseable {
  private final Bus bus;
  private final WinRmClientContext context;
  private final WinRmClient client;
  private final ShellCommand shell;

  /** What one command printed and returned. */
  public record Output(int exitCode, String stdout, String stderr) {}

  private Winrm4j(URI endpoint, String username, String password, String caPem,
      String tlsProtocol, Duration timeout) throws Exception {
    this(endpoint, username, password, caPem, tlsProtocol, timeout, AuthSchemes.BASIC);
  }

  private Winrm4j(URI endpoint, String username, String password, String caPem,
      String tlsProtocol, Duration timeout, String authScheme) throws Exception {
    bus = BusFactory.newInstance().createBus();
    // as WinRmClientContext.newInstance() does: force the Apache HttpComponents (async) conduit
    bus.getProperties().put(AsyncHTTPConduit.USE_ASYNC, Boolean.TRUE);
    bus.getProperties().put(AsyncHTTPConduitFactory.USE_POLICY, UseAsyncPolicy.ALWAYS);
    TLSClientParameters tls = new TLSClientParameters();
    if (caPem != null) {
      tls.setTrustManagers(trusting(caPem));
    }
    if (tlsProtocol != null) {
      tls.setSecureSocketProtocol(tlsProtocol);
    }
    HTTPConduitConfigurer configurer = (name, address, conduit) -> {
      conduit.setTlsClientParameters(tls);
      HTTPClientPolicy policy = new HTTPClientPolicy();
      policy.setConnectionTimeout(timeout.toMillis());
      policy.setReceiveTimeout(timeout.toMillis());
      policy.setAllowChunking(false);
      conduit.setClient(policy);
    };
    bus.setExtension(configurer, HTTPConduitConfigurer.class);
    context = WinRmClientContext.newInstance(bus);
    client = WinRmClient.builder(endpoint.toURL())
        .authenticationScheme(authScheme)
        // over HTTPS TLS protects the payload; NTLM sealing is not used
        .payloadEncryptionMode(PayloadEncryptionMode.OFF)
        .credentials(username, password)
        .context(context)
        .operationTimeout(timeout.toMillis())
        .retriesForConnectionFailures(1)
        .build();
    shell = client.createShell();
  }

  public static Winrm4j connect(URI endpoint, String username, String password, String caPem,
      Duration timeout) throws Exception {
    return new Winrm4j(endpoint, username, password, caPem, null, timeout);
  }

  /** NTLM (sent as Negotiate) over HTTPS, without payload encryption. */
  public static Winrm4j connectNtlm(URI endpoint, String username, String password, String caPem,
      Duration timeout) throws Exception {
    return new Winrm4j(endpoint, username, password, caPem, null, timeout, AuthSchemes.NTLM);
  }

  /** For Windows Server 2003 hosts: TLS 1.0 only. */
  public static Winrm4j connectLegacyTls(URI endpoint, String username, String password,
      String caPem, Duration timeout) throws Exception {
    return new Winrm4j(endpoint, username, password, caPem, "TLSv1", timeout);
  }

  public Output run(String commandLine) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = shell.execute(commandLine, out, err);
    return new Output(exitCode, out.toString(), err.toString());
  }

  @Override
  public void close() {
    try {
      shell.close();
    } catch (RuntimeException ignored) {
      // the host may be gone; the client is closed below regardless
    }
    client.close();
    context.shutdown();
    bus.shutdown(true);
  }

  private static javax.net.ssl.TrustManager[] trusting(String caPem) throws Exception {
    X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)));
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    store.setCertificateEntry("simulator-ca", ca);
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory.getTrustManagers();
  }
}
