package io.iisfarm.operator.winrm;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach one host's WinRM service.
 *
 * @param connectTimeout how long a TCP (and TLS) connection may take
 * @param operationTimeout how long one WinRM request may wait for its answer; the host is told a shorter
 *     WS-Man OperationTimeout so that it answers before this client gives up
 * @param commandTimeout how long one command may run in total (a command that prints nothing for a while is
 *     polled again, as MS-WSMV requires, until this deadline)
 */
public record WinRmEndpoint(
    String host,
    int port,
    Scheme scheme,
    Auth auth,
    TlsOptions tls,
    Duration connectTimeout,
    Duration operationTimeout,
    Duration commandTimeout) {

  public enum Scheme {
    HTTPS(5986), HTTP(5985);

    private final int defaultPort;

    Scheme(int defaultPort) {
      this.defaultPort = defaultPort;
    }

    public int defaultPort() { return defaultPort; }
  }

  public enum Auth { BASIC, NTLM }

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMinutes(10);
  /**
   * {@code MaxTimeoutms}, 60000 by default on every WinRM release (WinRM 2.0 on Server 2003 and 2008 R2 included;
   * learn.microsoft.com/windows/win32/winrm/installation-and-configuration-for-windows-remote-management).
   */
  public static final Duration MAX_WSMAN_OPERATION_TIMEOUT = Duration.ofSeconds(60);

  public WinRmEndpoint {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(auth, "auth");
    tls = tls == null ? TlsOptions.DEFAULT : tls;
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1..65535, not " + port);
    }
    connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "connectTimeout");
    operationTimeout = positive(operationTimeout, DEFAULT_OPERATION_TIMEOUT, "operationTimeout");
    commandTimeout = positive(commandTimeout, DEFAULT_COMMAND_TIMEOUT, "commandTimeout");
  }

  private static Duration positive(Duration d, Duration fallback, String name) {
    if (d == null) {
      return fallback;
    }
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, not " + d);
    }
    return d;
  }

  /** HTTPS on 5986 with NTLM and full certificate verification. */
  public static Builder https(String host) {
    return new Builder(host, Scheme.HTTPS);
  }

  /** Plain HTTP on 5985 with NTLM. */
  public static Builder http(String host) {
    return new Builder(host, Scheme.HTTP);
  }

  public boolean isHttps() { return scheme == Scheme.HTTPS; }

  /** The WS-Management URL, e.g. {@code https://web1:5986/wsman}. */
  public String url() {
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return (isHttps() ? "https" : "http") + "://" + h + ":" + port + "/wsman";
  }

  /** {@code host:port}, as used in messages and metrics. */
  public String label() {
    return host + ":" + port;
  }

  /**
   * The WS-Man OperationTimeout sent to the host: shorter than {@link #operationTimeout()}, and never above
   * {@link #MAX_WSMAN_OPERATION_TIMEOUT}, the hosts' default {@code MaxTimeoutms}: a longer one is refused with a
   * fault. A command that prints nothing for longer is polled again until the command timeout.
   */
  public Duration wsmanOperationTimeout() {
    Duration margin = operationTimeout.dividedBy(4);
    if (margin.compareTo(Duration.ofSeconds(5)) > 0) {
      margin = Duration.ofSeconds(5);
    }
    Duration timeout = operationTimeout.minus(margin);
    return timeout.compareTo(MAX_WSMAN_OPERATION_TIMEOUT) > 0 ? MAX_WSMAN_OPERATION_TIMEOUT : timeout;
  }

  public WinRmEndpoint withTls(TlsOptions options) {
    return new WinRmEndpoint(host, port, scheme, auth, options, connectTimeout, operationTimeout, commandTimeout);
  }

  public static final class Builder {
    private final String host;
    private final Scheme scheme;
    private Integer port;
    private Auth auth = Auth.NTLM;
    private TlsOptions tls = TlsOptions.DEFAULT;
    private Duration connectTimeout;
    private Duration operationTimeout;
    private Duration commandTimeout;

    private Builder(String host, Scheme scheme) {
      this.host = host;
      this.scheme = scheme;
    }

    public Builder port(int port) { this.port = port; return this; }
    public Builder auth(Auth auth) { this.auth = auth; return this; }
    public Builder tls(TlsOptions tls) { this.tls = tls; return this; }
    public Builder connectTimeout(Duration d) { this.connectTimeout = d; return this; }
    public Builder operationTimeout(Duration d) { this.operationTimeout = d; return this; }
    public Builder commandTimeout(Duration d) { this.commandTimeout = d; return this; }

    public WinRmEndpoint build() {
      return new WinRmEndpoint(host, port == null ? scheme.defaultPort() : port, scheme, auth, tls,
          connectTimeout, operationTimeout, commandTimeout);
    }
  }
}
