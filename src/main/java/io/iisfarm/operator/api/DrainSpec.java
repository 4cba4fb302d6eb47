package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;

/**
 * How a host is taken out of the load balancer before its change and put back after it verified and its
 * sites answered: webhook, then NLB, then the delay; put back in the reverse order.
 */
public class DrainSpec {
  @JsonPropertyDescription("Windows NLB on each host, driven with nlb.exe.")
  private NlbDrainSpec nlb;

  @JsonPropertyDescription("An external load balancer's controller, called over HTTPS.")
  private WebhookDrainSpec webhook;

  @Pattern(IisFarmSpec.DURATION_PATTERN)
  @JsonPropertyDescription("A fixed wait after draining, for sessions to finish, e.g. 30s.")
  private String delay;

  public NlbDrainSpec getNlb() { return nlb; }
  public void setNlb(NlbDrainSpec nlb) { this.nlb = nlb; }
  public WebhookDrainSpec getWebhook() { return webhook; }
  public void setWebhook(WebhookDrainSpec webhook) { this.webhook = webhook; }
  public String getDelay() { return delay; }
  public void setDelay(String delay) { this.delay = delay; }
}
