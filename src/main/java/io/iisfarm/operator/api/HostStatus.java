package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** One row of the per-host table. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostStatus(
    String name,
    String address,
    @JsonPropertyDescription("Whether the last read of the host succeeded.") Boolean reachable,
    @JsonPropertyDescription("Windows version, e.g. Windows Server 2003.") String os,
    @JsonPropertyDescription("IIS version, e.g. 6.0 or 10.0.") String iisVersion,
    @JsonPropertyDescription("Every spec site has its ID (and AppRoot) and every managed file the desired key.") Boolean inSync,
    List<SiteStatus> sites,
    @JsonPropertyDescription("machineKey fingerprints per runtime, bitness and file; never the key.") List<MachineKeyStatus> machineKeys,
    @JsonPropertyDescription("What differs or needs attention on this host.") List<String> findings,
    String lastCheck,
    String lastChange,
    String message,
    @JsonPropertyDescription("While the host is being changed: Drain, Change, Verify, Health or Restore.") String phase,
    @JsonPropertyDescription("How long the host's last step took, drain to restore; sizes it against maintenance windows.") String lastStepDuration) {

  public HostStatus(String name, String address, Boolean reachable, String os, String iisVersion, Boolean inSync,
      List<SiteStatus> sites, List<MachineKeyStatus> machineKeys, List<String> findings, String lastCheck,
      String lastChange, String message) {
    this(name, address, reachable, os, iisVersion, inSync, sites, machineKeys, findings, lastCheck, lastChange,
        message, null, null);
  }
}
