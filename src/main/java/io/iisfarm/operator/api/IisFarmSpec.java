package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The desired farm: which hosts, which site IDs, which machineKey, and how to roll changes out.
 *
 * <p>Hosts and sites are list maps keyed by name: the API server rejects a duplicate name without any rule
 * cost, and server-side apply merges entries by name.
 */
@ValidationRule(
    value = "!has(self.machineKey) || !has(self.machineKey.adoptFrom)"
        + " || self.hosts.exists(h, h.name == self.machineKey.adoptFrom)",
    message = "machineKey.adoptFrom must name one of spec.hosts")
public class IisFarmSpec {
  /** Kubernetes-style duration: one or more number+unit pairs, e.g. 30s, 5m, 1h30m. */
  public static final String DURATION_PATTERN = "^([0-9]+(ms|s|m|h))+$";

  @Default("Enforce")
  @JsonPropertyDescription("Enforce changes hosts to match the spec; Audit only reports what it would change.")
  private Mode mode = Mode.ENFORCE;

  @Default("false")
  @JsonPropertyDescription("true: observe and report, change nothing on any host.")
  private Boolean suspend = false;

  @Default("60s")
  @Pattern(DURATION_PATTERN)
  @JsonPropertyDescription("How often hosts are re-read to catch drift, e.g. 30s, 5m, 1h30m.")
  private String resyncInterval = "60s";

  @JsonPropertyDescription("How changes roll out across hosts.")
  private RolloutSpec rollout = new RolloutSpec();

  @Required
  @JsonPropertyDescription("How to reach the hosts over WinRM.")
  private WinRmSpec winrm;

  @Required
  @Size(min = 1, max = 200)
  @ListMapKeys("name")
  @ValidationRule(value = "self.all(h, self.exists_one(o, o.address == h.address))",
      message = "host addresses must be unique")
  @JsonPropertyDescription("The IIS hosts of the farm.")
  private List<HostSpec> hosts = new ArrayList<>();

  // names differing only in case (IIS's duplicates) are the operator's InvalidSpec: on Kubernetes 1.26 any rule
  // with lowerAscii() is costed as unbounded and the whole CRD refused
  @Size(max = 100)
  @ListMapKeys("name")
  @ValidationRule(value = "self.all(s, self.exists_one(o, o.id == s.id))",
      message = "desired site IDs must be unique")
  @JsonPropertyDescription("The sites every host must have, with the IIS site ID each must carry.")
  private List<SiteSpec> sites = new ArrayList<>();

  @JsonPropertyDescription("The machineKey every managed machine.config must hold.")
  private MachineKeySpec machineKey;

  @JsonPropertyDescription("Expected session-state settings; reported, never enforced.")
  private SessionStateSpec sessionState;

  public Mode getMode() { return mode; }
  public void setMode(Mode mode) { this.mode = mode; }
  public Boolean getSuspend() { return suspend; }
  public void setSuspend(Boolean suspend) { this.suspend = suspend; }
  public String getResyncInterval() { return resyncInterval; }
  public void setResyncInterval(String resyncInterval) { this.resyncInterval = resyncInterval; }
  public RolloutSpec getRollout() { return rollout; }
  public void setRollout(RolloutSpec rollout) { this.rollout = rollout; }
  public WinRmSpec getWinrm() { return winrm; }
  public void setWinrm(WinRmSpec winrm) { this.winrm = winrm; }
  public List<HostSpec> getHosts() { return hosts; }
  public void setHosts(List<HostSpec> hosts) { this.hosts = hosts; }
  public List<SiteSpec> getSites() { return sites; }
  public void setSites(List<SiteSpec> sites) { this.sites = sites; }
  public MachineKeySpec getMachineKey() { return machineKey; }
  public void setMachineKey(MachineKeySpec machineKey) { this.machineKey = machineKey; }
  public SessionStateSpec getSessionState() { return sessionState; }
  public void setSessionState(SessionStateSpec sessionState) { this.sessionState = sessionState; }
}
