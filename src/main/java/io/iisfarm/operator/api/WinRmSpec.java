package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** How the operator reaches the hosts over WinRM. */
public class WinRmSpec {
  @Default("https")
  @JsonPropertyDescription("https (default, port 5986) or http (port 5985).")
  private Transport transport = Transport.HTTPS;

  @Min(1)
  @Max(65535)
  @JsonPropertyDescription("WinRM port; default 5986 for https and 5985 for http. A host address may name its own.")
  private Integer port;

  @Default("ntlm")
  @JsonPropertyDescription("ntlm (default) or basic. Basic sends the password with every request: use it over https only.")
  private AuthScheme auth = AuthScheme.NTLM;

  @Required
  @JsonPropertyDescription("Secret with keys username and password (username may be DOMAIN\\\\user).")
  private SecretRef credentialsSecretRef;

  @JsonPropertyDescription("Secret with key ca.crt: the PEM CA that signed the hosts' WinRM certificates. Default: the JVM trust store.")
  private SecretRef caSecretRef;

  @Default("false")
  @JsonPropertyDescription("Skip TLS certificate verification. For tests only.")
  private Boolean insecureSkipTlsVerify = false;

  @Default("false")
  @JsonPropertyDescription("Allow reading and writing machine.config (key material) over plain http.")
  private Boolean allowKeyTransferOverHttp = false;

  @Default("false")
  @JsonPropertyDescription("Allow TLS 1.0 for Windows Server 2003 hosts; the JVM must also permit it (see README).")
  private Boolean allowLegacyTls = false;

  @Default("10s")
  @Pattern(IisFarmSpec.DURATION_PATTERN)
  @JsonPropertyDescription("How long to wait for a TCP and TLS connection to a host.")
  private String connectTimeout = "10s";

  @Default("60s")
  @Pattern(IisFarmSpec.DURATION_PATTERN)
  @JsonPropertyDescription("How long one WinRM request (one command's output) may take before the host counts as timed out.")
  private String operationTimeout = "60s";

  public Transport getTransport() { return transport; }
  public void setTransport(Transport transport) { this.transport = transport; }
  public Integer getPort() { return port; }
  public void setPort(Integer port) { this.port = port; }
  public AuthScheme getAuth() { return auth; }
  public void setAuth(AuthScheme auth) { this.auth = auth; }
  public SecretRef getCredentialsSecretRef() { return credentialsSecretRef; }
  public void setCredentialsSecretRef(SecretRef ref) { this.credentialsSecretRef = ref; }
  public SecretRef getCaSecretRef() { return caSecretRef; }
  public void setCaSecretRef(SecretRef caSecretRef) { this.caSecretRef = caSecretRef; }
  public Boolean getInsecureSkipTlsVerify() { return insecureSkipTlsVerify; }
  public void setInsecureSkipTlsVerify(Boolean v) { this.insecureSkipTlsVerify = v; }
  public Boolean getAllowKeyTransferOverHttp() { return allowKeyTransferOverHttp; }
  public void setAllowKeyTransferOverHttp(Boolean v) { this.allowKeyTransferOverHttp = v; }
  public Boolean getAllowLegacyTls() { return allowLegacyTls; }
  public void setAllowLegacyTls(Boolean allowLegacyTls) { this.allowLegacyTls = allowLegacyTls; }
  public String getConnectTimeout() { return connectTimeout; }
  public void setConnectTimeout(String connectTimeout) { this.connectTimeout = connectTimeout; }
  public String getOperationTimeout() { return operationTimeout; }
  public void setOperationTimeout(String operationTimeout) { this.operationTimeout = operationTimeout; }
}
