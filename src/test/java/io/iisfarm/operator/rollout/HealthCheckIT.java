package io.iisfarm.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.plan.Hosts;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.simulator.windows.DriftAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each changed host's sites are asked over HTTP, on the host itself, before it goes back into NLB: a change that
 * breaks a site is caught, rolled back from the backup, the host goes back as it was, and the next host is not
 * touched.
 */
class HealthCheckIT {

  @Test
  void aChangeThatBreaksASiteIsRolledBackAndTheNextHostIsNotTouched() {
    try (RolloutWorld w = RolloutWorld.nlbFarm()) {
      SimulatedHost web19 = w.host("web19");
      SimulatedHost web06 = w.host("web06");
      // this host's applications cannot load a configuration that holds the farm key
      web19.windows().aspNetConfigurationFault(Hosts.FARM_VALIDATION_KEY);
      String machineConfig = web19.windows().configPath("v4.0", 64, false);
      byte[] before = web19.windows().readFile(machineConfig).orElseThrow();

      Map<String, HostOutcome> outcomes = w.run(RolloutWorld.settings(RolloutWorld.nlb(), RolloutWorld.health(
          RolloutWorld.check("Shop", "shop.example.com"), RolloutWorld.check("Api", "api.example.com")), null),
          "web19", "web06");

      RolloutResult result = outcomes.get("web19").result();
      assertThat(result.rolledBack()).isTrue();
      assertThat(result.cause()).isEqualTo(RolloutResult.Cause.HEALTH_CHECK);
      assertThat(result.failure()).isEqualTo("health check failed after the change: site Shop: GET http://127.0.0.1:"
          + web19.httpPorts().get(80) + "/health (Host: shop.example.com) answered 500 Internal Server Error");
      assertThat(web19.windows().readFile(machineConfig).orElseThrow()).isEqualTo(before);
      assertThat(new String(before, StandardCharsets.ISO_8859_1)).doesNotContain(Hosts.FARM_VALIDATION_KEY);
      assertThat(web19.windows().answerHttp(80, "shop.example.com").status()).isEqualTo(200);
      assertThat(web19.windows().site("Shop").orElseThrow().id()).isEqualTo(5);
      // restored from its backup, the host went back into NLB
      assertThat(web19.windows().nlbState()).contains("Converged");
      w.events.assertInOrder("web19", "phase Health",
          "health Shop unhealthy site Shop: GET http://127.0.0.1:" + web19.httpPorts().get(80)
              + "/health (Host: shop.example.com) answered 500 Internal Server Error",
          "rolledBack health check failed after the change: site Shop", "phase Restore", "restored nlb");
      assertThat(w.ledger.current).isEmpty();
      assertThat(outcomes).doesNotContainKey("web06");
      assertThat(web06.journal().commandLines()).noneMatch(l -> l.contains("nlb.exe"));
      assertThat(web06.journal().changes()).isEmpty();
    }
  }

  @Test
  void healthySitesAnsweringAfterTheChangeLetTheRolloutGoOn() {
    try (RolloutWorld w = RolloutWorld.nlbFarm()) {
      Map<String, HostOutcome> outcomes = w.run(RolloutWorld.settings(RolloutWorld.nlb(), RolloutWorld.health(
          RolloutWorld.check("Shop", "shop.example.com"), RolloutWorld.check("Api", "api.example.com")), null),
          "web19", "web06");

      assertThat(outcomes.values()).allMatch(o -> o.result().succeeded());
      for (String host : new String[] {"web19", "web06"}) {
        w.events.assertInOrder(host, "phase Verify", "phase Health",
            "health Shop healthy site Shop: GET http://127.0.0.1:" + w.host(host).httpPorts().get(80)
                + "/health (Host: shop.example.com) answered 200 OK", "health Api healthy", "phase Restore");
      }
    }
  }

  @Test
  void aSiteAlreadyDownBeforeTheChangeDoesNotHoldItBack() {
    try (RolloutWorld w = RolloutWorld.nlbFarm()) {
      SimulatedHost web19 = w.host("web19");
      web19.windows().applyDrift(DriftAction.fromYaml("{kind: siteState, site: Api, state: Stopped}"));

      Map<String, HostOutcome> outcomes = w.run(RolloutWorld.settings(null, RolloutWorld.health(
          RolloutWorld.check("Shop", "shop.example.com"), RolloutWorld.check("Api", "api.example.com")), null),
          "web19");

      assertThat(outcomes.get("web19").result().succeeded()).isTrue();
      assertThat(web19.windows().site("Shop").orElseThrow().id()).isEqualTo(2);
      assertThat(w.events.of("web19")).contains("health Api unhealthy before site Api: GET http://127.0.0.1:"
          + web19.httpPorts().get(80) + "/health (Host: api.example.com) answered 404 Not Found");
      // after the change only the site that answered before is asked
      List<String> afterChange = w.events.of("web19").subList(w.events.of("web19").indexOf("phase Health"),
          w.events.of("web19").size());
      assertThat(afterChange).anyMatch(l -> l.startsWith("health Shop healthy site Shop"))
          .noneMatch(l -> l.startsWith("health Api"));
    }
  }
}
