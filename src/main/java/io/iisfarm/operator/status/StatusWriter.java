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
}
