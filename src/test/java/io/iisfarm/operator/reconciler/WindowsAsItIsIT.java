package io.iisfarm.operator.reconciler;

import static io.iisfarm.operator.reconciler.OperatorHarness.FARM;
import static io.iisfarm.operator.reconciler.OperatorHarness.NAMESPACE;
import static io.iisfarm.operator.reconciler.OperatorHarness.condition;
import static io.iisfarm.operator.reconciler.UnreadableHostsIT.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.Event;
import io.iisfarm.operator.api.CompatibilityMode;
import io.iisfarm.operator.api.HostStatus;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.cli.OperatorRuntime;
import io.iisfarm.operator.api.MachineKeyStatus;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.simulator.windows.WindowsHost;
import io.iisfarm.operator.testing.RealApiServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The operator end to end against hosts as Windows admins leave them: .NET 2.0 before SP2 with a spec that sets
 * compatibilityMode, a machineKey locked in {@code <location path="." allowOverride="false">}, an encrypted
 * machineKey, two hosts on one IIS Shared Configuration store; and a step after which the ASP.NET configuration
 * no longer loads.
 */
@RealApiServer
class WindowsAsItIsIT {
  private static final String SITES = "    sites:\n"
      + "      - {name: Shop, id: %d, bindings: [\"http/*:80:shop\"], physicalPath: 'C:\\inetpub\\Shop'}\n"
      + "      - {name: Api, id: %d, bindings: [\"http/*:80:api\"], physicalPath: 'C:\\inetpub\\Api'}\n";
  private static final String AUTO = "validationKey: 'AutoGenerate,IsolateApps', decryptionKey: 'AutoGenerate,IsolateApps'";

  private static String host(String name, String os, String frameworks, String extra, long shop, long api) {
    return "  - name: " + name + "\n    os: " + os + "\n" + extra + "    frameworks:\n" + frameworks
        + SITES.formatted(shop, api);
  }

  private static final String FARM_FILE = "hosts:\n"
      // .NET 2.0 before SP2: its configuration system does not know compatibilityMode
      + host("web01", "server2003", "      - {runtime: v2.0, bitness: 32, servicePack: 1,"
          + " machineConfig: {machineKey: {" + AUTO + ", validation: SHA1}}}\n", "", 2, 3)
      // the v4.0 key locked in machine.config, the documented way
      + host("web02", "server2019", "      - {runtime: v4.0, bitness: 64,"
          + " machineConfig: {machineKey: {" + AUTO + ", validation: SHA1, lock: true}}}\n", "", 2, 3)
      // the key in the root web.config encrypted with aspnet_regiis -pe
      + host("web03", "server2019", "      - {runtime: v4.0, bitness: 64,"
          + " rootWebConfig: {machineKey: {protectedBy: RsaProtectedConfigurationProvider}}}\n", "", 2, 3)
      // one shared configuration store, Shop and Api swapped in it
      + host("web04", "server2019", "      - {runtime: v4.0, bitness: 64}\n",
          "    sharedConfiguration: '\\\\files01\\iisconfig'\n", 3, 2)
      + host("web05", "server2019", "      - {runtime: v4.0, bitness: 64}\n",
          "    sharedConfiguration: '\\\\files01\\iisconfig'\n", 3, 2);

