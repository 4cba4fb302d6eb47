package io.iisfarm.operator.reconciler;

import static io.iisfarm.operator.reconciler.OperatorHarness.NAMESPACE;
import static io.iisfarm.operator.reconciler.OperatorHarness.condition;
import static io.iisfarm.operator.reconciler.OperatorHarness.options;
import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.cli.demo.SimulatedFarmManifests;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.testing.RealApiServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two operators share an estate by label selector, as two Helm releases with labelSelector shard=a and
 * shard=b would: each reconciles only the IisFarms with its label, each under its own Lease, and a farm with
 * neither label is left alone.
 */
@RealApiServer
class ShardingIT {
  private static final Duration LONG = Duration.ofSeconds(180);

  @Test
  void eachFarmIsReconciledByTheOperatorOfItsShardOnly() {
    SimulatedFarm sim = SimulatedFarm.fromYaml(Iis10FarmFiles.hosts("node", 5, 5));
    try (OperatorHarness h = OperatorHarness.of(sim, "60s")) {
      List<SimulatedHost> hosts = sim.hosts();
      h.create(SimulatedFarmManifests.of(sim, hosts.subList(0, 2), NAMESPACE, "shop", "60s"), Map.of("shard", "a"));
      h.create(SimulatedFarmManifests.of(sim, hosts.subList(2, 4), NAMESPACE, "blog", "60s"), Map.of("shard", "b"));
      h.create(SimulatedFarmManifests.of(sim, hosts.subList(4, 5), NAMESPACE, "spare", "60s"), Map.of("team", "x"));
      RecordingProgress shardA = new RecordingProgress();
      RecordingProgress shardB = new RecordingProgress();
      h.startOperator(options("shard=a", "iis-farm-operator-a", "shard-a"), shardA);
      h.startOperator(options("shard=b", "iis-farm-operator-b", "shard-b"), shardB);

      IisFarmStatus shop = h.awaitStatus("shop", LONG, condition("Ready", "True", null));
      IisFarmStatus blog = h.awaitStatus("blog", LONG, condition("Ready", "True", null));

      assertThat(shop.getInSync()).isEqualTo("2/2");
      assertThat(blog.getInSync()).isEqualTo("2/2");
      assertThat(shardA.farmsObserved()).containsExactly("web/shop");
      assertThat(shardB.farmsObserved()).containsExactly("web/blog");
      assertThat(shardA.verifiedHosts()).containsExactlyInAnyOrder("node01", "node02");
      assertThat(shardB.verifiedHosts()).containsExactlyInAnyOrder("node03", "node04");
      hosts.subList(0, 4).forEach(FarmConvergenceIT::assertSitesRight);
      assertThat(h.farm("spare").orElseThrow().getStatus()).as("no shard reconciles an unlabelled farm").isNull();
      assertThat(sim.host("node05").journal().entries()).as("nobody read node05").isEmpty();
      assertThat(h.leaseHolder("iis-farm-operator-a")).contains("shard-a");
      assertThat(h.leaseHolder("iis-farm-operator-b")).contains("shard-b");
      h.assertNoSecretsLeaked();
    }
  }
}
