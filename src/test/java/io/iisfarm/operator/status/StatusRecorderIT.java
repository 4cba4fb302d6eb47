package io.iisfarm.operator.status;

import static io.iisfarm.operator.status.Reports.farm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.status.HostFailure.Kind;
import io.iisfarm.operator.testing.RealApiServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The status recorder against the real API server: server-side apply on the status subresource. */
@RealApiServer
class StatusRecorderIT {
  private RealApi api;
  private StatusRecorder recorder;
  private final StatusBuilder builder = new StatusBuilder(Clock.fixed(Instant.parse("2024-05-01T10:00:09Z"), ZoneOffset.UTC));

  @BeforeEach
  void start() {
    api = new RealApi();
    recorder = new StatusRecorder(api.client);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private FarmReport auditWithDrift() {
    return farm().mode(EffectiveMode.AUDIT).host("web1", Reports.swapped())
        .failed("web2", Kind.UNREACHABLE, "connection refused").build();
  }

  @Test
  void patchesTheStatusSubresourceAndLeavesTheSpecAlone() throws InterruptedException {
    IisFarm created = api.createFarm("farm");
    IisFarmStatus status = builder.build(auditWithDrift(), created.getStatus());

    assertThat(recorder.record(created, status)).isTrue();
    assertThat(api.requests.last().method()).isEqualTo("PATCH");
    assertThat(api.requests.last().uri().getPath())
        .isEqualTo("/apis/iisfarm.io/v1alpha1/namespaces/" + api.namespace + "/iisfarms/farm/status");
    assertThat(api.requests.last().uri().getQuery()).contains("fieldManager=iis-farm-operator", "force=true");
    assertThat(api.get("farm").getMetadata().getManagedFields()).anySatisfy(m -> {
      assertThat(m.getManager()).isEqualTo(StatusRecorder.FIELD_MANAGER);
      assertThat(m.getOperation()).isEqualTo("Apply");
      assertThat(m.getSubresource()).isEqualTo("status");
    });

    IisFarm stored = api.get("farm");
    assertThat(stored.getStatus()).isEqualTo(status);
    assertThat(stored.getStatus().getPlannedSteps()).hasSize(3);
    assertThat(api.client.getKubernetesSerialization().asJson(stored.getSpec()))
        .isEqualTo(api.client.getKubernetesSerialization().asJson(created.getSpec()));
  }

  @Test
  void identicalInputsOnTheNextReconcileSendNoPatch() {
    IisFarm created = api.createFarm("farm");
    recorder.record(created, builder.build(auditWithDrift(), created.getStatus()));
    IisFarm stored = api.get("farm");
    int requests = api.requests.requests();

    IisFarmStatus again = new StatusBuilder(Clock.fixed(Instant.parse("2024-05-01T10:05:00Z"), ZoneOffset.UTC))
        .build(auditWithDrift(), stored.getStatus());

    assertThat(recorder.record(stored, again)).isFalse();
    assertThat(api.requests.requests()).isEqualTo(requests);
  }

  @Test
  void fieldsLeftOutOfTheNewStatusAreRemoved() {
    IisFarm created = api.createFarm("farm");
    recorder.record(created, builder.build(auditWithDrift(), null));
    IisFarm audited = api.get("farm");
    assertThat(audited.getStatus().getPlannedSteps()).isNotEmpty();

    IisFarmStatus enforce = builder.build(farm().host("web1", Reports.converged()).host("web2", Reports.converged()).build(),
        audited.getStatus());
    assertThat(recorder.record(audited, enforce)).isTrue();

    IisFarm stored = api.get("farm");
    assertThat(stored.getStatus().getPlannedSteps()).isNull();
    assertThat(stored.getStatus().getMode()).isEqualTo("Enforce");
    assertThat(api.client.getKubernetesSerialization().asJson(stored.getStatus()))
        .isEqualTo(api.client.getKubernetesSerialization().asJson(enforce));
    assertThat(stored.getStatus()).isEqualTo(enforce);
  }

  @Test
  void serverErrorSurfacesAsAnExceptionAndTheRetrySucceeds() {
    IisFarm created = api.createFarm("farm");
    IisFarmStatus status = builder.build(auditWithDrift(), null);
    java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
    api.requests.set(r -> "PATCH".equals(r.method()) && failed.compareAndSet(false, true) ? 500 : null);

    assertThatThrownBy(() -> recorder.record(created, status)).isInstanceOfSatisfying(KubernetesClientException.class,
        e -> assertThat(e.getCode()).isEqualTo(500));
    assertThat(api.get("farm").getStatus()).isNull();

    assertThat(recorder.record(created, status)).isTrue();
    assertThat(api.get("farm").getStatus()).isEqualTo(status);
  }

  @Test
  void aStatusThatShrinksLosesItsOldListEntries() {
    IisFarm created = api.createFarm("farm");
    recorder.record(created, builder.build(farm().host("web1", Reports.swapped()).host("web2", Reports.converged())
        .host("web3", Reports.converged()).build(), null));
    IisFarm three = api.get("farm");
    IisFarmStatus one = builder.build(farm().host("web1", Reports.converged()).build(), three.getStatus());

    assertThat(recorder.record(three, one)).isTrue();
    assertThat(api.get("farm").getStatus().getHosts()).hasSize(1);
    assertThat(api.get("farm").getStatus().getConditions()).hasSize(6);
  }

}
