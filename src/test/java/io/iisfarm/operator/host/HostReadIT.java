package io.iisfarm.operator.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.iisfarm.operator.api.ClrRuntime;
import io.iisfarm.operator.model.Bitness;
import io.iisfarm.operator.model.ConfigFile;
import io.iisfarm.operator.model.ConfigKind;
import io.iisfarm.operator.model.ConfigLocation;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.MachineKeySetting;
import io.iisfarm.operator.model.ObservedSite;
import io.iisfarm.operator.model.SessionStateSetting;
import io.iisfarm.operator.model.SiteWebConfig;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.simulator.windows.SiteView;
import io.iisfarm.operator.simulator.windows.WindowsHost;
import io.iisfarm.operator.winrm.TlsOptions;
import io.iisfarm.operator.winrm.WinRmConnector;
import io.iisfarm.operator.winrm.WinRmCredentials;
import io.iisfarm.operator.winrm.WinRmEndpoint;
import io.iisfarm.operator.winrm.WinRmSession;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A host's full read over WinRM against the sample farm: one Command request for everything (two when the
 * sites' own web.config files are asked for), and what it returns is what the simulated host holds, checked
 * against the host's own state and against the farm file it was built from.
 */
class HostReadIT {
  /** Enough sites that one web.config read per site would not fit one cmd line. */
  private static final int SITES = 120;
  private static final int STATE_SERVER_SITE = 77;
  @RegisterExtension
  static final SecretScan SECRETS = new SecretScan();
  private static FarmHosts farm;
  private static JsonNode farmFile;

  @BeforeAll
  static void start() throws Exception {
    farm = FarmHosts.start(SECRETS);
    try (InputStream in = SimulatedFarm.class.getResourceAsStream(SimulatedFarm.SAMPLE_RESOURCE)) {
      farmFile = new YAMLMapper().readTree(in);
    }
  }

  @AfterAll
  static void stop() {
    farm.close();
  }

  @BeforeEach
  void clearJournals() {
    for (String name : List.of("web01", "web02", "web03", "web04")) {
      farm.host(name).resetInspection();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"web01", "web02", "web03", "web04"})
  void fullReadIsOneCommandAndShowsWhatTheHostHolds(String name) {
    SimulatedHost host = farm.host(name);
    HostObservation observation = farm.read(name, ReadOptions.DEFAULT);

    assertThat(host.counters().commandRequests()).as("WinRM Command requests").isEqualTo(1);
    assertThat(host.journal().size()).isEqualTo(1);
    assertThat(host.journal().changes()).as("a read changes nothing").isEmpty();
    assertThat(host.counters().shellsCreated()).isEqualTo(1);
    assertThat(host.counters().shellsOpen()).isZero();

    WindowsHost windows = host.windows();
    assertThat(observation.hostname()).isEqualToIgnoringCase(windows.hostname());
    assertThat(observation.iisVersion()).hasToString(windows.iisVersion());
    assertSitesMatch(observation, windows);
    assertConfigFilesMatch(observation, windows, hostEntry(name));
    assertThat(observation.siteConfigs()).isEmpty();
    assertThat(windows.listDirectory("%TEMP%")).as("the read leaves no temp file").noneMatch(f -> f.startsWith("iisfarm-"));
  }

  @ParameterizedTest
  @ValueSource(strings = {FarmHosts.IIS6, FarmHosts.IIS10})
  void sitesOwnWebConfigsTakeOneMoreCommand(String name) {
    SimulatedHost host = farm.host(name);
    HostObservation observation = farm.read(name, new ReadOptions(false, true));

    assertThat(host.counters().commandRequests()).as("WinRM Command requests").isEqualTo(2);
    assertThat(host.journal().changes()).isEmpty();
    assertSitesMatch(observation, host.windows());
    int declared = 0;
    for (JsonNode site : hostEntry(name).path("sites")) {
      JsonNode webConfig = site.path("webConfig");
      if (!webConfig.has("machineKey") && !webConfig.has("sessionState")) {
        continue;
      }
      declared++;
      SiteWebConfig observed = observation.siteConfigs().stream()
          .filter(c -> c.site().equalsIgnoreCase(site.path("name").asText())).findFirst().orElseThrow();
      assertMachineKey(observed.machineKey(), webConfig.path("machineKey"));
      assertSessionState(observed.sessionState(), webConfig.path("sessionState"));
    }
    assertThat(declared).as("the farm file sets a site web.config on %s", name).isPositive();
  }

