package io.iisfarm.operator.status;

import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmStatus;

/**
 * Where an IisFarm's status goes: the status subresource ({@link StatusRecorder}), or, in the reconciler's unit
 * tests, memory.
 */
@FunctionalInterface
public interface StatusWriter {

  /**
   * Writes {@code status} for {@code farm} unless the farm already has it.
   *
   * @param farm the IisFarm as last read (its status is compared with {@code status})
   * @return true when the status was written
   */
  boolean record(IisFarm farm, IisFarmStatus status);

  /**
   * The farm's status as the operator last left it: {@code farm}'s own, unless this writer has since written a
   * newer one that the informer's cache has not caught up with.
   */
  default IisFarmStatus latest(IisFarm farm) {
    return farm.getStatus();
  }
}
