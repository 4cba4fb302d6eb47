package io.iisfarm.operator.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A farm of IIS hosts whose site IDs and machineKeys must agree.
 *
 * <p>kubectl shows NAME, READY, IN SYNC, MODE, AGE: the printer columns in the order declared here (the build's
 * src/build/CrdFinish.java restores it; the generator sorts by JSON path). Mode reads the effective mode from
 * status: Enforce, Audit or Suspended.
 */
@Group(IisFarm.GROUP)
@Version(IisFarm.VERSION)
@Kind("IisFarm")
@Plural("iisfarms")
@Singular("iisfarm")
@ShortNames("iisf")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "In Sync", jsonPath = ".status.inSync",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Mode", jsonPath = ".status.mode",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class IisFarm extends CustomResource<IisFarmSpec, IisFarmStatus> implements Namespaced {
  public static final String GROUP = "iisfarm.io";
  public static final String VERSION = "v1alpha1";
  /**
   * Annotation whose value, a reason, lets host changes start outside {@code spec.rollout.windows} until every
   * host is in sync (then the windows hold again until the reason changes).
   */
  public static final String EMERGENCY_ROLLOUT_ANNOTATION = "iisfarm.io/emergency-rollout";
}
