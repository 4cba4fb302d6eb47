package io.iisfarm.operator.model;

import io.iisfarm.operator.api.ClrRuntime;

/** One machine-level config file: runtime, bitness and kind, e.g. v4.0 / 64 / machine.config. */
public record ConfigLocation(ClrRuntime runtime, Bitness bitness, ConfigKind kind) {

  /** Runtime folder under Framework or Framework64. */
  public static String runtimeFolder(ClrRuntime runtime) {
    return switch (runtime) {
      case V2_0 -> "v2.0.50727";
      case V4_0 -> "v4.0.30319";
    };
  }

  /** Path relative to %windir%, e.g. {@code Microsoft.NET\Framework64\v4.0.30319\CONFIG\machine.config}. */
  public String relativePath() {
    return "Microsoft.NET\\" + bitness.folder() + "\\" + runtimeFolder(runtime) + "\\CONFIG\\" + kind.fileName();
  }

  /** Short label for status and messages, e.g. {@code v4.0/64 machine.config}. */
  public String label() {
    return runtime.wireName() + "/" + bitness.bits() + " " + kind.fileName();
  }
}
