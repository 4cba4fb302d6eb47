package io.iisfarm.operator.reconciler;

import static io.iisfarm.operator.reconciler.OperatorHarness.FARM;
import static io.iisfarm.operator.reconciler.OperatorHarness.await;
import static io.iisfarm.operator.reconciler.OperatorHarness.condition;
import static io.iisfarm.operator.reconciler.OperatorHarness.options;
import static io.iisfarm.operator.reconciler.OperatorHarness.reconcilesStarted;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.cli.OperatorRuntime;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.testing.RealApiServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two operators share one Lease on the real API server: only the leader reads and changes hosts. A leader that
 * is stopped mid-rollout finishes the host step under way and hands the Lease over; the standby finishes the
 * rollout, never with more hosts disrupted than maxUnavailable. A leader whose Lease is taken stops.
 */
@RealApiServer
class LeaderElectionIT {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderElectionIT.class);
  private static final String LEASE = "iis-farm-operator-leader";
  /** Added to every WinRM answer, so that one host step takes seconds and the stop lands inside the rollout. */
  private static final Duration LATENCY = Duration.ofMillis(40);
  private static final Duration LONG = Duration.ofSeconds(180);

  @Test
  void onlyTheLeaderActsAndTheStandbyFinishesTheRolloutTheStoppedLeaderBegan() {
    try (OperatorHarness h = OperatorHarness.sample("60s").withSecrets()) {
      h.sim.hosts().forEach(host -> host.faults().latency(LATENCY));
      RecordingProgress leaderLog = new RecordingProgress();
      RecordingProgress standbyLog = new RecordingProgress();
      OperatorRuntime leader = h.startOperator(options(null, LEASE, "operator-a"), leaderLog);
      await("operator-a holds the Lease", LONG, () -> h.leaseHolder(LEASE).filter("operator-a"::equals).isPresent());
      OperatorRuntime standby = h.startOperator(options(null, LEASE, "operator-b"), standbyLog);
      h.create(h.manifests.farm());

      // one host done and the next one half-way: its step has begun but is not verified yet
      await("the leader changed one host and began the next", LONG, () -> leaderLog.verifiedHosts().size() == 1
          && leaderLog.acted().stream().anyMatch(a -> !leaderLog.verifiedHosts().contains(a.host())));
      assertThat(standbyLog.observed()).as("the standby read no host").isEmpty();
      assertThat(reconcilesStarted(standby)).as("the standby ran no reconcile").isZero();
      assertThat(reconcilesStarted(leader)).isPositive();

      long stopping = System.nanoTime();
      leader.close();
      long stopped = System.nanoTime();
      assertThat(h.sim.disruptedHostsNow()).as("the stopped leader finished the step under way").isZero();
      assertThat(h.farm(FARM).orElseThrow().getStatus().getInFlight()).isNullOrEmpty();
      List<String> doneByLeader = leaderLog.verifiedHosts();
      assertThat(doneByLeader).hasSize(2);

      IisFarmStatus status = h.awaitStatus(FARM, LONG, condition("Ready", "True", null));
      assertThat(status.getInSync()).isEqualTo("4/4");
      assertThat(leaderLog.eventsSince(stopped)).as("the stopped leader did nothing more").isZero();
      assertThat(standbyLog.observed()).allMatch(o -> o.nanos() > stopping);
      Set<String> changed = new HashSet<>(doneByLeader);
      assertThat(standbyLog.verifiedHosts()).as("the standby changed only what the leader had not").isNotEmpty()
          .doesNotContainAnyElementsOf(doneByLeader).allMatch(changed::add);
      assertThat(changed).containsExactlyInAnyOrder("web01", "web02", "web03", "web04");
      String farmKey = farmKey(h);
      for (SimulatedHost host : h.sim.hosts()) {
        FarmConvergenceIT.assertSitesRight(host);
        FarmFiles.configs(host).forEach((path, bytes) -> {
          if (path.endsWith("machine.config")) {
            assertThat(FarmFiles.validationKey(bytes)).as("%s %s key", host.name(), path).isEqualTo(farmKey);
          }
        });
      }
      assertThat(h.sim.maxDisruptedHosts()).as("hosts disrupted at once, across both operators").isLessThanOrEqualTo(1);
      Lease lease = h.lease(LEASE).orElseThrow();
      assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("operator-b");
      assertThat(lease.getSpec().getLeaseTransitions()).isGreaterThanOrEqualTo(1);
      long firstRead = standbyLog.observed().get(0).nanos();
      LOG.info(String.format("failover: leader stop took %d ms; standby read its first host %d ms after the stop"
          + " returned", (stopped - stopping) / 1_000_000, (firstRead - stopped) / 1_000_000));
      h.assertNoSecretsLeaked();
    }
  }

  @Test
  void aLeaderWhoseLeaseIsTakenStopsReadingAndChangingHosts() {
    try (OperatorHarness h = OperatorHarness.sample("5s").withSecrets()) {
      RecordingProgress log = new RecordingProgress();
      OperatorRuntime leader = h.startOperator(options(null, LEASE, "operator-a"), log);
      await("operator-a holds the Lease", LONG, () -> h.leaseHolder(LEASE).filter("operator-a"::equals).isPresent());
      h.create(h.manifests.farm());
      h.awaitStatus(FARM, LONG, condition("Ready", "True", null));

      // as when this operator could not renew in time and a standby took over: an update of the version read,
      // read again when the leader's renewal came first
      await("another holder took the Lease", LONG, () -> {
        Lease lease = h.lease(LEASE).orElseThrow();
        lease.getSpec().setHolderIdentity("operator-elsewhere");
        lease.getSpec().setRenewTime(ZonedDateTime.now(ZoneOffset.UTC));
        lease.getSpec().setLeaseDurationSeconds(300);
        try {
          h.client.resource(lease).update();
          return true;
        } catch (KubernetesClientException e) {
          if (e.getCode() == 409) {
            return false;
          }
          throw e;
        }
      });

      await("the leader stopped", Duration.ofSeconds(60), () -> !leader.operator().getRuntimeInfo().isStarted());
      long stopped = System.nanoTime();
      // a resync would have read the farm's hosts again within 5 s
      OperatorHarness.sleep(8_000);
      assertThat(log.eventsSince(stopped)).isZero();
      assertThat(h.leaseHolder(LEASE)).contains("operator-elsewhere");
      assertThat(h.logs.text()).contains("lost the Lease " + LEASE + " as operator-a");
    }
  }

  private static String farmKey(OperatorHarness h) {
    String encoded = h.client.secrets().inNamespace(OperatorHarness.NAMESPACE).withName(h.manifests.keySecretName())
        .get().getData().get("validationKey");
    return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
  }
}
