package io.iisfarm.operator.winrm;

import java.util.Objects;

/**
 * A WinRM user and password. {@code DOMAIN\\user} is split for NTLM; {@code user@domain} is kept whole.
 * {@code toString()} never shows the password.
 */
public final class WinRmCredentials {
  private final String domain;
  private final String user;
  private final String password;

  private WinRmCredentials(String domain, String user, String password) {
    this.domain = domain;
    this.user = user;
    this.password = password;
  }

  public static WinRmCredentials of(String username, String password) {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    if (username.isBlank()) {
      throw new IllegalArgumentException("username must not be blank");
    }
    int slash = username.indexOf('\\');
    if (slash > 0) {
      return new WinRmCredentials(username.substring(0, slash), username.substring(slash + 1), password);
    }
    return new WinRmCredentials(null, username, password);
  }

  /** The NTLM domain, or null. */
  public String domain() { return domain; }

  /** The user without its domain. */
  public String user() { return user; }

  /** The user as typed, e.g. {@code CORP\\deploy}. */
  public String username() {
    return domain == null ? user : domain + "\\" + user;
  }

  /** The password, for the transport only. Never log it. */
  public String revealPassword() { return password; }

  @Override
  public boolean equals(Object o) {
    return o instanceof WinRmCredentials c && Objects.equals(domain, c.domain) && user.equals(c.user)
        && password.equals(c.password);
  }

  @Override
  public int hashCode() { return Objects.hash(domain, user); }

  @Override
  public String toString() {
    return "WinRmCredentials[user=" + username() + ", password=<redacted>]";
  }
}
