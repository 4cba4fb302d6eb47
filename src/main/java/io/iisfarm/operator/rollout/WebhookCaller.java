package io.iisfarm.operator.rollout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iisfarm.operator.winrm.CaBundles;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells an external load balancer's controller to take a host out or put it back: an HTTPS POST of
 * {@code {farm, namespace, host, address, phase, reason}} as JSON, the certificate verified against the CA given
 * (or the JVM's trust store), an optional bearer token, a timeout per call and retries 1 s, 2 s, 4 s ... apart
 * (at most 30 s). Any 2xx answer is success; redirects are not followed. The token is never in a message.
 */
final class WebhookCaller {
  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DrainSettings.Webhook settings;
  private final HttpClient client;

  WebhookCaller(DrainSettings.Webhook settings) {
    this.settings = settings;
    this.client = HttpClient.newBuilder()
        .sslContext(CaBundles.sslContext(settings.caPem()))
        .connectTimeout(settings.timeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * @param phase {@code drain} or {@code restore}
   * @throws IllegalStateException after the last try failed, saying what the webhook answered
   */
  void call(String host, String address, String phase, String reason) {
    byte[] body = body(host, address, phase, reason);
    String last = "not called";
    int tries = settings.retries() + 1;
    for (int attempt = 0; attempt < tries; attempt++) {
      if (attempt > 0) {
        sleep(backoff(attempt));
      }
      try {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
            .timeout(settings.timeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (settings.token() != null) {
          request.header("Authorization", "Bearer " + settings.token().reveal());
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 == 2) {
          return;
        }
        last = "answered HTTP " + response.statusCode() + excerpt(response.body());
      } catch (HttpTimeoutException e) {
        last = "no answer within " + settings.timeout().toMillis() + " ms";
      } catch (IOException e) {
        last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while calling the " + phase + " webhook", e);
      }
    }
    throw new IllegalStateException("webhook POST " + settings.url() + " (phase " + phase + ") failed "
        + (tries == 1 ? "once" : tries + " times") + "; last: " + last);
  }

  static Duration backoff(int attempt) {
    Duration d = Duration.ofSeconds(1L << Math.min(attempt - 1, 5));
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }

  private byte[] body(String host, String address, String phase, String reason) {
    Map<String, String> doc = new LinkedHashMap<>();
    doc.put("farm", settings.farm());
    doc.put("namespace", settings.namespace());
    doc.put("host", host);
    doc.put("address", address);
    doc.put("phase", phase);
    doc.put("reason", reason);
    try {
      return JSON.writeValueAsString(doc).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings always serialises", e);
    }
  }

  private static String excerpt(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String line = body.strip().lines().findFirst().orElse("");
    return ": " + (line.length() > 120 ? line.substring(0, 117) + "..." : line);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to call the webhook again", e);
    }
  }
}