  @Test
  void hostsAsAdminsLeaveThemAreChangedOnlyWhereItIsSafeAndSayWhyNot() {
    try (OperatorHarness h = OperatorHarness.of(SimulatedFarm.fromYaml(FARM_FILE), "5s").withSecrets()) {
      Map<String, byte[]> web03Before = FarmFiles.configs(h.host("web03"));
      IisFarm farm = h.manifests.farm();
      farm.getSpec().getMachineKey().setCompatibilityMode(CompatibilityMode.FRAMEWORK20SP2);
      h.create(farm);
      h.startOperator();

      IisFarmStatus status = h.awaitStatus(FARM, Duration.ofSeconds(120), s -> inSync(s, "web01")
          && inSync(s, "web02") && hasFinding(s, "web03", "MachineKeyEncrypted")
          && hasFinding(s, "web04", "SharedConfiguration") && hasFinding(s, "web05", "SharedConfiguration")
          && idle(s));
      String farmKey = farmValidationKey(h);

      // .NET 2.0 before SP2: the key without compatibilityMode, and the host says what it gets instead
      WindowsHost web01 = h.host("web01").windows();
      String v2 = text(web01, web01.configPath("v2.0", 32, false));
      assertThat(v2).contains("validationKey=\"" + farmKey + "\"").doesNotContain("compatibilityMode");
      assertThat(web01.configurationErrors()).as("every ASP.NET 2.0 application still starts").isEmpty();
      assertThat(row(status, "web01").findings()).anySatisfy(f -> assertThat(f)
          .startsWith("CompatibilityModeV4Only: compatibilityMode Framework20SP2 goes into v4.0 files only")
          .contains("Framework20SP1"));

      // the locked key is changed where it is, and stays the only one and locked
      WindowsHost web02 = h.host("web02").windows();
      String v4 = text(web02, web02.configPath("v4.0", 64, false));
      assertThat(v4.split("<machineKey", -1)).as("one machineKey element").hasSize(2);
      assertThat(v4).containsPattern("<location path=\"\\.\" allowOverride=\"false\">\\s*<system\\.web>\\s*<machineKey "
          + "validationKey=\"" + farmKey + "\"[^>]*compatibilityMode=\"Framework20SP2\"");
      assertThat(web02.configurationErrors()).isEmpty();

      // the encrypted key is reported, never written, and its fingerprint does not pretend
      WindowsHost web03 = h.host("web03").windows();
      String encrypted = web03.configPath("v4.0", 64, true);
      assertThat(web03.readFile(encrypted)).as("the encrypted root web.config is never written")
          .hasValueSatisfying(b -> assertThat(b).isEqualTo(web03Before.get(encrypted)));
      assertThat(row(status, "web03").machineKeys()).filteredOn(k -> "web.config".equals(k.file()))
          .singleElement().satisfies(k -> {
            assertThat(k.fingerprint()).isEqualTo("encrypted");
            assertThat(k.inSync()).isNull();
          });
      assertThat(row(status, "web03").machineKeys()).filteredOn(k -> "machine.config".equals(k.file()))
          .extracting(MachineKeyStatus::inSync).containsExactly(true);
      assertThat(condition(status, "MachineKeysInSync")).get().satisfies(c -> {
        assertThat(c.getStatus()).isEqualTo("Unknown");
        assertThat(c.getReason()).isEqualTo("MachineKeyEncrypted");
        assertThat(c.getMessage()).contains("web03", "aspnet_regiis -pd");
      });

      // one store, two hosts: no ID is changed, both say why
      for (String name : new String[] {"web04", "web05"}) {
        SimulatedHost host = h.host(name);
        assertThat(host.windows().site("Shop").orElseThrow().id()).as(name).isEqualTo(3);
        assertThat(host.journal().commandLines()).as(name).noneMatch(l -> l.contains("appcmd.exe set site"));
        assertThat(row(status, name).findings()).anySatisfy(f -> assertThat(f)
            .startsWith("SharedConfiguration: IIS on this host reads its configuration from the shared store"
                + " \\\\files01\\iisconfig"));
      }
      assertThat(condition(status, "Ready")).get().extracting("status").isEqualTo("False");
      h.assertNoSecretsLeaked();
    }
  }

