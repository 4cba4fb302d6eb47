package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** One IIS host of the farm. */
public class HostSpec {
  @Required
  @Pattern("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")
  // maxLength (here and on address) bounds the API server's cost estimate of spec.hosts' uniqueness rules
  @Size(max = 63)
  @JsonPropertyDescription("Short name used in status and events (lower-case DNS label).")
  private String name;

  @Required
  @Pattern("^([A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?)*"
      + "|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?$")
  @Size(max = 261)
  @JsonPropertyDescription("host or host:port; no scheme.")
  private String address;

  @JsonPropertyDescription("Secret with this host's own WinRM username and password; default: spec.winrm.credentialsSecretRef.")
  private SecretRef credentialsSecretRef;

  @JsonPropertyDescription("Where health checks reach this host's sites; default: the host part of address, binding ports.")
  private HostHttpSpec http;

  public HostSpec() {}

  public HostSpec(String name, String address) {
    this.name = name;
    this.address = address;
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getAddress() { return address; }
  public void setAddress(String address) { this.address = address; }
  public SecretRef getCredentialsSecretRef() { return credentialsSecretRef; }
  public void setCredentialsSecretRef(SecretRef ref) { this.credentialsSecretRef = ref; }
  public HostHttpSpec getHttp() { return http; }
  public void setHttp(HostHttpSpec http) { this.http = http; }
}
