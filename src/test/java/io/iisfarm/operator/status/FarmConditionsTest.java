package io.iisfarm.operator.status;

import io.iisfarm.operator.rollout.RolloutResult;
import static io.iisfarm.operator.status.Reports.farm;
import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.api.InFlightStep;
import io.iisfarm.operator.model.DesiredFarm;
import io.iisfarm.operator.plan.MoveSite;
import io.iisfarm.operator.plan.Step;
import io.iisfarm.operator.status.HostFailure.Kind;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The condition table: each row is a farm situation and the six conditions it must give, as Status/Reason in
 * the order Ready, HostsReachable, SiteIdsInSync, MachineKeysInSync, Progressing, Degraded.
 */
class FarmConditionsTest {
  private static final List<Step> SWAP_STEPS = List.of(new MoveSite("Shop", 3, 4, true), new MoveSite("Api", 2, 3, false),
      new MoveSite("Shop", 4, 2, false));

  static Stream<Arguments> table() {
    return Stream.of(
        row("everything in sync (Enforce)", farm().host("web1", Reports.converged()).host("web6", Reports.convergedIis6()),
            "True/InSync", "True/AllHostsReachable", "True/SiteIdsMatch", "True/MachineKeysMatch", "False/Converged",
            "False/NoFailures"),
        row("Audit with site ID drift", farm().mode(EffectiveMode.AUDIT).host("web1", Reports.swapped()),
            "False/DriftDetected", "True/AllHostsReachable", "False/SiteIdDrift", "True/MachineKeysMatch",
            "False/AuditMode", "False/NoFailures"),
        row("Audit with key drift", farm().mode(EffectiveMode.AUDIT).host("web1", Reports.keyDrift()),
            "False/DriftDetected", "True/AllHostsReachable", "True/SiteIdsMatch", "False/MachineKeyDrift",
            "False/AuditMode", "False/NoFailures"),
        row("Audit with a conflict is drift too", farm().mode(EffectiveMode.AUDIT).host("web1", Reports.conflict()),
            "False/DriftDetected", "True/AllHostsReachable", "False/SiteIdConflict", "True/MachineKeysMatch",
            "False/AuditMode", "False/NoFailures"),
        row("Audit in sync", farm().mode(EffectiveMode.AUDIT).host("web1", Reports.converged()),
            "True/InSync", "True/AllHostsReachable", "True/SiteIdsMatch", "True/MachineKeysMatch", "False/AuditMode",
            "False/NoFailures"),
        row("Suspended with drift", farm().mode(EffectiveMode.SUSPENDED).host("web1", Reports.swapped()),
            "False/DriftDetected", "True/AllHostsReachable", "False/SiteIdDrift", "True/MachineKeysMatch",
            "False/Suspended", "False/NoFailures"),
        row("Enforce with steps still to run", farm().host("web1", Reports.converged()).host("web2", Reports.swapped()),
            "False/RolloutInProgress", "True/AllHostsReachable", "False/SiteIdDrift", "True/MachineKeysMatch",
            "True/RolloutPending", "False/NoFailures"),
        row("Enforce with a step in flight", farm().host("web2", Reports.swapped())
                .inFlight(new InFlightStep("web2", "MoveSite", List.of("Shop", "Api"), List.of("iisfarm-20240501"), "2024-05-01T10:00:06Z")),
            "False/RolloutInProgress", "True/AllHostsReachable", "False/SiteIdDrift", "True/MachineKeysMatch",
            "True/RolloutInProgress", "False/NoFailures"),
        row("Enforce after a verified change", farm().changed("web2", Reports.swapped(), Reports.converged(),
                RolloutResult.applied(Reports.CHANGED_AT, SWAP_STEPS)),
            "True/InSync", "True/AllHostsReachable", "True/SiteIdsMatch", "True/MachineKeysMatch", "False/Converged",
            "False/NoFailures"),
        row("rollback", farm().changed("web2", Reports.swapped(), Reports.swapped(),
                RolloutResult.rolledBack(Reports.CHANGED_AT, SWAP_STEPS, "Shop has ID 4 after the move, not 2")),
            "False/RolledBack", "True/AllHostsReachable", "False/SiteIdDrift", "True/MachineKeysMatch",
            "True/RolloutPending", "True/RolledBack"),
        row("failed without rollback", farm().changed("web2", Reports.swapped(), null,
                RolloutResult.failed(null, List.of(), "backup failed: iisback.vbs exited 1")),
            "False/RolloutFailed", "True/AllHostsReachable", "False/SiteIdDrift", "True/MachineKeysMatch",
            "True/RolloutPending", "True/RolloutFailed"),
        row("one host unreachable", farm().host("web1", Reports.converged()).failed("web2", Kind.UNREACHABLE, "connection refused"),
            "False/HostUnreachable", "False/HostUnreachable", "Unknown/HostsUnreachable", "Unknown/HostsUnreachable",
            "False/NothingToApply", "False/NoFailures"),
        row("hosts failing in different ways", farm().failed("web1", Kind.AUTHENTICATION_FAILED, "401 from host")
                .failed("web2", Kind.TIMEOUT, "no answer within 60s"),
            "False/HostsUnreachable", "False/HostsUnreachable", "Unknown/HostsUnreachable", "Unknown/HostsUnreachable",
            "False/NothingToApply", "False/NoFailures"),
        row("host claimed by another IisFarm", farm().host("web1", Reports.converged())
                .failed("web2", Kind.CLAIMED_ELSEWHERE, "IisFarm shop/other names web2.example.com:5986"),
            "False/HostClaimedElsewhere", "False/HostClaimedElsewhere", "Unknown/HostsUnreachable",
            "Unknown/HostsUnreachable", "False/NothingToApply", "False/NoFailures"),
        row("a read that failed in part", farm().host("web1", Reports.converged())
                .failed("web2", Kind.UNREADABLE, "adsutil.vbs stopped with exit code -2147024891 after 12 keys"),
            "False/Unreadable", "False/Unreadable", "Unknown/HostsUnreachable", "Unknown/HostsUnreachable",
            "False/NothingToApply", "False/NoFailures"),
        row("certutil blocked on a host", farm().host("web1", Reports.converged())
                .failed("web2", Kind.CERTUTIL_BLOCKED, "certutil was blocked from running (exit code 1260)"),
            "False/CertutilBlocked", "False/CertutilBlocked", "Unknown/HostsUnreachable", "Unknown/HostsUnreachable",
            "False/NothingToApply", "False/NoFailures"),
        row("garbage from a host", farm().failed("web1", Kind.INVALID_RESPONSE, "no site list in the output"),
            "False/InvalidResponse", "False/InvalidResponse", "Unknown/HostsUnreachable", "Unknown/HostsUnreachable",
            "False/NothingToApply", "False/NoFailures"),
        row("plain http without key transfer", farm().host("web1", Reports.plainHttp()),
            "False/InsecureTransport", "True/AllHostsReachable", "True/SiteIdsMatch", "Unknown/InsecureTransport",
            "False/Converged", "False/NoFailures"),
        row("encrypted machineKey", farm().host("web1", Reports.encryptedKey()),
            "False/NotInSync", "True/AllHostsReachable", "True/SiteIdsMatch", "Unknown/MachineKeyEncrypted",
            "False/NothingToApply", "False/NoFailures"),
        row("plain http host next to key drift", farm().host("web1", Reports.plainHttp()).host("web2", Reports.keyDrift()),
            "False/RolloutInProgress", "True/AllHostsReachable", "True/SiteIdsMatch", "False/MachineKeyDrift",
            "True/RolloutPending", "False/NoFailures"),
        row("invalid spec from the validator", farm().notChecked("web1")
                .blocker(Blocker.Kind.INVALID_SPEC, "spec.sites[1].id: ID 2 is also wanted by spec.sites[0]"),
            "False/InvalidSpec", "Unknown/InvalidSpec", "Unknown/InvalidSpec", "Unknown/InvalidSpec",
            "False/InvalidSpec", "False/NoFailures"),
        row("invalid spec from the planner (HMACSHA256 on v2.0)", farm(new DesiredFarm(Reports.DESIRED.sites(),
                io.iisfarm.operator.plan.Hosts.everywhere(Reports.hmacKey()), null)).host("web6", Reports.v2WithKey(Reports.hmacKey())),
            "False/InvalidSpec", "True/AllHostsReachable", "True/SiteIdsMatch", "Unknown/InvalidSpec",
            "False/InvalidSpec", "False/NoFailures"),
        row("machineKey Secret missing", farm().notChecked("web1").notChecked("web2")
                .blocker(Blocker.Kind.SECRET_MISSING, "Secret farm-key does not exist: create it or set spec.machineKey.generate: true."),
            "False/SecretMissing", "Unknown/SecretMissing", "Unknown/SecretMissing", "Unknown/SecretMissing",
            "False/SecretMissing", "False/NoFailures"),
        row("Secret invalid", farm().notChecked("web1")
                .blocker(Blocker.Kind.SECRET_INVALID, "Secret farm-key: validationKey is not hex (13 characters)."),
            "False/SecretInvalid", "Unknown/SecretInvalid", "Unknown/SecretInvalid", "Unknown/SecretInvalid",
            "False/SecretInvalid", "False/NoFailures"),
        row("conflict in Enforce", farm().host("web1", Reports.conflict()),
            "False/SiteIdConflict", "True/AllHostsReachable", "False/SiteIdConflict", "True/MachineKeysMatch",
            "False/NothingToApply", "False/NoFailures"),
        row("missing site in Enforce", farm().host("web1", Reports.missing()),
            "False/SiteMissing", "True/AllHostsReachable", "False/SiteMissing", "True/MachineKeysMatch",
            "False/NothingToApply", "False/NoFailures"),
        row("IIS6 AppRoot case only", farm().mode(EffectiveMode.AUDIT).host("web6", Reports.appRootCase()),
            "False/DriftDetected", "True/AllHostsReachable", "False/AppRootDrift", "True/MachineKeysMatch",
            "False/AuditMode", "False/NoFailures"),
        row("keys not managed", farm(Reports.NO_KEYS).host("web1", Reports.keyDrift()),
            "True/InSync", "True/AllHostsReachable", "True/SiteIdsMatch", "True/NotManaged", "False/Converged",
            "False/NoFailures"),
        row("session-state findings and site overrides do not count", farm().host("web1", Reports.withOverridesAndSession()),
            "True/InSync", "True/AllHostsReachable", "True/SiteIdsMatch", "True/MachineKeysMatch", "False/Converged",
            "False/NoFailures"),
        row("rollback outranks unreachable hosts", farm().failed("web1", Kind.UNREACHABLE, "connection refused")
                .changed("web2", Reports.swapped(), Reports.swapped(),
                    RolloutResult.rolledBack(Reports.CHANGED_AT, SWAP_STEPS, "verification failed")),
            "False/RolledBack", "False/HostUnreachable", "False/SiteIdDrift", "Unknown/HostsUnreachable",
            "True/RolloutPending", "True/RolledBack"),
        row("no hosts", farm(),
            "False/NoHosts", "Unknown/NoHosts", "Unknown/NoHosts", "Unknown/NoHosts", "False/NothingToApply",
            "False/NoFailures"));
  }