  @ParameterizedTest
  @ValueSource(strings = {"server2003", "server2019"})
  void aHostWithManySitesIsStillReadInOneCommandAndTwoWithSiteConfigs(String os) {
    StringBuilder yaml = new StringBuilder("hosts:\n  - name: big01\n    os: " + os + "\n"
        + "    winrm: {transport: https, auth: [basic], username: farmadmin, password: sim-only-big-01}\n"
        + "    frameworks: [{runtime: v2.0, bitness: 32}]\n    sites:\n");
    for (int i = 1; i <= SITES; i++) {
      yaml.append("      - {name: Site ").append(i).append(", id: ").append(i).append(", bindings: [\"http/*:80:site")
          .append(i).append(".example.com\"], physicalPath: 'D:\\Sites\\Customer Site ").append(i).append("'")
          .append(i == STATE_SERVER_SITE ? ", webConfig: {sessionState: {mode: StateServer}}" : "").append("}\n");
    }
    try (SimulatedFarm big = SimulatedFarm.fromYaml(yaml.toString());
        WinRmConnector connector = new WinRmConnector()) {
      SimulatedHost host = big.host("big01");
      SECRETS.password(host.password());
      WinRmEndpoint endpoint = WinRmEndpoint.https("127.0.0.1").port(host.port()).auth(WinRmEndpoint.Auth.BASIC)
          .tls(TlsOptions.DEFAULT.withCaPem(big.caPem()).withAllowLegacyTls(host.legacyTls())).build();
      try (WinRmSession session = connector.open(endpoint, WinRmCredentials.of(host.username(), host.password()))) {
        HostObservation full = new HostReader().read(session, ReadOptions.DEFAULT);
        assertThat(host.counters().commandRequests()).as("Command requests of the full read").isEqualTo(1);
        assertThat(full.sites()).hasSize(SITES);
        assertSitesMatch(full, host.windows());

        host.resetInspection();
        HostObservation withSiteConfigs = new HostReader().read(session, new ReadOptions(false, true));
        assertThat(host.counters().commandRequests()).as("Command requests of the read with site web.configs")
            .isEqualTo(2);
        // every folder's web.config read, each matched to its own site
        assertThat(withSiteConfigs.siteConfigs()).hasSize(SITES).allSatisfy(c -> {
          assertThat(c.path()).isEqualTo("D:\\Sites\\Customer " + c.site() + "\\web.config");
          assertThat(c.machineKey()).isNull();
          assertThat(c.sessionState() != null).isEqualTo(c.site().equals("Site " + STATE_SERVER_SITE));
        });
      }
    }
  }

  private static void assertSitesMatch(HostObservation observation, WindowsHost windows) {
    List<SiteView> real = windows.sites();
    assertThat(observation.sites()).hasSameSizeAs(real);
    for (SiteView site : real) {
      ObservedSite observed = observation.sitesNamed(site.name()).stream().findFirst().orElseThrow();
      assertThat(observed.id()).as("ID of %s", site.name()).isEqualTo(site.id());
      assertThat(observed.isStarted()).as("%s started", site.name()).isEqualTo(site.started());
      assertThat(observed.physicalPath()).as("physical path of %s", site.name()).isEqualTo(site.physicalPath());
      assertThat(observed.appRoot()).as("AppRoot of %s", site.name()).isEqualTo(site.appRoot());
      if (observation.iisVersion().isIis6()) {
        assertThat(observed.applications()).hasSameSizeAs(site.applications());
        for (SiteView.ApplicationView application : site.applications()) {
          assertThat(observed.applications()).anySatisfy(a -> {
            assertThat(a.keyPath()).isEqualToIgnoringCase("W3SVC/" + site.id() + "/ROOT" + application.path());
            assertThat(a.appRoot()).isEqualTo(application.appRoot());
          });
        }
      } else {
        assertThat(observed.applications()).isEmpty();
      }
    }
  }

