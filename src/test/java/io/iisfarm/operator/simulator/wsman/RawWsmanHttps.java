package io.iisfarm.operator.simulator.wsman;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** One Basic-authenticated Create over HTTPS, trusting the simulator's CA. */
final class RawWsmanHttps {
  record Reply(int status, List<String> wwwAuthenticate) {}

  private RawWsmanHttps() {}

  static Reply post(WsmanServer server, TlsIdentity tls, String user, String password)
      throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("ca", tls.caCertificate());
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    HttpsURLConnection c = (HttpsURLConnection) server.endpoint().toURL().openConnection();
    c.setSSLSocketFactory(context.getSocketFactory());
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setRequestProperty("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    byte[] body = RawWsman.create(437).getBytes(StandardCharsets.UTF_8);
    c.setFixedLengthStreamingMode(body.length);
    try (OutputStream out = c.getOutputStream()) {
      out.write(body);
    }
    int status = c.getResponseCode();
    List<String> auth = c.getHeaderFields().getOrDefault("WWW-Authenticate", List.of());
    c.disconnect();
    return new Reply(status, auth);
  }
}
