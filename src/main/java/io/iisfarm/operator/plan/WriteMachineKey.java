package io.iisfarm.operator.plan;

import io.iisfarm.operator.model.ConfigLocation;
import io.iisfarm.operator.model.MachineKeySetting;
import java.util.List;
import java.util.Objects;

/**
 * Write the farm's machineKey into one config file. The write recycles AppDomains but stops no site.
 * {@code toString()} and {@link #describe()} show fingerprints only.
 *
 * @param path the file's full path as the host reported it
 * @param currentFingerprint fingerprint of what the file holds now, {@value KeyFileCheck#ABSENT} when it holds none
 * @param machineKey the setting to write
 */
public record WriteMachineKey(ConfigLocation location, String path, String currentFingerprint,
    MachineKeySetting machineKey) implements Step {

  public WriteMachineKey {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(machineKey, "machineKey");
  }

  @Override
  public String action() { return "WriteMachineKey"; }

  @Override
  public String describe() {
    return "write machineKey " + machineKey.fingerprint() + " into " + location.label() + " (holds "
        + currentFingerprint + ")";
  }

  @Override
  public List<String> stops() { return List.of(); }
}
