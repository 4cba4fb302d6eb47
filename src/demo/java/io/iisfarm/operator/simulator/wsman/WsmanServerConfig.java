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
 * @param quotas the service's limits ({@code winrm get winrm/config}), which differ between WinRM releases
 * @param otherAccounts more Basic accounts (user name to password), to have several users hold shells
 * @param policy how the service treats unencrypted traffic and filtered local accounts
 */
public record WsmanServerConfig(String machine, int port, boolean https, List<String> tlsProtocols,
    boolean basicAuth, boolean ntlmAuth, String username, String password, int maxShellsPerUser,
    boolean shellInCreateResponse, Quotas quotas, java.util.Map<String, String> otherAccounts, Policy policy) {

  /** MS-WSMV 2.2.4.42: MaxShellsPerUser defaults to 30. */
  public static final int DEFAULT_MAX_SHELLS_PER_USER = 30;

  /**
   * The service's security settings.
   *
   * @param allowUnencrypted {@code winrm/config/service AllowUnencrypted}, false by default: over plain HTTP,
   *     Basic is refused and every message must be sealed by the authentication protocol (NTLM)
   * @param filteredLocalAccount the account is a local administrator other than the built-in Administrator
   *     while LocalAccountTokenFilterPolicy is 0 (Windows' default): UAC filters its token, so the service, whose
   *     RootSDDL admits Administrators, refuses it although its password is right
   */
  public record Policy(boolean allowUnencrypted, boolean filteredLocalAccount) {
    /** Windows' defaults. */
    public static final Policy DEFAULT = new Policy(false, false);
  }

  /**
   * Limits of the WinRM service besides MaxShellsPerUser.
   *
   * @param maxConcurrentUsers users that may hold shells at once ({@code winrm/config/winrs})
   * @param maxTimeoutMs the largest OperationTimeout a request may carry ({@code winrm/config})
   * @param maxEnvelopeSizeKb the largest envelope the service sends ({@code winrm/config})
   */
  public record Quotas(int maxConcurrentUsers, long maxTimeoutMs, int maxEnvelopeSizeKb) {
    /**
     * WinRM 3.0 and later (Server 2012+): MaxConcurrentUsers 10, MaxTimeoutms 60000, MaxEnvelopeSizekb 500
     * (MS-WSMV 2.2.4.42; learn.microsoft.com/windows/win32/winrm/installation-and-configuration-for-windows-remote-management).
     */
    public static final Quotas WINRM_3 = new Quotas(10, 60_000, 500);
    /**
     * WinRM 2.0 (Server 2003 with WMF 2.0, Server 2008 R2): MaxConcurrentUsers 5, MaxTimeoutms 60000,
     * MaxEnvelopeSizekb 150 (the WinRM 2.0 notes of the same page; with MaxShellsPerUser 5).
     */
    public static final Quotas WINRM_2 = new Quotas(5, 60_000, 150);
  }

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
    quotas = quotas == null ? Quotas.WINRM_3 : quotas;
    otherAccounts = otherAccounts == null ? java.util.Map.of() : java.util.Map.copyOf(otherAccounts);
    policy = policy == null ? Policy.DEFAULT : policy;
  }

  public WsmanServerConfig(String machine, int port, boolean https, List<String> tlsProtocols, boolean basicAuth,
      boolean ntlmAuth, String username, String password, int maxShellsPerUser, boolean shellInCreateResponse) {
    this(machine, port, https, tlsProtocols, basicAuth, ntlmAuth, username, password, maxShellsPerUser,
        shellInCreateResponse, Quotas.WINRM_3, null, null);
  }

  /** HTTPS with Basic auth, TLS 1.2, Windows defaults otherwise. */
  public static WsmanServerConfig https(String machine, String username, String password) {
    return new WsmanServerConfig(machine, 0, true, TlsIdentity.MODERN_PROTOCOLS, true, false,
        username, password, DEFAULT_MAX_SHELLS_PER_USER, true);
  }

  /** Plain HTTP with Basic auth and AllowUnencrypted set (which Basic over HTTP needs), Windows defaults otherwise. */
  public static WsmanServerConfig http(String machine, String username, String password) {
    return new WsmanServerConfig(machine, 0, false, TlsIdentity.MODERN_PROTOCOLS, true, false,
        username, password, DEFAULT_MAX_SHELLS_PER_USER, true, Quotas.WINRM_3, null, new Policy(true, false));
  }

  public WsmanServerConfig withPolicy(Policy newPolicy) {
    return new WsmanServerConfig(machine, port, https, tlsProtocols, basicAuth, ntlmAuth, username, password,
        maxShellsPerUser, shellInCreateResponse, quotas, otherAccounts, newPolicy);
  }

  public WsmanServerConfig withPort(int newPort) {
    return new WsmanServerConfig(machine, newPort, https, tlsProtocols, basicAuth, ntlmAuth,
        username, password, maxShellsPerUser, shellInCreateResponse, quotas, otherAccounts, policy);
  }

  /** With one more Basic account. */
  public WsmanServerConfig withAccount(String user, String pass) {
    java.util.Map<String, String> accounts = new java.util.HashMap<>(otherAccounts);
    accounts.put(user, pass);
    return new WsmanServerConfig(machine, port, https, tlsProtocols, basicAuth, ntlmAuth, username, password,
        maxShellsPerUser, shellInCreateResponse, quotas, accounts, policy);
  }

  public WsmanServerConfig withQuotas(Quotas newQuotas) {
    return new WsmanServerConfig(machine, port, https, tlsProtocols, basicAuth, ntlmAuth, username, password,
        maxShellsPerUser, shellInCreateResponse, newQuotas, otherAccounts, policy);
  }

  public WsmanServerConfig withTlsProtocols(List<String> protocols) {
    return new WsmanServerConfig(machine, port, https, protocols, basicAuth, ntlmAuth, username,
        password, maxShellsPerUser, shellInCreateResponse, quotas, otherAccounts, policy);
  }

  public WsmanServerConfig withAuth(boolean basic, boolean ntlm) {
    return new WsmanServerConfig(machine, port, https, tlsProtocols, basic, ntlm, username,
        password, maxShellsPerUser, shellInCreateResponse, quotas, otherAccounts, policy);
  }

  public WsmanServerConfig withMaxShellsPerUser(int max) {
    return new WsmanServerConfig(machine, port, https, tlsProtocols, basicAuth, ntlmAuth, username,
        password, max, shellInCreateResponse, quotas, otherAccounts, policy);
  }

  public WsmanServerConfig withShellInCreateResponse(boolean include) {
    return new WsmanServerConfig(machine, port, https, tlsProtocols, basicAuth, ntlmAuth, username,
        password, maxShellsPerUser, include, quotas, otherAccounts, policy);
  }

  @Override
  public String toString() {
    return "WsmanServerConfig[machine=" + machine + ", port=" + port + ", https=" + https
        + ", tlsProtocols=" + tlsProtocols + ", basic=" + basicAuth + ", ntlm=" + ntlmAuth
        + ", username=" + username + ", password=****, maxShellsPerUser=" + maxShellsPerUser + ", quotas=" + quotas
        + "]";
  }
}
