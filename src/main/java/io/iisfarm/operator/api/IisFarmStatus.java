package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the operator last saw and did. Never holds key material or passwords.
 *
 * <p>Conditions are a list map keyed by type and hosts one keyed by name, so that server-side apply merges
 * them entry by entry: a condition another writer owns survives the operator's next status write.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IisFarmStatus {
  @JsonPropertyDescription("The metadata.generation this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription("Ready, HostsReachable, SiteIdsInSync, MachineKeysInSync, Progressing, Degraded.")
  @ListMapKeys("type")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("The mode the last reconcile ran in: Enforce, Audit or Suspended.")
  private String mode;

  @JsonPropertyDescription("Hosts in sync over hosts in the spec, e.g. 3/4.")
  private String inSync;

  private Integer hostsInSync;
  private Integer hostsTotal;

  @JsonPropertyDescription("When the hosts were last read (RFC 3339).")
  private String lastCheck;

  @JsonPropertyDescription("One row per host.")
  @ListMapKeys("name")
  private List<HostStatus> hosts = new ArrayList<>();

  @JsonPropertyDescription("Host steps being applied; each is set before its host is touched and cleared after verification.")
  private List<InFlightStep> inFlight;

  @JsonPropertyDescription("Audit mode, suspended, or waiting for a maintenance window: the steps that would run.")
  private List<PlannedStep> plannedSteps;

  @JsonPropertyDescription("An emergency rollout outside the maintenance windows, while or after it ran.")
  private EmergencyRolloutStatus emergencyRollout;

  public Long getObservedGeneration() { return observedGeneration; }
  public void setObservedGeneration(Long observedGeneration) { this.observedGeneration = observedGeneration; }
  public List<Condition> getConditions() { return conditions; }
  public void setConditions(List<Condition> conditions) { this.conditions = conditions; }
  public String getMode() { return mode; }
  public void setMode(String mode) { this.mode = mode; }
  public String getInSync() { return inSync; }
  public void setInSync(String inSync) { this.inSync = inSync; }
  public Integer getHostsInSync() { return hostsInSync; }
  public void setHostsInSync(Integer hostsInSync) { this.hostsInSync = hostsInSync; }
  public Integer getHostsTotal() { return hostsTotal; }
  public void setHostsTotal(Integer hostsTotal) { this.hostsTotal = hostsTotal; }
  public String getLastCheck() { return lastCheck; }
  public void setLastCheck(String lastCheck) { this.lastCheck = lastCheck; }
  public List<HostStatus> getHosts() { return hosts; }
  public void setHosts(List<HostStatus> hosts) { this.hosts = hosts; }
  public List<InFlightStep> getInFlight() { return inFlight; }
  public void setInFlight(List<InFlightStep> inFlight) { this.inFlight = inFlight; }
  public List<PlannedStep> getPlannedSteps() { return plannedSteps; }
  public void setPlannedSteps(List<PlannedStep> plannedSteps) { this.plannedSteps = plannedSteps; }
  public EmergencyRolloutStatus getEmergencyRollout() { return emergencyRollout; }
  public void setEmergencyRollout(EmergencyRolloutStatus emergencyRollout) { this.emergencyRollout = emergencyRollout; }

  @Override
  public boolean equals(Object o) {
    return o instanceof IisFarmStatus s
        && Objects.equals(observedGeneration, s.observedGeneration)
        && Objects.equals(conditions, s.conditions)
        && Objects.equals(mode, s.mode)
        && Objects.equals(inSync, s.inSync)
        && Objects.equals(hostsInSync, s.hostsInSync)
        && Objects.equals(hostsTotal, s.hostsTotal)
        && Objects.equals(lastCheck, s.lastCheck)
        && Objects.equals(hosts, s.hosts)
        && Objects.equals(inFlight, s.inFlight)
        && Objects.equals(plannedSteps, s.plannedSteps)
        && Objects.equals(emergencyRollout, s.emergencyRollout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(observedGeneration, conditions, mode, inSync, hostsInSync, hostsTotal, lastCheck, hosts,
        inFlight, plannedSteps, emergencyRollout);
  }
}