  private static void assertConfigFilesMatch(HostObservation observation, WindowsHost windows, JsonNode entry) {
    assertThat(observation.configsRead()).isTrue();
    int present = 0;
    for (ClrRuntime runtime : ClrRuntime.values()) {
      for (Bitness bitness : Bitness.values()) {
        JsonNode framework = framework(entry, runtime, bitness);
        assertThat(observation.installed().contains(new HostObservation.RuntimeInstall(runtime, bitness)))
            .as("%s/%s installed", runtime, bitness).isEqualTo(framework != null);
        for (ConfigKind kind : ConfigKind.values()) {
          ConfigLocation location = new ConfigLocation(runtime, bitness, kind);
          Optional<byte[]> real = windows.readFile(windows.configPath(runtime.wireName(), bitness.bits(),
              kind == ConfigKind.ROOT_WEB_CONFIG));
          Optional<ConfigFile> observed = observation.configFile(location);
          assertThat(observed.isPresent()).as("%s read", location.label()).isEqualTo(real.isPresent());
          if (real.isEmpty()) {
            continue;
          }
          present++;
          assertThat(observed.get().content()).as("bytes of %s", location.label()).isEqualTo(real.get());
          JsonNode file = framework.path(kind == ConfigKind.MACHINE_CONFIG ? "machineConfig" : "rootWebConfig");
          assertMachineKey(observed.get().machineKey(), file.path("machineKey"));
          assertSessionState(observed.get().sessionState(), file.path("sessionState"));
        }
      }
    }
    assertThat(observation.configFiles()).hasSize(present);
    assertThat(present).as("config files on the host").isPositive();
  }

  /** The machineKey as the farm file declares it; absent there means no element in the file. */
  private static void assertMachineKey(MachineKeySetting observed, JsonNode declared) {
    if (declared.isMissingNode()) {
      assertThat(observed).isNull();
      return;
    }
    assertThat(observed).isNotNull();
    assertThat(observed.validationKey().attributeValue()).isEqualTo(declared.path("validationKey").asText());
    assertThat(observed.decryptionKey().attributeValue()).isEqualTo(declared.path("decryptionKey").asText());
    assertThat(observed.validation()).isEqualTo(declared.path("validation").textValue());
    assertThat(observed.decryption()).isEqualTo(declared.path("decryption").textValue());
    assertThat(observed.compatibilityMode()).isEqualTo(declared.path("compatibilityMode").textValue());
  }

  private static void assertSessionState(SessionStateSetting observed, JsonNode declared) {
    if (declared.isMissingNode()) {
      assertThat(observed).isNull();
      return;
    }
    assertThat(observed.mode()).isEqualTo(declared.path("mode").asText());
    assertThat(observed.stateConnectionString()).isEqualTo(declared.path("stateConnectionString").textValue());
    if (declared.has("sqlConnectionString")) {
      assertThat(observed.sqlDataSource()).isEqualTo("sqlfarm01");
    }
  }

  private static JsonNode hostEntry(String name) {
    for (JsonNode host : farmFile.path("hosts")) {
      if (host.path("name").asText().equals(name)) {
        return host;
      }
    }
    throw new IllegalArgumentException("no host " + name + " in the sample farm");
  }

  private static JsonNode framework(JsonNode entry, ClrRuntime runtime, Bitness bitness) {
    for (JsonNode framework : entry.path("frameworks")) {
      if (framework.path("runtime").asText().equals(runtime.wireName()) && framework.path("bitness").asInt() == bitness.bits()) {
        return framework;
      }
    }
    return null;
  }
}
