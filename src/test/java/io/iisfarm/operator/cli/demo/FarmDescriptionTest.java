package io.iisfarm.operator.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.iisfarm.operator.api.HostSpec;
import io.iisfarm.operator.api.HostStatus;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmSpec;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.api.MachineKeySpec;
import io.iisfarm.operator.api.MachineKeyStatus;
import io.iisfarm.operator.api.SecretRef;
import io.iisfarm.operator.api.SiteSpec;
import io.iisfarm.operator.api.SiteStatus;
import io.iisfarm.operator.api.WinRmSpec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FarmDescriptionTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:05:00Z");

  @Test
  void showsMetadataSpecConditionsHostsKeysAndTheFarmsOwnEvents() {
    List<String> lines = FarmDescription.render(farm(), List.of(
        event("shop", "Warning", "RolledBack", "web02: restored from backup", 3, "2026-11-24T10:00:00Z"),
        event("shop", "Normal", "ChangeApplied", "web01: applied and verified 1 step", 1, "2026-11-24T10:04:00Z"),
        event("other", "Normal", "ChangeApplied", "not this farm", 1, "2026-11-24T10:04:00Z")), NOW);

    assertThat(lines).startsWith("Name:         shop", "Namespace:    web", "Labels:       <none>");
    assertThat(lines).contains("Created:      2026-11-24T10:00:00Z (5m ago)",
        "  Sites:            Shop=2, Api=3",
        "  Machine Key:      SHA1/AES, from Secret shop-machinekey",
        "  In Sync:              1/2",
        "  Last Check:           <none>");
    assertThat(lines).containsSubsequence(
        "    Type   Status  Reason     Message",
        "    ----   ------  ------     -------",
        "    Ready  False   NotInSync  1/2 hosts in sync.");
    assertThat(lines).containsSubsequence(
        "    Name   Reachable  OS                   IIS   In Sync  Sites                       Message",
        "    web01  True       Windows Server 2019  10.0  True     Shop=2, Api=3               In sync.",
        "    web02  True       Windows Server 2019  10.0  False    Shop=7->2 (Stopped), Api=3  Rolled back");
    assertThat(lines).containsSubsequence(
        "    web01  v4.0     64       machine.config  0123456789ab  SHA1        AES         True",
        "    web01  v4.0     64       web.config      absent                                -");
    assertThat(lines).containsSubsequence("Events:",
        "  Type     Reason         Age              From               Message",
        "  ----     ------         ---              ----               -------",
        "  Warning  RolledBack     5m (x3 over 5m)  iis-farm-operator  web02: restored from backup",
        "  Normal   ChangeApplied  60s              iis-farm-operator  web01: applied and verified 1 step");
    assertThat(String.join("\n", lines)).doesNotContain("not this farm");
  }

  @Test
  void aFarmWithoutStatusOrEventsSaysSo() {
    IisFarm farm = farm();
    farm.setStatus(null);

    assertThat(FarmDescription.render(farm, List.of(), NOW)).containsSubsequence("Status:", "  <none>", "Events:",
        "  <none>");
  }

  private static IisFarm farm() {
    IisFarm farm = new IisFarm();
    farm.getMetadata().setName("shop");
    farm.getMetadata().setNamespace("web");
    farm.getMetadata().setGeneration(1L);
    farm.getMetadata().setCreationTimestamp("2026-11-24T10:00:00Z");
    IisFarmSpec spec = new IisFarmSpec();
    spec.setWinrm(new WinRmSpec());
    spec.getWinrm().setCredentialsSecretRef(new SecretRef("shop-winrm"));
    spec.setHosts(List.of(new HostSpec("web01", "10.0.0.1"), new HostSpec("web02", "10.0.0.2")));
    spec.setSites(List.of(new SiteSpec("Shop", 2L), new SiteSpec("Api", 3L)));
    MachineKeySpec key = new MachineKeySpec();
    key.setSecretRef(new SecretRef("shop-machinekey"));
    spec.setMachineKey(key);
    farm.setSpec(spec);
    IisFarmStatus status = new IisFarmStatus();
    status.setObservedGeneration(1L);
    status.setMode("Enforce");
    status.setInSync("1/2");
    status.setConditions(List.of(new ConditionBuilder().withType("Ready").withStatus("False").withReason("NotInSync")
        .withMessage("1/2 hosts in sync.").build()));
    status.setHosts(List.of(
        new HostStatus("web01", "10.0.0.1", true, "Windows Server 2019", "10.0", true,
            List.of(new SiteStatus("Shop", 2L, 2L, "Started", null, true), new SiteStatus("Api", 3L, 3L, "Started", null, true)),
            List.of(new MachineKeyStatus("v4.0", 64, "machine.config", "0123456789ab", "SHA1", "AES", true),
                new MachineKeyStatus("v4.0", 64, "web.config", "absent", null, null, null)),
            null, null, null, "In sync."),
        new HostStatus("web02", "10.0.0.2", true, "Windows Server 2019", "10.0", false,
            List.of(new SiteStatus("Shop", 7L, 2L, "Stopped", null, false), new SiteStatus("Api", 3L, 3L, "Started", null, true)),
            null, null, null, null, "Rolled back")));
    farm.setStatus(status);
    return farm;
  }

  private static Event event(String farm, String type, String reason, String message, int count, String first) {
    return new EventBuilder().withNewMetadata().withName(farm + "." + reason).endMetadata()
        .withNewInvolvedObject().withKind("IisFarm").withName(farm).endInvolvedObject()
        .withType(type).withReason(reason).withMessage(message).withCount(count)
        .withFirstTimestamp(first).withLastTimestamp(first).withNewSource().withComponent("iis-farm-operator").endSource()
        .build();
  }
}
