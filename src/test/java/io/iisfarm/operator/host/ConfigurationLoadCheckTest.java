package io.iisfarm.operator.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.api.ClrRuntime;
import io.iisfarm.operator.model.Bitness;
import io.iisfarm.operator.model.HostObservation.RuntimeInstall;
import io.iisfarm.operator.winrm.CommandOutput;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigurationLoadCheckTest {
  private static final List<RuntimeInstall> TOUCHED = List.of(new RuntimeInstall(ClrRuntime.V2_0, Bitness.B32),
      new RuntimeInstall(ClrRuntime.V4_0, Bitness.B64));

  @Test
  void oneLineLoadsEachRuntimeWithTheAppcmdOfItsBitnessAndPrintsNoKey() {
    String line = ConfigurationLoadCheck.appcmdLine(TOUCHED, true);
    assertThat(line).isEqualTo("echo ==iisfarm:load:v2.0/32== & (%windir%\\SysWOW64\\inetsrv\\appcmd.exe list config"
        + " -section:system.web/machineKey /clr:2.0 /text:CONFIG.SECTION && echo iisfarm:loaded)"
        + " & echo ==iisfarm:load:v4.0/64== & (%windir%\\system32\\inetsrv\\appcmd.exe list config"
        + " -section:system.web/machineKey /clr:4.0 /text:CONFIG.SECTION && echo iisfarm:loaded)"
        + " & echo ==iisfarm:end==");
    assertThat(ConfigurationLoadCheck.appcmdLine(TOUCHED.subList(0, 1), false))
        .as("a 32-bit Windows has one appcmd").contains("%windir%\\system32\\inetsrv\\appcmd.exe list config");
  }

  @Test
  void aRuntimeWithoutTheLoadedMarkIsAProblemWithAppcmdsWordsAndNoHexRun() {
    String key = "0123456789ABCDEF0123456789ABCDEF";
    String stdout = "==iisfarm:load:v2.0/32==\r\nsystem.web/machineKey\r\niisfarm:loaded\r\n"
        + "==iisfarm:load:v4.0/64==\r\nERROR ( message:Configuration error \r\nFilename: \\\\?\\C:\\Windows\\"
        + "Microsoft.NET\\Framework64\\v4.0.30319\\CONFIG\\machine.config\r\nLine Number: 12\r\nDescription:"
        + " Unrecognized attribute 'x" + key + "'. Note that attribute names are case-sensitive.\r\n. )\r\n"
        + "==iisfarm:end==\r\n";
    List<String> problems = ConfigurationLoadCheck.appcmdProblems("web1:5986", TOUCHED,
        new CommandOutput(0, stdout, "", Duration.ZERO));
    assertThat(problems).singleElement().satisfies(p -> assertThat(p)
        .startsWith("v4.0/64: appcmd could not load the configuration: ERROR ( message:Configuration error Filename:")
        .contains("Line Number: 12", "Unrecognized attribute 'x(redacted)'").doesNotContain(key));
  }
}
