package io.iisfarm.operator.simulator.windows;

import java.util.List;
import java.util.Locale;

/**
 * {@code cscript.exe [//nologo] script.vbs args} (Microsoft Learn, "cscript"): prints the Windows
 * Script Host banner unless {@code //nologo}, reports {@code Input Error: Can not find script file "X".}
 * with exit code 1 for a missing script, and runs the emulated IIS6 admin scripts adsutil.vbs and
 * iisback.vbs. Any other script is not emulated.
 */
final class CscriptHost {
  /** A script run: the program call, the script's full path and its WScript.Arguments. */
  record Script(Programs.Call call, String path, List<String> args) {}

  private CscriptHost() {}

  static int run(Programs.Call call) {
    List<String> argv = call.argv();
    boolean logo = true;
    int i = 0;
    while (i < argv.size() && argv.get(i).startsWith("//")) {
      switch (argv.get(i).toLowerCase(Locale.ROOT)) {
        case "//nologo" -> logo = false;
        case "//logo" -> logo = true;
        default -> throw new NotEmulatedException(call.commandText());
      }
      i++;
    }
    if (i >= argv.size()) {
      throw new NotEmulatedException(call.commandText());
    }
    OsVersion os = call.host().os;
    if (!call.host().options().scriptHostEnabled()) {
      // the Enabled value 0 under HKLM\Software\Microsoft\Windows Script Host\Settings; the exit code is not
      // documented
      call.io().err().println("Windows Script Host access is disabled on this machine. Contact your administrator"
          + " for details.");
      return 1;
    }
    call.host().scriptStarted();
    if (logo) {
      call.io().out().println("Microsoft (R) Windows Script Host Version " + os.scriptHostVersion());
      call.io().out().println(os == OsVersion.SERVER2003
          ? "Copyright (C) Microsoft Corporation 1996-2001. All rights reserved."
          : "Copyright (C) Microsoft Corporation. All rights reserved.");
      call.io().out().println("");
    }
    CmdSession s = call.session();
    String path = s.fullPath(argv.get(i));
    if (!s.fs().isFile(path)) {
      call.io().err().println("Input Error: Can not find script file \"" + path + "\".");
      return 1;
    }
    Script script = new Script(call, s.fs().storedCase(path), List.copyOf(argv.subList(i + 1, argv.size())));
    return switch (WindowsFileSystem.nameOf(path).toLowerCase(Locale.ROOT)) {
      case "adsutil.vbs" -> AdsUtilTool.run(script);
      case "iisback.vbs" -> IisBackTool.run(script);
      default -> throw new NotEmulatedException(call.commandText());
    };
  }
}
