package io.iisfarm.operator.status;

import io.iisfarm.operator.rollout.RolloutResult;
import static io.iisfarm.operator.status.Reports.farm;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Condition;
import io.iisfarm.operator.api.HostStatus;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.api.InFlightStep;
import io.iisfarm.operator.api.MachineKeyStatus;
import io.iisfarm.operator.api.PlannedStep;
import io.iisfarm.operator.api.SiteStatus;
import io.iisfarm.operator.plan.Hosts;
import io.iisfarm.operator.plan.MoveSite;
import io.iisfarm.operator.status.HostFailure.Kind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusBuilderTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:07.250Z");
  private static final Instant T1 = Instant.parse("2024-05-01T10:01:07Z");

  private static StatusBuilder at(Instant now) {
    return new StatusBuilder(Clock.fixed(now, ZoneOffset.UTC));
  }

  private static Condition condition(IisFarmStatus status, String type) {
    return status.getConditions().stream().filter(c -> c.getType().equals(type)).findFirst().orElseThrow();
  }

  private static HostStatus row(IisFarmStatus status, String host) {
    return status.getHosts().stream().filter(h -> h.name().equals(host)).findFirst().orElseThrow();
  }

  @Test
  void summaryFieldsAndConditions() {
    FarmReport report = farm().generation(7).host("web1", Reports.converged())
        .failed("web2", Kind.UNREACHABLE, "connection refused").build();
    IisFarmStatus status = at(T0).build(report, null);

    assertThat(status.getObservedGeneration()).isEqualTo(7);
    assertThat(status.getMode()).isEqualTo("Enforce");
    assertThat(status.getInSync()).isEqualTo("1/2");
    assertThat(status.getHostsInSync()).isEqualTo(1);
    assertThat(status.getHostsTotal()).isEqualTo(2);
    assertThat(status.getLastCheck()).isEqualTo("2024-05-01T10:00:05Z");
    assertThat(status.getConditions()).extracting(Condition::getType).containsExactly("Ready", "HostsReachable",
        "SiteIdsInSync", "MachineKeysInSync", "Progressing", "Degraded");
    assertThat(status.getConditions()).allSatisfy(c -> {
      assertThat(c.getObservedGeneration()).isEqualTo(7);
      assertThat(c.getLastTransitionTime()).isEqualTo("2024-05-01T10:00:07Z");
    });
    assertThat(condition(status, "Ready").getStatus()).isEqualTo("False");
    assertThat(status.getPlannedSteps()).isNull();
    assertThat(status.getInFlight()).isNull();
  }

  @Test
  void lastTransitionTimeIsKeptUntilTheStatusFlips() {
    IisFarmStatus first = at(T0).build(farm().mode(EffectiveMode.AUDIT).host("web1", Reports.swapped()).build(), null);
    // still False, for another reason: the time stays
    IisFarmStatus second = at(T1).build(farm().mode(EffectiveMode.AUDIT).failed("web1", Kind.TIMEOUT, "no answer").build(), first);
    assertThat(condition(second, "Ready").getReason()).isEqualTo("HostTimeout");
    assertThat(condition(second, "Ready").getLastTransitionTime()).isEqualTo("2024-05-01T10:00:07Z");
    // HostsReachable flipped True -> False
    assertThat(condition(second, "HostsReachable").getLastTransitionTime()).isEqualTo("2024-05-01T10:01:07Z");
    // SiteIdsInSync flipped False -> Unknown
    assertThat(condition(second, "SiteIdsInSync").getLastTransitionTime()).isEqualTo("2024-05-01T10:01:07Z");
    assertThat(condition(second, "Degraded").getLastTransitionTime()).isEqualTo("2024-05-01T10:00:07Z");

    IisFarmStatus third = at(T1.plusSeconds(60)).build(farm().host("web1", Reports.converged()).build(), second);
    assertThat(condition(third, "Ready").getStatus()).isEqualTo("True");
    assertThat(condition(third, "Ready").getLastTransitionTime()).isEqualTo("2024-05-01T10:02:07Z");
  }

  @Test
  void plannedStepsOnlyInAuditOrSuspended() {
    for (EffectiveMode mode : EffectiveMode.values()) {
      IisFarmStatus status = at(T0).build(farm().mode(mode).host("web1", Reports.swapped()).build(), null);
      if (mode == EffectiveMode.ENFORCE) {
        assertThat(status.getPlannedSteps()).isNull();
      } else {
        assertThat(status.getMode()).isEqualTo(mode.wireName());
        assertThat(status.getPlannedSteps()).hasSize(3).allSatisfy(p -> {
          assertThat(p.host()).isEqualTo("web1");
          assertThat(p.action()).isEqualTo("MoveSite");
        });
        assertThat(status.getPlannedSteps()).extracting(PlannedStep::detail)
            .anySatisfy(d -> assertThat(d).contains("temporary ID"));
      }
    }
  }

  @Test
  void auditWithoutDriftHasNoPlannedSteps() {
    IisFarmStatus status = at(T0).build(farm().mode(EffectiveMode.AUDIT).host("web1", Reports.converged()).build(), null);
    assertThat(status.getPlannedSteps()).isNull();
  }

  @Test
  void hostRowsShowSitesFingerprintsFindingsAndMessage() {
    FarmReport report = farm().host("web6", Reports.appRootCase()).failed("web2", Kind.AUTHENTICATION_FAILED, "HTTP 401").build();
    IisFarmStatus status = at(T0).build(report, null);

    HostStatus web6 = row(status, "web6");
    assertThat(web6.address()).isEqualTo("web6.example.com:5986");
    assertThat(web6.reachable()).isTrue();
    assertThat(web6.os()).isEqualTo("Windows Server 2003");
    assertThat(web6.iisVersion()).isEqualTo("6.0");
    assertThat(web6.inSync()).isFalse();
    assertThat(web6.sites()).containsExactly(new SiteStatus("Shop", 2L, 2L, "Started", "/LM/W3SVC/2/Root", false),
        new SiteStatus("Api", 3L, 3L, "Started", "/LM/W3SVC/3/ROOT", true));
    assertThat(web6.machineKeys()).containsExactly(new MachineKeyStatus("v2.0", 32, "machine.config",
        Hosts.farmKey().fingerprint(), "SHA1", "AES", true));
    assertThat(web6.findings()).singleElement().satisfies(f -> assertThat(f).startsWith("AppRootCase: "));
    assertThat(web6.lastCheck()).isEqualTo("2024-05-01T10:00:00Z");
    assertThat(web6.message()).startsWith("1 step planned, first: set AppRoot");

    HostStatus web2 = row(status, "web2");
    assertThat(web2.reachable()).isFalse();
    assertThat(web2.inSync()).isFalse();
    assertThat(web2.sites()).isNull();
    assertThat(web2.findings()).containsExactly("AuthenticationFailed: HTTP 401");
    assertThat(web2.message()).contains("AuthenticationFailed: HTTP 401", "credentials Secret");
    assertThat(web2.lastCheck()).isEqualTo("2024-05-01T10:00:05Z");
  }

  @Test
  void lastChangeComesFromTheRolloutAndIsKeptAfterwards() {
    FarmReport changed = farm().changed("web1", Reports.swapped(), Reports.converged(),
        RolloutResult.applied(Reports.CHANGED_AT, List.of(new MoveSite("Shop", 3, 2, false)))).build();
    IisFarmStatus first = at(T0).build(changed, null);
    HostStatus row = row(first, "web1");
    assertThat(row.lastChange()).isEqualTo("2024-05-01T10:00:30Z");
    assertThat(row.inSync()).isTrue();
    assertThat(row.message()).isEqualTo("Applied and verified 1 step. In sync.");

    IisFarmStatus next = at(T1).build(farm().host("web1", Reports.converged()).build(), first);
    assertThat(row(next, "web1").lastChange()).isEqualTo("2024-05-01T10:00:30Z");
    assertThat(row(next, "web1").message()).isEqualTo("In sync.");
  }

  @Test
  void rolledBackHostSaysSo() {
    FarmReport report = farm().changed("web1", Reports.swapped(), Reports.swapped(),
        RolloutResult.rolledBack(Reports.CHANGED_AT, List.of(), "Shop still has ID 3")).build();
    HostStatus row = row(at(T0).build(report, null), "web1");
    assertThat(row.message()).isEqualTo("Rolled back from backup: Shop still has ID 3");
    assertThat(row.lastChange()).isEqualTo("2024-05-01T10:00:30Z");
  }

  @Test
  void hostNotCheckedKeepsItsLastCheck() {
    IisFarmStatus first = at(T0).build(farm().host("web1", Reports.converged()).build(), null);
    IisFarmStatus second = at(T1).build(farm().notChecked("web1")
        .blocker(Blocker.Kind.SECRET_MISSING, "Secret winrm-creds does not exist.").build(), first);
    HostStatus row = row(second, "web1");
    assertThat(row.reachable()).isNull();
    assertThat(row.lastCheck()).isEqualTo("2024-05-01T10:00:00Z");
    assertThat(row.message()).isEqualTo("Not read in this check (SecretMissing).");
  }

  @Test
  void inFlightStepsArePassedThrough() {
    InFlightStep step = new InFlightStep("web1", "MoveSite", List.of("Shop"), List.of("iisfarm-20240501T100006Z"),
        "2024-05-01T10:00:06Z");
    IisFarmStatus status = at(T0).build(farm().host("web1", Reports.swapped()).inFlight(step).build(), null);
    assertThat(status.getInFlight()).containsExactly(step);
  }

  @Test
  void sameInputsGiveAnEqualStatusEvenAfterAJsonRoundTrip() throws Exception {
    FarmReport report = farm().mode(EffectiveMode.AUDIT).host("web1", Reports.swapped()).host("web6", Reports.appRootCase())
        .failed("web2", Kind.WSMAN_FAULT, "wsman:AccessDenied").host("web3", Reports.plainHttp()).build();
    IisFarmStatus first = at(T0).build(report, null);
    ObjectMapper mapper = new ObjectMapper();
    IisFarmStatus roundTripped = mapper.readValue(mapper.writeValueAsString(first), IisFarmStatus.class);
    assertThat(roundTripped).isEqualTo(first);

    IisFarmStatus again = at(T1).build(report, roundTripped);
    assertThat(again).isEqualTo(first);
  }
}