  private static Arguments row(String name, Reports.Builder report, String... expected) {
    return Arguments.of(name, report.build(), List.of(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void conditionsFollowTheTable(String name, FarmReport report, List<String> expected) {
    List<ConditionVerdict> verdicts = FarmConditions.evaluate(report);
    assertThat(verdicts).extracting(ConditionVerdict::type).containsExactly("Ready", "HostsReachable",
        "SiteIdsInSync", "MachineKeysInSync", "Progressing", "Degraded");
    assertThat(verdicts).extracting(v -> v.status() + "/" + v.reason()).as(name).containsExactlyElementsOf(expected);
    assertThat(verdicts).allSatisfy(v -> {
      assertThat(v.reason()).matches("[A-Z][A-Za-z0-9]*");
      assertThat(v.message()).isNotBlank();
    });
  }

  @Test
  void auditDriftMessageSaysHowToApply() {
    ConditionVerdict ready = FarmConditions.evaluate(farm().mode(EffectiveMode.AUDIT).host("web1", Reports.swapped())
        .host("web2", Reports.converged()).build()).get(0);
    assertThat(ready.message()).contains("1 of 2 hosts", "web1 (3 steps planned)", "spec.mode: Enforce",
        "status.plannedSteps");
  }

  @Test
  void unreachableMessageNamesTheHostTheFailureAndWhatToCheck() {
    ConditionVerdict reachable = FarmConditions.evaluate(farm().host("web1", Reports.converged())
        .failed("web2", Kind.UNREACHABLE, "connection refused").build()).get(1);
    assertThat(reachable.message()).contains("1 of 2", "web2", "HostUnreachable: connection refused",
        "WinRM listener");
  }

  @Test
  void siteDriftMessageShowsActualAndDesiredIds() {
    ConditionVerdict siteIds = FarmConditions.evaluate(farm().host("web1", Reports.swapped()).build()).get(2);
    assertThat(siteIds.message()).contains("web1 (Shop: ID 3, wants 2; Api: ID 2, wants 3)", "host by host");
  }

  @Test
  void keyDriftMessageShowsFingerprintsOnly() {
    ConditionVerdict keys = FarmConditions.evaluate(farm().host("web1", Reports.keyDrift()).build()).get(3);
    assertThat(keys.message()).contains("v4.0/64 machine.config holds "
        + io.iisfarm.operator.plan.Hosts.oldKey().fingerprint());
  }

  @Test
  void anEncryptedKeyIsUnknownNeverAMatchAndTheMessageSaysWhatToDo() {
    List<ConditionVerdict> verdicts = FarmConditions.evaluate(farm().host("web1", Reports.encryptedKey()).build());
    assertThat(verdicts.get(3).message()).contains("web1", "encrypted", "aspnet_regiis -pd");
    assertThat(verdicts.get(0).message()).contains("MachineKeyEncrypted");
  }

  @Test
  void insecureTransportMessageSaysHowToEnableKeys() {
    List<ConditionVerdict> verdicts = FarmConditions.evaluate(farm().host("web1", Reports.plainHttp()).build());
    assertThat(verdicts.get(0).message()).contains("allowKeyTransferOverHttp");
    assertThat(verdicts.get(3).message()).contains("web1", "allowKeyTransferOverHttp: true");
  }
}
