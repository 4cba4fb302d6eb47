package io.iisfarm.operator.host;

import io.iisfarm.operator.api.ClrRuntime;
import io.iisfarm.operator.model.Bitness;
import io.iisfarm.operator.model.ConfigFile;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.HostObservation.RuntimeInstall;
import io.iisfarm.operator.winrm.CommandOutput;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whether the ASP.NET configuration of each runtime and bitness a step touched still loads, checked read-only
 * after the step.
 *
 * <p>Every host: the machine-level {@code <machineKey>} of the files just read back is checked against what the
 * runtime's configuration system accepts ({@link MachineKeySchema}: one element per file, known attributes and
 * values, no root web.config key under a machine.config lock). IIS7+ also makes the IIS configuration system
 * load the section, one line for all runtimes: {@code appcmd list config -section:system.web/machineKey
 * /clr:2.0|4.0 /text:CONFIG.SECTION}, from {@code %windir%\SysWOW64\inetsrv} for the 32-bit Framework of a
 * 64-bit host and from {@code system32\inetsrv} otherwise; {@code /text:CONFIG.SECTION} prints the section's
 * name, never its keys. IIS6 has no documented read-only command that makes the ASP.NET configuration system
 * parse machine.config ({@code aspnet_regiis -pe/-pd} rewrite the file, {@code aspnet_compiler} writes output),
 * so there the check of the bytes is all there is.
 */
final class ConfigurationLoadCheck {
  static final String LOADED = "iisfarm:loaded";
  private static final Pattern HEX_RUN = Pattern.compile("[0-9A-Fa-f]{16,}");

  private ConfigurationLoadCheck() {}

  /** What the files read back show; empty when every touched runtime's files are accepted. */
  static List<String> fileProblems(HostObservation fresh, Collection<RuntimeInstall> touched) {
    List<String> problems = new ArrayList<>();
    for (ConfigFile file : fresh.configFiles()) {
      RuntimeInstall of = new RuntimeInstall(file.location().runtime(), file.location().bitness());
      if (touched.contains(of) && file.machineKeyElement() != null && file.machineKeyElement().rejected()) {
        problems.add(file.location().label() + ": " + String.join("; ", file.machineKeyElement().problems()));
      }
    }
    return problems;
  }

  /** The one appcmd line for {@code touched}, its parts named {@code load:v4.0/64} ... */
  static String appcmdLine(Collection<RuntimeInstall> touched, boolean host64) {
    List<String> parts = new ArrayList<>();
    for (RuntimeInstall install : touched) {
      String appcmd = install.bitness() == Bitness.B32 && host64 ? "%windir%\\SysWOW64\\inetsrv\\appcmd.exe" : Cmd.APPCMD;
      parts.add(Sections.echo(part(install)));
      parts.add("(" + appcmd + " list config -section:system.web/machineKey /clr:"
          + (install.runtime() == ClrRuntime.V2_0 ? "2.0" : "4.0") + " /text:CONFIG.SECTION && echo " + LOADED + ")");
    }
    parts.add(Sections.echo(HostReadCommand.END));
    return Cmd.join(parts);
  }

  /** What appcmd reported for each runtime that did not load; empty when all loaded. */
  static List<String> appcmdProblems(String host, Collection<RuntimeInstall> touched, CommandOutput output) {
    Map<String, String> parts = Sections.split(output.stdout());
    if (!parts.containsKey(HostReadCommand.END)) {
      throw new io.iisfarm.operator.winrm.WinRmProtocolException(host, "load",
          "the configuration check's output was cut short", null);
    }
    List<String> problems = new ArrayList<>();
    for (RuntimeInstall install : touched) {
      String text = parts.getOrDefault(part(install), "");
      if (!text.contains(LOADED)) {
        problems.add(install.runtime().wireName() + "/" + install.bitness().bits() + ": appcmd could not load the"
            + " configuration: " + summary(text));
      }
    }
    return problems;
  }

  private static String part(RuntimeInstall install) {
    return "load:" + install.runtime().wireName() + "/" + install.bitness().bits();
  }

  /** appcmd's error on one line, without anything that could be a key. */
  static String summary(String text) {
    String oneLine = text.replace("\r", " ").replace("\n", " ").replaceAll("\\s+", " ").strip();
    oneLine = HEX_RUN.matcher(oneLine).replaceAll("(redacted)");
    return oneLine.isEmpty() ? "no output" : oneLine.length() > 400 ? oneLine.substring(0, 400) + "..." : oneLine;
  }
}
