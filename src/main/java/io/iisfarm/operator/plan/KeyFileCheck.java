package io.iisfarm.operator.plan;

import io.iisfarm.operator.model.ConfigLocation;

/**
 * The machineKey of one machine-level config file, for the status table. Fingerprints only.
 *
 * @param fingerprint {@code MachineKeySetting.fingerprint()}, {@code AutoGenerate}, {@value #ABSENT},
 *     {@value #ENCRYPTED} or {@value #UNREADABLE}
 * @param managed whether the farm's key is kept in this file
 * @param inSync for managed files, whether the file holds the farm's key; null for files not managed and for
 *     encrypted ones (unknown)
 */
public record KeyFileCheck(
    ConfigLocation location,
    String path,
    String fingerprint,
    String validation,
    String decryption,
    boolean managed,
    Boolean inSync) {

  /** Shown when a file holds no {@code <machineKey>} element. */
  public static final String ABSENT = "absent";
  /** Shown when a file's {@code <machineKey>} is encrypted (protected configuration): its key is unknown. */
  public static final String ENCRYPTED = "encrypted";
  /** Shown when a file holds several machine-level {@code <machineKey>} elements, which ASP.NET rejects. */
  public static final String UNREADABLE = "duplicated";
}
