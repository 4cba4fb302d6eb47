package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * An external load balancer's controller, told by HTTPS POST to take a host out ({@code phase: drain}) and
 * put it back ({@code phase: restore}).
 */
public class WebhookDrainSpec {
  @Required
  @Pattern("^https://[^\\s]+$")
  @Size(max = 2048)
  @JsonPropertyDescription("HTTPS URL that receives {farm, namespace, host, phase, reason} as JSON; 2xx means done.")
  private String url;

  @JsonPropertyDescription("Secret with ca.crt, the PEM CA of the webhook's certificate; default: the JVM trust store.")
  private SecretRef caSecretRef;

  @JsonPropertyDescription("Secret with token, sent as Authorization: Bearer <token>.")
  private SecretRef tokenSecretRef;

  @Default("10s")
  @Pattern(IisFarmSpec.DURATION_PATTERN)
  @JsonPropertyDescription("How long one call may take.")
  private String timeout = "10s";

  @Default("3")
  @Min(0)
  @Max(10)
  @JsonPropertyDescription("Further tries after a failed call (1 s, 2 s, 4 s ... apart).")
  private Integer retries = 3;

  public String getUrl() { return url; }
  public void setUrl(String url) { this.url = url; }
  public SecretRef getCaSecretRef() { return caSecretRef; }
  public void setCaSecretRef(SecretRef caSecretRef) { this.caSecretRef = caSecretRef; }
  public SecretRef getTokenSecretRef() { return tokenSecretRef; }
  public void setTokenSecretRef(SecretRef tokenSecretRef) { this.tokenSecretRef = tokenSecretRef; }
  public String getTimeout() { return timeout; }
  public void setTimeout(String timeout) { this.timeout = timeout; }
  public Integer getRetries() { return retries; }
  public void setRetries(Integer retries) { this.retries = retries; }
}
