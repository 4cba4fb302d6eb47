package io.iisfarm.operator.winrm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * After a 401, asks the host once, without credentials, which authentication schemes it offers (the
 * {@code WWW-Authenticate} headers of its 401): a host that does not offer the scheme used has it switched off,
 * which calls for another fix than a wrong password. Never throws; empty when the host could not be asked.
 */
final class AuthProbe {
  private AuthProbe() {}

  /** The schemes offered, e.g. {@code [Negotiate, Basic]}, or empty when unknown. */
  static Optional<List<String>> offeredSchemes(WinRmEndpoint endpoint) {
    if (endpoint.isHttps() && endpoint.tls().insecureSkipTlsVerify()) {
      return Optional.empty();
    }
    try {
      HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(endpoint.connectTimeout());
      if (endpoint.isHttps()) {
        SSLContext context = TlsContexts.create(endpoint.tls());
        builder.sslContext(context);
      }
      HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url()))
          .timeout(endpoint.connectTimeout())
          .header("Content-Type", "application/soap+xml;charset=UTF-8")
          .POST(HttpRequest.BodyPublishers.noBody()).build();
      HttpResponse<Void> response = builder.build().send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() != 401) {
        return Optional.empty();
      }
      return Optional.of(response.headers().allValues("WWW-Authenticate").stream()
          .map(v -> v.strip().split("\\s+", 2)[0]).toList());
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return Optional.empty();
    }
  }

  static boolean offers(List<String> schemes, WinRmEndpoint.Auth auth) {
    return schemes.stream().map(s -> s.toLowerCase(Locale.ROOT)).anyMatch(s -> auth == WinRmEndpoint.Auth.BASIC
        ? s.equals("basic") : s.equals("negotiate") || s.equals("ntlm"));
  }
}
