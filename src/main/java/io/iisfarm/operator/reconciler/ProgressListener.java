package io.iisfarm.operator.reconciler;

import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.observe.HostRead;
import io.iisfarm.operator.plan.HostPlan;
import io.iisfarm.operator.rollout.RolloutListener;

/** Progress of reconciles, per host: logged by {@code run}, printed by {@code demo}. */
public interface ProgressListener {

  default void observed(IisFarm farm, HostRead read) {}

  default void planned(IisFarm farm, HostPlan plan) {}

  default RolloutListener rollout(IisFarm farm) { return RolloutListener.NONE; }

  ProgressListener NONE = new ProgressListener() {};
}
