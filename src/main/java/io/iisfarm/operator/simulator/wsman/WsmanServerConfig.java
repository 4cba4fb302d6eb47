package io.iisfarm.operator.simulator.wsman;

import java.util.List;
import java.util.Objects;

/**
 * How one simulated host's WinRM listener is set up. {@link #toString()} never shows the password.
 *
 * @param machine the host name Windows puts in a fault's {@code Machine} attribute
 * @param port the port to listen on, 0 to pick a free one
 * @param https HTTPS (5986-style listener) or plain HTTP (5985-style)
 * @param tlsProtocols the TLS versions offered over HTTPS
 * @param basicAuth whether Basic is accepted
 * @param ntlmAuth whether NTLM (as Negotiate) is accepted; only over HTTPS
 * @param maxShellsPerUser {@code winrm/config/winrs/MaxShellsPerUser}; 0 means unlimited
 * @param shellInCreateResponse whether the Create response carries {@code rsp:Shell}, as Windows
 *     Server 2012 and later send it
 */
public record WsmanServerConfig(String machine, int port, boolean https, List<String> tlsProtocols,
    boolean basicAuth, boolean ntlmAuth, String username, String password, int maxShellsPerUser,
    boolean shellInCreateResponse) {

  /** MS-WSMV 2.2.4.42: MaxShellsPerUser defaults to 30. */
  public static final int DEFAULT_MAX_SHELLS_PER_USER = 30;

  public WsmanServerConfig {
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    tlsProtocols = List.copyOf(tlsProtocols == null ? TlsIdentity.MODERN_PROTOCOLS : tlsProtocols);
    if (!basicAuth && !ntlmAuth) {
      throw new IllegalArgumentException("a WinRM listener needs at least one auth scheme");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (maxShellsPerUser < 0) {
      throw new IllegalArgumentException("maxShellsPerUser must not be negative");
    }
  }

  /** HTTPS with Basic auth, TLS 1.2, Windows defaults otherwise. */
  public static WsmanServerConfig https(String machine, String username, String password) {
    return new WsmanServerConfig(machine, 0, true, TlsIdentity.MODERN_PROTOCOLS, true, false,
        username, password, DEFAULT_MAX_SHELLS_PER_USER, true);
  }

  /** Plain HTTP with Basic auth (AllowUnencrypted), Windows defaults otherwise. */
  public static WsmanServerConfig http(String machine, String username, String password) {
    return new WsmanServerConfig(machine, 0, false, TlsIdentity.MODERN_PROTOCOLS, true, false,
        username, password, DEFAULT_MAX_SHELLS_PER_USER, true);
  }

  public WsmanServerConfig withPort(int newPort) {
    return new WsmanServerConfig(machine, newPort, https, tlsProtocols, basicAuth, ntlmAuth,
        username, password, maxShellsPerUser, shellInCreateResponse);
  }

  public WsmanServerConfig withTlsProtocols(List<String> protocols) {
    return new WsmanServerConfig(machine, port, https, protocols, basicAuth, ntlmAuth, username,
        password, maxShellsPerUser, shellInCreateResponse);
  }

  public WsmanServerConfig withAuth(boolean basic, boolean ntlm) {
    return new WsmanServerConfig(machine, port, https, tlsProtocols, basic, ntlm, username,
        password, maxShellsPerUser, shellInCreateResponse);
  }

  public WsmanServerConfig withMaxShellsPerUser(int max) {
    return new WsmanServerConfig(machine, port, https, tlsProtocols, basicAuth, ntlmAuth, username,
        password, max, shellInCreateResponse);
  }

  public WsmanServerConfig withShellInCreateResponse(boolean include) {
    return new WsmanServerConfig(machine, port, https, tlsProtocols, basicAuth, ntlmAuth, username,
        password, maxShellsPerUser, include);
  }

  @Override
  public String toString() {
    return "WsmanServerConfig[machine=" + machine + ", port=" + port + ", https=" + https
        + ", tlsProtocols=" + tlsProtocols + ", basic=" + basicAuth + ", ntlm=" + ntlmAuth
        + ", username=" + username + ", password=****, maxShellsPerUser=" + maxShellsPerUser + "]";
  }
}
