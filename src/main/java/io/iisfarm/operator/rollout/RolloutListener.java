package io.iisfarm.operator.rollout;

import io.iisfarm.operator.host.BackupId;
import io.iisfarm.operator.plan.Step;

/** Progress of a rollout, host by host: logged by the operator, printed by the demo. */
public interface RolloutListener {

  default void backedUp(String host, BackupId id) {}

  default void applied(String host, Step step) {}

  default void verified(String host) {}

  default void rolledBack(String host, String why) {}

  default void failed(String host, String why) {}

  RolloutListener NONE = new RolloutListener() {};
}
