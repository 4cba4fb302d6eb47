package io.iisfarm.operator.winrm;

/**
 * How a WinRM HTTPS connection verifies the host.
 *
 * @param caPem PEM CA certificates that signed the hosts' WinRM certificates; null means the JVM trust store
 * @param insecureSkipTlsVerify accept any certificate and host name (tests only)
 * @param allowLegacyTls also offer TLS 1.0 and 1.1 (Windows Server 2003 speaks only TLS 1.0); the JVM must
 *     permit them too, see {@link LegacyTls}
 */
public record TlsOptions(String caPem, boolean insecureSkipTlsVerify, boolean allowLegacyTls) {

  /** The JVM trust store, full verification, TLS 1.2 and later. */
  public static final TlsOptions DEFAULT = new TlsOptions(null, false, false);

  public TlsOptions withCaPem(String pem) {
    return new TlsOptions(pem, insecureSkipTlsVerify, allowLegacyTls);
  }

  public TlsOptions withInsecureSkipTlsVerify(boolean insecure) {
    return new TlsOptions(caPem, insecure, allowLegacyTls);
  }

  public TlsOptions withAllowLegacyTls(boolean legacy) {
    return new TlsOptions(caPem, insecureSkipTlsVerify, legacy);
  }

  @Override
  public String toString() {
    return "TlsOptions[ca=" + (caPem == null ? "jvm-truststore" : "pem") + ", insecureSkipTlsVerify="
        + insecureSkipTlsVerify + ", allowLegacyTls=" + allowLegacyTls + "]";
  }
}
