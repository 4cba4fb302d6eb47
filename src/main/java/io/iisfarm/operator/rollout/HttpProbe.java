package io.iisfarm.operator.rollout;

import io.iisfarm.operator.winrm.CaBundles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.StatusLine;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.DefaultHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.NoConnectionReuseStrategy;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * One GET to a host's site, with the Host header the site's binding expects (which the JDK's HTTP clients do
 * not let a caller set) and, over https, the certificate checked against the farm's CA and the Host name, while
 * the connection goes to the host's own address. Apache HttpClient 4.5 (winrm4j's, so no library of its own): a
 * blocking request on the caller's thread, no redirects followed, no retries, no connection kept.
 */
final class HttpProbe implements AutoCloseable {
  /** What a request got: a status line, or why there was none. */
  record Answer(int status, String reason, String failure) {
    static Answer failed(String why) {
      return new Answer(0, null, why);
    }

    /** e.g. {@code 500 Internal Server Error} or {@code no answer: connection refused}. */
    String describe() {
      return failure != null ? "no answer: " + failure : status + " " + reason;
    }
  }

  private final Duration timeout;
  private final CloseableHttpClient client;

  HttpProbe(Duration timeout, String caPem) {
    this.timeout = timeout;
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager(
        RegistryBuilder.<ConnectionSocketFactory>create()
            .register("http", PlainConnectionSocketFactory.getSocketFactory())
            .register("https", new SSLConnectionSocketFactory(CaBundles.sslContext(caPem), new DefaultHostnameVerifier()))
            .build());
    // one connection per check, closed after it: sites are checked in parallel across the hosts of a step
    connections.setMaxTotal(Integer.MAX_VALUE);
    connections.setDefaultMaxPerRoute(Integer.MAX_VALUE);
    this.client = HttpClients.custom()
        .setConnectionManager(connections)
        .setConnectionReuseStrategy(NoConnectionReuseStrategy.INSTANCE)
        .setDefaultRequestConfig(RequestConfig.custom().setConnectTimeout(millis).setSocketTimeout(millis)
            .setConnectionRequestTimeout(millis).setRedirectsEnabled(false).build())
        .setUserAgent("iis-farm-operator health check")
        .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement().disableAuthCaching()
        .disableContentCompression()
        .build();
  }

  /**
   * GET {@code path} from {@code address:port} for the site bound to {@code bindingPort}, naming
   * {@code hostHeader} (null: the address); never throws for the site's faults.
   */
  Answer get(boolean https, String address, int port, int bindingPort, String hostHeader, String path) {
    String name = hostHeader == null ? address : hostHeader;
    try {
      // connect to the address, but name (SNI, certificate check) the site's host
      HttpHost target = new HttpHost(InetAddress.getByName(address), name, port, https ? "https" : "http");
      HttpGet request = new HttpGet(path);
      request.setHeader(HttpHeaders.HOST, hostHeader(name, https, bindingPort));
      request.setHeader(HttpHeaders.CONNECTION, "close");
      try (CloseableHttpResponse response = client.execute(target, request)) {
        StatusLine status = response.getStatusLine();
        return new Answer(status.getStatusCode(), status.getReasonPhrase(), null);
      }
    } catch (ConnectTimeoutException e) {
      return Answer.failed("none within " + timeout.toMillis() + " ms");
    } catch (SocketTimeoutException e) {
      return Answer.failed("read timed out");
    } catch (IOException | RuntimeException e) {
      return Answer.failed(describe(e));
    }
  }

  /** The Host header carries the port only when it is not the scheme's default (RFC 9110 7.2). */
  private static String hostHeader(String name, boolean https, int port) {
    return port == (https ? 443 : 80) ? name : name + ":" + port;
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    return message == null ? t.getClass().getSimpleName() : message;
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      // nothing held open: every connection closes with its check
    }
  }
}
