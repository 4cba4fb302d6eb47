package io.iisfarm.operator.simulator.windows;

import io.iisfarm.operator.simulator.windows.HostDefinition.Framework;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code appcmd list config -section:system.web/machineKey [/clr:2.0|4.0] /text:CONFIG.SECTION}: makes the IIS
 * configuration system load the ASP.NET configuration (machine.config and root web.config) of one runtime and
 * bitness. The runtime comes from {@code /clr:} (IIS blog "Targeting the .NET Framework Version and Bitness with
 * AppCmd"; not in the Microsoft Learn AppCmd reference), by default 2.0 on IIS 7.5 and 4.0 on IIS 10; the bitness
 * from the appcmd that runs: {@code %windir%\SysWOW64\inetsrv\appcmd.exe} is the 32-bit one and reads
 * {@code Framework}, {@code system32\inetsrv\appcmd.exe} the 64-bit one reading {@code Framework64}.
 *
 * <p>A configuration that does not load prints IIS's configuration error (as public captures show it:
 * {@code ERROR ( message:Configuration error}, then {@code Filename: \\?\<path>}, {@code Line Number: <n>},
 * {@code Description: <text>}, {@code . )}) and exits 13 (ERROR_INVALID_DATA; the exit code is not documented).
 * Other sections, {@code /text} attributes, {@code /xml}, config paths, {@code set config} and a {@code /clr} whose
 * runtime is not installed are not emulated.
 */
final class AppCmdConfig {
  static final String SECTION = "system.web/machineKey";

  private AppCmdConfig() {}

  static int list(Programs.Call call, String verb, List<String> positional, Map<String, String> params, boolean xml) {
    String section = params.remove("section");
    String clr = params.remove("clr");
    String text = params.remove("text");
    if (!verb.equals("list") || !positional.isEmpty() || !params.isEmpty() || xml || section == null
        || !section.equalsIgnoreCase(SECTION) || text == null || !text.equalsIgnoreCase("CONFIG.SECTION")) {
      throw new NotEmulatedException(call.commandText());
    }
    HostRuntime host = call.host();
    boolean wow64 = call.programPath().toLowerCase(Locale.ROOT).contains("\\syswow64\\");
    int bitness = wow64 ? 32 : host.bits;
    boolean v2 = clr == null ? host.os == OsVersion.SERVER2008R2 : clrIsV2(call, clr);
    Optional<Framework> framework = host.frameworks.stream()
        .filter(f -> f.isV2() == v2 && f.bitness() == bitness).findFirst();
    if (framework.isEmpty()) {
      throw new NotEmulatedException(call.commandText());
    }
    List<AspNetConfiguration.Error> errors = AspNetConfiguration.errors(host, framework.get());
    Sink out = call.io().out();
    if (!errors.isEmpty()) {
      AspNetConfiguration.Error e = errors.get(0);
      out.println("ERROR ( message:Configuration error \r\nFilename: \\\\?\\" + e.file() + "\r\nLine Number: "
          + e.line() + "\r\nDescription: " + e.description() + "\r\n. )");
      return Win32Error.INVALID_DATA.code();
    }
    out.println(SECTION);
    return 0;
  }

  private static boolean clrIsV2(Programs.Call call, String clr) {
    return switch (clr) {
      case "2", "2.0" -> true;
      case "4", "4.0" -> false;
      default -> throw new NotEmulatedException(call.commandText());
    };
  }
}
