package io.iisfarm.operator.status;

import io.iisfarm.operator.rollout.RolloutResult;
import io.iisfarm.operator.testing.SecretScan;
import static io.iisfarm.operator.api.ClrRuntime.V2_0;
import static io.iisfarm.operator.api.ClrRuntime.V4_0;
import static io.iisfarm.operator.plan.Hosts.farmKey;
import static io.iisfarm.operator.plan.Hosts.iis10;
import static io.iisfarm.operator.plan.Hosts.iis6;
import static io.iisfarm.operator.plan.Hosts.oldKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.SessionStateSetting;
import io.iisfarm.operator.plan.FarmPlan;
import io.iisfarm.operator.plan.Hosts;
import io.iisfarm.operator.plan.Planner;
import io.iisfarm.operator.plan.Step;
import io.iisfarm.operator.testing.RealApiServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Observations holding real-looking keys go through planning, status, conditions and Events; no key value (nor
 * any 16-character piece of one) may appear in what is built, in its {@code toString()}, or in any request
 * sent to the API server.
 */
@RealApiServer
class SecretHygieneIT {
  private static final List<String> KEYS = List.of(Hosts.FARM_VALIDATION_KEY, Hosts.FARM_DECRYPTION_KEY,
      Hosts.OLD_VALIDATION_KEY, Hosts.OLD_DECRYPTION_KEY);

  static void assertNoKeyIn(String what, String text) {
    SecretScan.assertClean(what, text, KEYS);
  }

  @Test
  void noKeyMaterialInStatusConditionsEventsOrRequests() throws Exception {
    HostObservation web6 = iis6().site6("Shop", 5, "/LM/W3SVC/5/Root").site6("Api", 3, "/LM/W3SVC/3/ROOT")
        .runtime(V2_0, 32, oldKey()).siteConfig("Shop", oldKey(), new SessionStateSetting("SQLServer", null, "sql01"))
        .build();
    HostObservation web10 = iis10().site("Shop", 2).site("Api", 3).runtime(V4_0, 64, oldKey())
        .file(Hosts.rootWebConfig(V4_0, 64), Hosts.autoGenerate(), null).runtime(V2_0, 64, farmKey()).build();
    HostObservation web10After = iis10().site("Shop", 2).site("Api", 3).runtime(V4_0, 64, farmKey())
        .file(Hosts.rootWebConfig(V4_0, 64), farmKey(), null).runtime(V2_0, 64, farmKey()).build();
    // the observations really do hold the keys: the scan would find them
    assertThat(new String(web10.configFiles().get(0).content(), java.nio.charset.StandardCharsets.UTF_8))
        .contains(Hosts.OLD_VALIDATION_KEY);

    Planner planner = new Planner();
    FarmPlan plan = planner.plan(Reports.DESIRED, List.of("web6", "web10"), Map.of("web6", web6, "web10", web10));
    List<Step> web10Steps = plan.host("web10").orElseThrow().steps();
    assertThat(web10Steps).isNotEmpty();

    FarmReport report = new FarmReport(5, EffectiveMode.ENFORCE, true, Reports.CHECKED_AT, List.of(
        HostReport.observed("web6", "web6:5986", web6, plan.host("web6").orElseThrow()),
        HostReport.observed("web10", "web10:5986", web10, plan.host("web10").orElseThrow())
            .afterRollout(web10After, planner.planHost(Reports.DESIRED, "web10", web10After),
                RolloutResult.applied(Reports.CHANGED_AT, web10Steps))),
        List.of(), List.of());
    FarmReport audit = new FarmReport(5, EffectiveMode.AUDIT, true, Reports.CHECKED_AT, List.of(
        HostReport.observed("web6", "web6:5986", web6, plan.host("web6").orElseThrow()),
        HostReport.observed("web10", "web10:5986", web10, plan.host("web10").orElseThrow())), List.of(), List.of());

    List<String> scanned = new ArrayList<>();
    try (RealApi api = new RealApi()) {
      IisFarm farm = api.createFarm("farm");
      StatusBuilder builder = new StatusBuilder(Clock.fixed(Instant.parse("2024-05-01T10:00:40Z"), ZoneOffset.UTC));
      EventRecorder events = new EventRecorder(api.client, Clock.systemUTC());
      StatusRecorder recorder = new StatusRecorder(api.client);

      for (FarmReport r : List.of(audit, report)) {
        IisFarmStatus status = builder.build(r, farm.getStatus());
        events.record(farm, r);
        recorder.record(farm, status);
        farm = api.get("farm");
        scanned.add(api.client.getKubernetesSerialization().asJson(status));
        status.getConditions().stream().map(Condition::toString).forEach(scanned::add);
        status.getHosts().forEach(h -> scanned.add(h.toString()));
        scanned.add(r.toString());
        assertThat(status.getConditions()).isNotEmpty();
      }
      scanned.add(plan.toString());
      web10Steps.forEach(s -> {
        scanned.add(s.toString());
        scanned.add(s.describe());
      });
      List<Event> stored = api.client.v1().events().inNamespace(api.namespace).list().getItems();
      assertThat(stored).extracting(Event::getReason).contains("DriftCorrected", "DriftDetected");
      stored.forEach(e -> {
        scanned.add(e.toString());
        scanned.add(api.client.getKubernetesSerialization().asJson(e));
      });
      scanned.add(api.client.getKubernetesSerialization().asJson(farm));

      List<String> requests = api.requests.sent();
      scanned.addAll(requests);
      assertThat(requests).hasSizeGreaterThan(5);
    }
    // the scan itself finds a leaked piece in any case
    assertThatThrownBy(() -> assertNoKeyIn("probe", "x" + Hosts.OLD_DECRYPTION_KEY.toLowerCase(Locale.ROOT).substring(3, 23)))
        .isInstanceOf(AssertionError.class);
    String all = String.join("\n", scanned);
    assertThat(all).contains(farmKey().fingerprint(), oldKey().fingerprint(), "sql01");
    for (int i = 0; i < scanned.size(); i++) {
      assertNoKeyIn("scanned text #" + i, scanned.get(i));
    }
  }
}
