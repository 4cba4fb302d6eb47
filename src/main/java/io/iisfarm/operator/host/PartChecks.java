package io.iisfarm.operator.host;

import io.iisfarm.operator.winrm.ReadIncompleteException;
import java.util.List;
import java.util.OptionalInt;

/**
 * The checks that make an incomplete read fail instead of looking empty: each program of the read echoes its
 * exit code into its part, and a part whose program failed, or that lacks the code, names itself in a
 * {@link ReadIncompleteException}. Messages name what failed and what to do, never the output.
 */
final class PartChecks {
  private PartChecks() {}

  /** The part's {@code program} reported exit code 0. */
  static void requireSuccess(String host, Sections.Part part, String program, String what) {
    OptionalInt code = part.exitCode(program);
    if (code.isEmpty()) {
      throw new ReadIncompleteException(host, part.name(), null, false, what + " reported no exit code: the read"
          + " was cut short; nothing is decided on it");
    }
    if (code.getAsInt() != 0) {
      throw new ReadIncompleteException(host, part.name(), code.getAsInt(), false, what + " failed with exit code "
          + code.getAsInt() + "; nothing is changed on this host until it reads completely");
    }
  }

  /**
   * The metabase keys adsutil printed, from a walk that ended well: cscript exited 0 and the dump holds keys
   * below W3SVC (it always does: AppPools, Filters and Info exist on every IIS6 host).
   */
  static List<AdsutilOutput.Key> metabase(String host, Sections.Part part) {
    OptionalInt code = part.exitCode("cscript");
    List<AdsutilOutput.Key> keys = AdsutilOutput.parse(part.text());
    if (code.isEmpty()) {
      throw new ReadIncompleteException(host, part.name(), null, false, "adsutil.vbs reported no exit code: the"
          + " metabase read was cut short; nothing is decided on it");
    }
    if (code.getAsInt() != 0) {
      String how = keys.isEmpty()
          ? "cscript could not run adsutil.vbs (exit code " + code.getAsInt() + "): check that Windows Script Host"
              + " is enabled (HKLM\\Software\\Microsoft\\Windows Script Host\\Settings, Enabled) and that"
              + " application control allows cscript.exe"
          : "adsutil.vbs stopped with exit code " + code.getAsInt() + " after " + keys.size()
              + " metabase keys: a key it could not read (check the metabase and the WinRM user's rights)";
      throw new ReadIncompleteException(host, part.name(), code.getAsInt(), false, how
          + "; nothing is changed on this host until it reads completely");
    }
    if (keys.stream().noneMatch(k -> k.path().regionMatches(true, 0, "/W3SVC/", 0, 7))) {
      throw new ReadIncompleteException(host, part.name(), 0, false, "adsutil.vbs printed no metabase key below"
          + " W3SVC (Windows Script Host disabled or the script replaced?); nothing is decided on this read");
    }
    return keys;
  }

  /** IIS 6.0 is there (its MetaBase.xml exists) but the admin scripts the operator needs are not. */
  static ReadIncompleteException adminScriptsMissing(String host) {
    return new ReadIncompleteException(host, HostReadCommand.METABASE, null, false, "IIS 6.0 is installed (MetaBase.xml"
        + " exists) but " + Cmd.ADSUTIL + " is missing: the IIS admin scripts were removed; restore"
        + " Inetpub\\AdminScripts (from the IIS 6.0 installation) so that the operator can read and change sites");
  }
}
