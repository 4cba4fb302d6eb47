package io.iisfarm.operator.simulator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Locale;

/**
 * The {@code winrm:} key of a farm-file host: how its listener is set up. Absent fields take
 * Windows' defaults; {@link #toString()} never shows the password.
 *
 * @param transport {@code https} (default) or {@code http}
 * @param port the port, 0 or absent to pick a free one
 * @param auth the accepted schemes: {@code basic} and/or {@code ntlm}; default {@code ntlm} alone, as the WinRM
 *     service ships (Basic off, Negotiate on)
 * @param username default {@code Administrator}
 * @param password default: a random one, made when the farm starts
 * @param maxShellsPerUser default 30 (MS-WSMV 2.2.4.42); 0 means unlimited
 * @param tlsProtocols default TLS 1.0 alone on Windows Server 2003, TLS 1.2 otherwise
 * @param maxConcurrentUsers default 5 on WinRM 2.0 (Server 2003, 2008 R2), 10 later
 * @param maxTimeoutms default 60000
 * @param maxEnvelopeSizekb default 150 on WinRM 2.0, 500 later
 * @param otherAccounts more Basic accounts, user name to password (to have several users hold shells)
 * @param allowUnencrypted {@code AllowUnencrypted}, default false as on Windows: over HTTP Basic is refused
 *     and every message must be sealed (NTLM)
 * @param filteredLocalAccount the account is a local administrator other than the built-in Administrator and
 *     LocalAccountTokenFilterPolicy is 0: refused although its password is right; default false
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record WinRmSettings(String transport, Integer port, List<String> auth, String username,
    String password, Integer maxShellsPerUser, List<String> tlsProtocols, Integer maxConcurrentUsers,
    Long maxTimeoutms, Integer maxEnvelopeSizekb, java.util.Map<String, String> otherAccounts,
    Boolean allowUnencrypted, Boolean filteredLocalAccount) {

  public static final WinRmSettings DEFAULTS =
      new WinRmSettings(null, null, null, null, null, null, null, null, null, null, null, null, null);

  public boolean https() {
    String t = transport == null ? "https" : transport.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "https" -> true;
      case "http" -> false;
      default -> throw new IllegalArgumentException("winrm.transport must be https or http: "
          + transport);
    };
  }

  public int portOrZero() {
    return port == null ? 0 : port;
  }

  public boolean basic() {
    return schemes().contains("basic");
  }

  public boolean ntlm() {
    return schemes().contains("ntlm");
  }

  private List<String> schemes() {
    List<String> schemes = auth == null || auth.isEmpty() ? List.of("ntlm")
        : auth.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
    for (String s : schemes) {
      if (!s.equals("basic") && !s.equals("ntlm")) {
        throw new IllegalArgumentException("winrm.auth accepts basic and ntlm, not " + s);
      }
    }
    return schemes;
  }

  @Override
  public String toString() {
    return "WinRmSettings[transport=" + transport + ", port=" + port + ", auth=" + auth
        + ", username=" + username + ", password=" + (password == null ? null : "****")
        + ", maxShellsPerUser=" + maxShellsPerUser + ", tlsProtocols=" + tlsProtocols
        + ", maxConcurrentUsers=" + maxConcurrentUsers + ", maxTimeoutms=" + maxTimeoutms + ", maxEnvelopeSizekb="
        + maxEnvelopeSizekb + ", otherAccounts=" + (otherAccounts == null ? null : otherAccounts.keySet())
        + ", allowUnencrypted=" + allowUnencrypted + ", filteredLocalAccount=" + filteredLocalAccount + "]";
  }
}