  @Test
  void aStepAfterWhichTheConfigurationNoLongerLoadsIsRolledBack() throws Exception {
    String file = "hosts:\n" + host("web10", "server2019", "      - {runtime: v4.0, bitness: 64,"
        + " machineConfig: {machineKey: {" + AUTO + ", validation: SHA1}}}\n", "", 2, 3);
    try (OperatorHarness h = OperatorHarness.of(SimulatedFarm.fromYaml(file), "5s").withSecrets()) {
      SimulatedHost web10 = h.host("web10");
      String machineConfig = web10.windows().configPath("v4.0", 64, false);
      byte[] before = web10.windows().readFile(machineConfig).orElseThrow();
      // another hand puts the farm key into the root web.config while the operator writes machine.config, with an
      // attribute .NET does not know: the files read back hold the farm key, but ASP.NET no longer starts
      String farmKey = farmValidationKey(h);
      String decryptionKey = secretValue(h, "decryptionKey");
      web10.driftAfterCommand("^certutil -f -decode ", new YAMLMapper().readTree("{kind: configText, runtime: v4.0,"
          + " bitness: 64, file: rootWebConfig, find: '<authorization>', replace: '<machineKey validationKey=\""
          + farmKey + "\" decryptionKey=\"" + decryptionKey + "\" validation=\"SHA1\" decryption=\"AES\""
          + " bogusAttribute=\"1\" /> <authorization>'}"));
      IisFarmStatus status;
      OperatorRuntime operator;
      try (StatusHistory history = StatusHistory.of(h, FARM)) {
        h.create(h.manifests.farm());
        operator = h.startOperator();
        // seen as written: the next check, in 5 s or at once, finds the rejected web.config and reports that instead
        status = history.awaitSeen(Duration.ofSeconds(90), condition("Degraded", "True", "RolledBack"));
      }

      assertThat(web10.driftsApplied()).isEqualTo(1);
      assertThat(web10.windows().readFile(machineConfig)).as("machine.config restored byte for byte")
          .hasValueSatisfying(b -> assertThat(b).isEqualTo(before));
      assertThat(condition(status, "Degraded")).get().satisfies(c -> assertThat(c.getMessage())
          .contains("the ASP.NET configuration no longer loads", "bogusAttribute"));
      assertThat(h.events()).filteredOn(e -> "RolledBack".equals(e.getReason())).extracting(Event::getMessage)
          .anySatisfy(m -> assertThat(m).contains("web10", "no longer loads", "appcmd could not load the configuration",
              "Unrecognized attribute 'bogusAttribute'"));
      assertThat(web10.journal().commandLines()).anyMatch(l -> l.contains("appcmd.exe list config"
          + " -section:system.web/machineKey /clr:4.0 /text:CONFIG.SECTION"));

      // the next checks leave the rejected runtime alone instead of writing and rolling back again
      IisFarmStatus later = h.awaitStatus(FARM, Duration.ofSeconds(60),
          s -> hasFinding(s, "web10", "MachineKeyInvalid") && idle(s));
      assertThat(row(later, "web10").findings()).anySatisfy(f -> assertThat(f).contains("v4.0/64 web.config",
          "bogusAttribute", "nothing for v4.0/64"));
      long decodes = web10.journal().commandLines().stream().filter(l -> l.startsWith("certutil -f -decode")).count();
      OperatorHarness.awaitALaterReconcile(operator);
      assertThat(web10.journal().commandLines().stream().filter(l -> l.startsWith("certutil -f -decode")).count())
          .as("no further write").isEqualTo(decodes);
      h.assertNoSecretsLeaked();
    }
  }

  private static boolean idle(IisFarmStatus status) {
    return status.getInFlight() == null || status.getInFlight().isEmpty();
  }

  private static boolean inSync(IisFarmStatus status, String host) {
    return status.getHosts() != null && status.getHosts().stream()
        .anyMatch(r -> host.equals(r.name()) && Boolean.TRUE.equals(r.inSync()));
  }

  private static boolean hasFinding(IisFarmStatus status, String host, String reason) {
    Predicate<HostStatus> has = r -> host.equals(r.name()) && r.findings() != null
        && r.findings().stream().anyMatch(f -> f.startsWith(reason + ":"));
    return status.getHosts() != null && status.getHosts().stream().anyMatch(has);
  }

  private static String farmValidationKey(OperatorHarness h) {
    return secretValue(h, "validationKey");
  }

  private static String secretValue(OperatorHarness h, String key) {
    return new String(Base64.getDecoder().decode(h.client.secrets().inNamespace(NAMESPACE)
        .withName(h.manifests.keySecretName()).get().getData().get(key)), StandardCharsets.UTF_8);
  }

  private static String text(WindowsHost host, String path) {
    return new String(host.readFile(path).orElseThrow(), StandardCharsets.UTF_8);
  }
}
