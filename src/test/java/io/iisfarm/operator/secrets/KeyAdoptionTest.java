package io.iisfarm.operator.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.api.ClrRuntime;
import io.iisfarm.operator.model.Bitness;
import io.iisfarm.operator.model.ConfigFile;
import io.iisfarm.operator.model.ConfigKind;
import io.iisfarm.operator.model.ConfigLocation;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.IisVersion;
import io.iisfarm.operator.model.KeyAttribute;
import io.iisfarm.operator.model.MachineKeyElement;
import io.iisfarm.operator.model.MachineKeySetting;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyAdoptionTest {

  private static MachineKeySetting explicit(String hexByte) {
    return new MachineKeySetting(KeyAttribute.parse(hexByte.repeat(64)), KeyAttribute.parse(hexByte.repeat(32)),
        "SHA1", "AES", null);
  }

  private static final MachineKeySetting AUTO =
      new MachineKeySetting(KeyAttribute.parse("AutoGenerate,IsolateApps"),
          KeyAttribute.parse("AutoGenerate,IsolateApps"), "SHA1", "Auto", null);

  private static ConfigFile file(ClrRuntime runtime, Bitness bitness, ConfigKind kind, MachineKeySetting key) {
    ConfigLocation location = new ConfigLocation(runtime, bitness, kind);
    return new ConfigFile(location, "C:\\Windows\\" + location.relativePath(), new byte[0], key, null);
  }

  private static HostObservation host(ConfigFile... files) {
    return new HostObservation("WEB01", "Microsoft Windows [Version 10.0.17763.1]", "Windows Server 2019",
        new IisVersion(10, 0), List.of(), List.of(), true, List.of(files), List.of(), Instant.EPOCH);
  }

  @Test
  void takesTheFirstExplicitKeyInTheSettledOrder() {
    HostObservation host = host(
        file(ClrRuntime.V2_0, Bitness.B64, ConfigKind.MACHINE_CONFIG, explicit("22")),
        file(ClrRuntime.V4_0, Bitness.B64, ConfigKind.MACHINE_CONFIG, AUTO),
        file(ClrRuntime.V4_0, Bitness.B32, ConfigKind.MACHINE_CONFIG, explicit("43")));

    assertThat(KeyAdoption.pick(host)).hasValueSatisfying(adopted -> {
      assertThat(adopted.source().label()).isEqualTo("v4.0/32 machine.config");
      assertThat(adopted.setting()).isEqualTo(explicit("43"));
    });
  }

  @Test
  void anEncryptedEffectiveKeyIsSkippedNotReplacedByTheMachineConfigBelowIt() {
    ConfigLocation web = new ConfigLocation(ClrRuntime.V4_0, Bitness.B64, ConfigKind.ROOT_WEB_CONFIG);
    ConfigFile encrypted = new ConfigFile(web, "C:\\Windows\\" + web.relativePath(), new byte[0], null, null,
        new MachineKeyElement(1, false, false, "RsaProtectedConfigurationProvider", List.of()));
    HostObservation host = host(
        file(ClrRuntime.V4_0, Bitness.B64, ConfigKind.MACHINE_CONFIG, explicit("11")), encrypted,
        file(ClrRuntime.V2_0, Bitness.B32, ConfigKind.MACHINE_CONFIG, explicit("22")));

    assertThat(KeyAdoption.pick(host)).hasValueSatisfying(a -> {
      assertThat(a.source().label()).isEqualTo("v2.0/32 machine.config");
      assertThat(a.setting()).isEqualTo(explicit("22"));
    });
    assertThat(KeyAdoption.holdsEncryptedKey(host)).isTrue();
    assertThat(KeyAdoption.pick(host(encrypted))).isEmpty();
  }

  @Test
  void aMachineConfigLockWinsOverTheRootWebConfig() {
    ConfigLocation machine = new ConfigLocation(ClrRuntime.V4_0, Bitness.B64, ConfigKind.MACHINE_CONFIG);
    ConfigFile locked = new ConfigFile(machine, "C:\\Windows\\" + machine.relativePath(), new byte[0], explicit("11"),
        null, new MachineKeyElement(1, true, true, null, List.of()));
    HostObservation host = host(locked, file(ClrRuntime.V4_0, Bitness.B64, ConfigKind.ROOT_WEB_CONFIG, explicit("99")));
    assertThat(KeyAdoption.pick(host)).hasValueSatisfying(a -> assertThat(a.setting()).isEqualTo(explicit("11")));
  }

  @Test
  void aRootWebConfigKeyWinsOverItsMachineConfig() {
    HostObservation host = host(
        file(ClrRuntime.V4_0, Bitness.B64, ConfigKind.MACHINE_CONFIG, explicit("11")),
        file(ClrRuntime.V4_0, Bitness.B64, ConfigKind.ROOT_WEB_CONFIG, explicit("99")));

    assertThat(KeyAdoption.pick(host)).hasValueSatisfying(a -> assertThat(a.setting()).isEqualTo(explicit("99")));
  }

  @Test
  void aHostOnAutoGenerateHasNothingToAdopt() {
    HostObservation host = host(
        file(ClrRuntime.V4_0, Bitness.B64, ConfigKind.MACHINE_CONFIG, AUTO),
        file(ClrRuntime.V2_0, Bitness.B32, ConfigKind.MACHINE_CONFIG, null));

    assertThat(KeyAdoption.pick(host)).isEmpty();
  }
}
