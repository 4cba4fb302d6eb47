package io.iisfarm.operator.simulator.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What adsutil.vbs costs an IIS6 host: ENUM walks every property of each key's schema class (one GetDataPaths
 * each), so ENUM_ALL grows with keys times properties; a GET is three calls but a script start of its own.
 */
class AdsiCostTest {
  private static final String ADSUTIL = "cscript //nologo %SystemDrive%\\Inetpub\\AdminScripts\\adsutil.vbs ";

  private static WindowsHost host(int sites, String options) {
    StringBuilder yaml = new StringBuilder("""
        name: web06
        os: server2003
        options: %s
        frameworks: [{runtime: v2.0, bitness: 32}]
        sites:
        """.formatted(options));
    for (int i = 1; i <= sites; i++) {
      yaml.append("  - {name: Site ").append(i).append(", id: ").append(100 + i).append(", physicalPath: 'D:\\Sites\\S")
          .append(i).append("'}\n");
    }
    return WindowsHost.create(HostDefinition.fromYaml(yaml.toString()));
  }

  @Test
  void enumAllAsksOncePerSchemaPropertyOfEveryKeySoItGrowsWithTheSites() {
    WindowsHost small = host(10, "{}");
    WindowsHost large = host(100, "{}");
    assertThat(small.run(ADSUTIL + "ENUM_ALL W3SVC").exitCode()).isZero();
    assertThat(large.run(ADSUTIL + "ENUM_ALL W3SVC").exitCode()).isZero();
    // each site adds its IIsWebServer key (180 properties in its class), its IIsFilters key (2) and its ROOT
    // IIsWebVirtualDir (150), each with 3 calls of its own and 2 per property set there
    long perSite = (3 + 180 + 2 * 6) + (3 + 2 + 2 * 1) + (3 + 150 + 2 * 7);
    assertThat(large.adsiCalls() - small.adsiCalls()).isEqualTo(90 * perSite);
    assertThat(large.scriptStarts()).isEqualTo(1);
  }

  @Test
  void pathsOnlySkipsThePropertyWalkAndAGetIsThreeCallsButAScriptStart() {
    WindowsHost host = host(100, "{}");
    host.run(ADSUTIL + "ENUM /P W3SVC");
    assertThat(host.adsiCalls()).isLessThan(10);
    long before = host.adsiCalls();
    host.run(ADSUTIL + "GET W3SVC/101/ServerComment & " + ADSUTIL + "GET W3SVC/101/ROOT/Path");
    assertThat(host.adsiCalls() - before).isEqualTo(6);
    assertThat(host.scriptStarts()).isEqualTo(3);
  }

  @Test
  void aTargetedReadStartsAScriptPerPropertyOfEveryKey() {
    WindowsHost host = host(3, "{}");
    String adsutil = "%SystemDrive%\\Inetpub\\AdminScripts\\adsutil.vbs";
    String get = "cscript //nologo " + adsutil + " GET W3SVC/%k/";
    CommandResult r = host.run("for /f \"tokens=3 delims=/]\" %k in ('cscript //nologo " + adsutil
        + " ENUM /P W3SVC') do @(echo [%k] & " + get + "ServerComment & " + get + "ServerState & " + get
        + "ServerBindings & " + get + "ROOT/Path & " + get + "ROOT/AppRoot)");
    assertThat(r.stdout()).contains("[101]", "ServerComment                   : (STRING) \"Site 1\"",
        "Path                            : (STRING) \"D:\\Sites\\S3\"");
    // the three sites and AppPools, Filters and Info: five scripts each, and the ENUM /P
    assertThat(host.scriptStarts()).isEqualTo(1 + 6 * 5);
  }

  @Test
  void theCostsTakeTheirTime() {
    WindowsHost host = host(2, "{adsiCallCost: 200us, scriptStartCost: 150ms}");
    long start = System.nanoTime();
    host.run(ADSUTIL + "ENUM_ALL W3SVC");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    Duration modeled = Duration.ofMillis(150).plusNanos(200_000 * host.adsiCalls());
    assertThat(took).isGreaterThanOrEqualTo(modeled);
  }

  @Test
  void aCostMustBeADuration() {
    assertThatThrownBy(() -> host(1, "{adsiCallCost: fast}")).hasMessageContaining("options.adsiCallCost");
    assertThat(new HostOptions(null, null, null, null, null, "40us", "0.5s").effectiveAdsiCallCost())
        .isEqualTo(Duration.ofNanos(40_000));
    assertThat(new HostOptions(null, null, null, null, null, "40us", "0.5s").effectiveScriptStartCost())
        .isEqualTo(Duration.ofMillis(500));
  }
}
