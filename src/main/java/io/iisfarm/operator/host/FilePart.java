package io.iisfarm.operator.host;

import io.iisfarm.operator.winrm.ReadIncompleteException;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A file read through certutil (see {@link Cmd#printFileBase64}): its part says {@code @absent}, or carries
 * certutil's exit code and then the base64 of the file. Anything else is an incomplete read: a certutil that
 * failed (access denied, blocked by application control or anti-malware) must never pass for a missing file.
 */
final class FilePart {
  /**
   * Exit codes of a certutil that Windows kept from starting: ERROR_ACCESS_DISABLED_BY_POLICY (1260, AppLocker
   * or a software restriction policy), ERROR_SYSTEM_INTEGRITY_POLICY_VIOLATION (4551, Windows Defender
   * Application Control) and ERROR_VIRUS_INFECTED (225, anti-malware); Microsoft Learn, "System Error Codes".
   */
  static final Set<Integer> BLOCKED = Set.of(1260, 4551, 225);
  /** HRESULT_FROM_WIN32(ERROR_ACCESS_DENIED), which certutil exits with when it may not read the file. */
  static final int ACCESS_DENIED = 0x80070005;

  private FilePart() {}

  /**
   * The file's exact bytes, or null when the part says the file does not exist.
   *
   * @throws ReadIncompleteException when certutil failed or was blocked, or the part was cut short
   */
  static byte[] read(String host, Sections.Part part, String path) {
    if (part.has("absent")) {
      return null;
    }
    OptionalInt code = part.exitCode("certutil");
    if (code.isEmpty()) {
      throw new ReadIncompleteException(host, part.name(), null, false, "the read of " + path
          + " was cut short (no certutil exit code): nothing is decided on this read");
    }
    int rc = code.getAsInt();
    if (rc != 0) {
      throw failed(host, part.name(), path, rc);
    }
    return HostReadCommand.parsePart(host, part.name(), () -> CertutilBase64.decode(part.text()));
  }

  static ReadIncompleteException failed(String host, String part, String path, int rc) {
    if (BLOCKED.contains(rc)) {
      return new ReadIncompleteException(host, part, rc, true, "certutil was blocked from running (exit code "
          + rc + ", " + blockedBy(rc) + ") while reading " + path + ": allow-list the operator's certutil"
          + " -encode/-decode commands (docs/host-commands.md, \"Endpoint protection\"); nothing is changed on"
          + " this host until it reads completely");
    }
    String what = rc == ACCESS_DENIED ? "access denied (0x80070005): the WinRM user must be able to read it"
        : "exit code " + rc + " (0x" + Integer.toHexString(rc).toUpperCase(Locale.ROOT) + ")";
    return new ReadIncompleteException(host, part, rc, false, "certutil could not read " + path + ": " + what
        + "; nothing is changed on this host until it reads completely");
  }

  private static String blockedBy(int rc) {
    return switch (rc) {
      case 1260 -> "AppLocker or a software restriction policy";
      case 4551 -> "Windows Defender Application Control";
      default -> "anti-malware";
    };
  }
}
