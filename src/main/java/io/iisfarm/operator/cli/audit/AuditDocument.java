package io.iisfarm.operator.cli.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.iisfarm.operator.api.ClrRuntime;
import io.iisfarm.operator.api.HostStatus;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.api.PlannedStep;
import io.iisfarm.operator.model.Bitness;
import io.iisfarm.operator.model.DesiredFarm;
import io.iisfarm.operator.model.MachineKeySetting;
import java.util.List;

/**
 * What {@code audit --output json} prints: one document for scripts. Fields are only ever added, never renamed
 * or removed. The host rows are those of the IisFarm status ({@code status.hosts}): fingerprints, never keys.
 *
 * @param result InSync, DriftDetected, HostsUnreadable, KeysNotChecked or InvalidSpec; {@code exitCode} is 0, 1, 3, 3
 *     or 2
 * @param plannedSteps what Enforce mode would run
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"farm", "namespace", "checkedAt", "result", "exitCode", "hostsInSync", "hostsTotal", "desired",
    "hosts", "plannedSteps", "notes"})
record AuditDocument(String farm, String namespace, String checkedAt, String result, int exitCode, int hostsInSync,
    int hostsTotal, Desired desired, List<HostStatus> hosts, List<PlannedStep> plannedSteps, List<String> notes) {

  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"sites", "machineKey"})
  record Desired(List<Site> sites, Key machineKey) {}

  @JsonPropertyOrder({"name", "id"})
  record Site(String name, long id) {}

  /**
   * @param runtimes and {@code bitness}: what the spec manages; absent means every one found on each host
   * @param source where the key came from: a Secret (file or environment), or the host named by adoptFrom
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"fingerprint", "validation", "decryption", "compatibilityMode", "runtimes", "bitness", "source"})
  record Key(String fingerprint, String validation, String decryption, String compatibilityMode,
      List<String> runtimes, List<Integer> bitness, String source) {}

  static AuditDocument of(FarmAudit.Result audit) {
    IisFarmStatus status = audit.status();
    return new AuditDocument(audit.farm().getMetadata().getName(), audit.farm().getMetadata().getNamespace(),
        status.getLastCheck(), audit.outcome().wireName, audit.outcome().exitCode, status.getHostsInSync(),
        status.getHostsTotal(), desired(audit), status.getHosts(), status.getPlannedSteps(),
        audit.notes().isEmpty() ? null : audit.notes());
  }

  String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the audit document is plain data", e);
    }
  }

  private static Desired desired(FarmAudit.Result audit) {
    DesiredFarm desired = audit.desired();
    List<Site> sites = desired.sites().stream().map(s -> new Site(s.name(), s.id())).toList();
    Key key = null;
    if (desired.machineKey() != null) {
      MachineKeySetting setting = desired.machineKey().setting();
      key = new Key(setting.fingerprint(), setting.validation(), setting.decryption(), setting.compatibilityMode(),
          desired.machineKey().runtimes() == null ? null
              : desired.machineKey().runtimes().stream().sorted().map(ClrRuntime::wireName).toList(),
          desired.machineKey().bitness() == null ? null
              : desired.machineKey().bitness().stream().sorted().map(Bitness::bits).toList(),
          audit.keySource());
    }
    return new Desired(sites, key);
  }
}
