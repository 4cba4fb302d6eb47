package io.iisfarm.operator.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Makes the emulated Windows host of one farm-file entry, from its Windows keys. */
@FunctionalInterface
public interface HostBackendFactory {
  /**
   * @param windowsKeys the host's YAML node without the keys the farm itself reads
   *     ({@code winrm}, {@code faults}, {@code drift})
   */
  HostBackend create(ObjectNode windowsKeys);
}
