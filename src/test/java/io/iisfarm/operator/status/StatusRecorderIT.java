package io.iisfarm.operator.status;

import static io.iisfarm.operator.status.Reports.farm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.status.HostFailure.Kind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The status recorder against fabric8's mock API server in CRUD mode. */
class StatusRecorderIT {
  private static final String STATUS_PATH = "/apis/iisfarm.io/v1alpha1/namespaces/shop/iisfarms/farm/status";

  private MockApi api;
  private StatusRecorder recorder;
  private final StatusBuilder builder = new StatusBuilder(Clock.fixed(Instant.parse("2024-05-01T10:00:09Z"), ZoneOffset.UTC));

  @BeforeEach
  void start() {
    api = new MockApi();
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
    assertThat(api.server.getLastRequest().getMethod()).isEqualTo("PATCH");
    assertThat(api.server.getLastRequest().getPath()).isEqualTo(STATUS_PATH);
    assertThat(api.server.getLastRequest().getHeader("Content-Type")).startsWith("application/json-patch+json");

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
    int requests = api.server.getRequestCount();

    IisFarmStatus again = new StatusBuilder(Clock.fixed(Instant.parse("2024-05-01T10:05:00Z"), ZoneOffset.UTC))
        .build(auditWithDrift(), stored.getStatus());

    assertThat(recorder.record(stored, again)).isFalse();
    assertThat(api.server.getRequestCount()).isEqualTo(requests);
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
    api.server.expect().patch().withPath(STATUS_PATH).andReturn(500, "etcd unavailable").once();

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

  /**
   * Why the recorder does not use a JSON merge patch: the mock server appends list entries on a merge patch
   * (RFC 7386 and the API server replace lists), so conditions would pile up in tests and in the demo.
   */
  @Test
  void mockServerMergePatchAppendsListsWhichIsWhyTheRecorderUsesJsonPatch() {
    IisFarm created = api.createFarm("farm");
    IisFarmStatus status = builder.build(farm().host("web1", Reports.converged()).build(), null);
    recorder.record(created, status);
    api.client.resources(IisFarm.class).inNamespace(MockApi.NAMESPACE).withName("farm").subresource("status")
        .patch(io.fabric8.kubernetes.client.dsl.base.PatchContext.of(io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
            "{\"status\":" + api.client.getKubernetesSerialization().asJson(status) + "}");
    assertThat(api.get("farm").getStatus().getConditions()).hasSize(12);
  }
}
