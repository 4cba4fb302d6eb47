package io.iisfarm.operator.secrets;

import io.iisfarm.operator.winrm.WinRmCredentials;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Map;

/** WinRM credentials (keys {@code username}, {@code password}) and the hosts' CA (key {@code ca.crt}). */
public final class WinRmSecrets {
  public static final String USERNAME = "username";
  public static final String PASSWORD = "password";
  public static final String CA_CERT = "ca.crt";

  private WinRmSecrets() {}

  public static WinRmCredentials credentials(String namespace, String secretName, Map<String, String> data) {
    String username = data.get(USERNAME);
    String password = data.get(PASSWORD);
    if (username == null || username.isBlank() || password == null || password.isEmpty()) {
      throw SecretProblemException.invalid(namespace, secretName, "WinRM credentials need keys " + USERNAME
          + " and " + PASSWORD + " (missing: " + missing(username, password) + ")");
    }
    return WinRmCredentials.of(username.strip(), password);
  }

  /** The PEM text, checked to hold at least one X.509 certificate. */
  public static String caPem(String namespace, String secretName, Map<String, String> data) {
    String pem = data.get(CA_CERT);
    if (pem == null || pem.isBlank()) {
      throw SecretProblemException.invalid(namespace, secretName, "key " + CA_CERT + " is missing: put the PEM CA"
          + " certificate that signed the hosts' WinRM certificates there");
    }
    try {
      if (CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).isEmpty()) {
        throw new CertificateException("no certificate");
      }
    } catch (CertificateException e) {
      throw SecretProblemException.invalid(namespace, secretName, "key " + CA_CERT
          + " holds no PEM X.509 certificate");
    }
    return pem;
  }

  private static String missing(String username, String password) {
    if ((username == null || username.isBlank()) && (password == null || password.isEmpty())) {
      return USERNAME + ", " + PASSWORD;
    }
    return username == null || username.isBlank() ? USERNAME : PASSWORD;
  }
}
