package io.iisfarm.operator.simulator.wsman;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Authentication of one connection: Basic per request, NTLM (as Negotiate) per connection, as
 * HTTP.sys does it for WinRM. Confined to the connection's I/O loop.
 */
final class ConnectionAuth {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What a request's credentials lead to. */
  sealed interface Outcome permits Authenticated, Challenge, Rejected {}

  /** Go ahead as {@code user} (lower-cased). */
  record Authenticated(String user) implements Outcome {}

  /** Answer 401 with this {@code WWW-Authenticate} value (an NTLM challenge). */
  record Challenge(String wwwAuthenticate) implements Outcome {}

  /** Answer 401 listing the schemes offered. */
  record Rejected() implements Outcome {}

  private final WsmanServerConfig config;
  /** NTLM state: the user this connection authenticated, or the challenge outstanding. */
  private String ntlmUser;
  private byte[] ntlmChallenge;
  /** The NTLM session security of this connection, when the client asked to seal. */
  private NtlmSealing sealing;

  ConnectionAuth(WsmanServerConfig config) {
    this.config = config;
  }

  /** The {@code WWW-Authenticate} values of a 401: only the schemes this listener accepts. */
  List<String> offeredSchemes() {
    List<String> schemes = new ArrayList<>();
    if (config.ntlmAuth()) {
      schemes.add("Negotiate");
    }
    if (basicAllowed()) {
      schemes.add("Basic realm=\"WSMAN\"");
    }
    return schemes;
  }

  /**
   * Basic is accepted when the listener allows it and, over plain HTTP, only with AllowUnencrypted: Windows
   * refuses to take a password in the clear otherwise (learn.microsoft.com/windows/win32/winrm/
   * installation-and-configuration-for-windows-remote-management, "AllowUnencrypted").
   */
  private boolean basicAllowed() {
    return config.basicAuth() && (config.https() || config.policy().allowUnencrypted());
  }

  /** The session security the last NTLM logon of this connection set up, or null. */
  NtlmSealing sealing() {
    return sealing;
  }

  Outcome authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return ntlmUser != null ? new Authenticated(ntlmUser) : new Rejected();
    }
    int space = authorization.indexOf(' ');
    String scheme = space < 0 ? authorization.trim() : authorization.substring(0, space);
    byte[] token;
    try {
      token = Base64.getDecoder().decode(space < 0 ? "" : authorization.substring(space + 1).trim());
    } catch (IllegalArgumentException e) {
      return new Rejected();
    }
    if (scheme.equalsIgnoreCase("Basic") && basicAllowed()) {
      return basic(token).filter(user -> !config.policy().filteredLocalAccount())
          .<Outcome>map(Authenticated::new).orElseGet(Rejected::new);
    }
    if ((scheme.equalsIgnoreCase("Negotiate") || scheme.equalsIgnoreCase("NTLM"))
        && config.ntlmAuth()) {
      return ntlm(scheme, token);
    }
    return new Rejected();
  }

  private Outcome ntlm(String scheme, byte[] token) {
    int type = Ntlm.messageType(token);
    if (type == Ntlm.NEGOTIATE) {
      ntlmUser = null;
      sealing = null;
      ntlmChallenge = new byte[8];
      RANDOM.nextBytes(ntlmChallenge);
      byte[] challenge = Ntlm.challenge(token, ntlmChallenge, config.machine());
      return new Challenge(scheme + " " + Base64.getEncoder().encodeToString(challenge));
    }
    if (type == Ntlm.AUTHENTICATE && ntlmChallenge != null) {
      Optional<Ntlm.Logon> logon = Ntlm.logon(token, ntlmChallenge, config.username(), config.password());
      ntlmChallenge = null;
      ntlmUser = logon.map(Ntlm.Logon::user).orElse(null);
      sealing = logon.filter(Ntlm.Logon::sealing).map(NtlmSealing::new).orElse(null);
      if (logon.isPresent() && config.policy().filteredLocalAccount()) {
        // the password is right, but UAC filters the local account's token: WinRM refuses it
        ntlmUser = null;
        sealing = null;
        return new Rejected();
      }
      return logon.<Outcome>map(l -> new Authenticated(l.user())).orElseGet(Rejected::new);
    }
    return new Rejected();
  }

  private Optional<String> basic(byte[] token) {
    String decoded = new String(token, StandardCharsets.UTF_8);
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    String user = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    // Windows account names are case-insensitive; passwords are not
    boolean ok = matches(user, password, config.username(), config.password())
        || config.otherAccounts().entrySet().stream().anyMatch(a -> matches(user, password, a.getKey(), a.getValue()));
    return ok ? Optional.of(user.toLowerCase(Locale.ROOT)) : Optional.empty();
  }

  private static boolean matches(String user, String password, String knownUser, String knownPassword) {
    return user.equalsIgnoreCase(knownUser) && MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
        knownPassword.getBytes(StandardCharsets.UTF_8));
  }
}
