package io.iisfarm.operator.plan;

import io.iisfarm.operator.api.ClrRuntime;
import io.iisfarm.operator.model.Bitness;
import io.iisfarm.operator.model.ConfigFile;
import io.iisfarm.operator.model.ConfigKind;
import io.iisfarm.operator.model.ConfigLocation;
import io.iisfarm.operator.model.DesiredFarm;
import io.iisfarm.operator.model.DesiredFarm.DesiredMachineKey;
import io.iisfarm.operator.model.DesiredFarm.DesiredSite;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.HostObservation.RuntimeInstall;
import io.iisfarm.operator.model.IisVersion;
import io.iisfarm.operator.model.KeyAttribute;
import io.iisfarm.operator.model.KeyMaterial;
import io.iisfarm.operator.model.MachineKeyElement;
import io.iisfarm.operator.model.MachineKeySetting;
import io.iisfarm.operator.model.ObservedApplication;
import io.iisfarm.operator.model.ObservedSite;
import io.iisfarm.operator.model.SessionStateSetting;
import io.iisfarm.operator.model.SiteWebConfig;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Builds observations and desired farms for planner and status tests. */
public final class Hosts {
  /** Real-looking keys: tests scan outputs for them. */
  public static final String FARM_VALIDATION_KEY =
      "3F2A9C1D7E4B6A8F0C5D2E9B1A7F4C6E8D0B3A5C7E9F1D2B4A6C8E0F2D4B6A8C"
          + "1E3F5A7C9B0D2E4F6A8C0B2D4F6E8A1C3E5F7B9D0A2C4E6F8B1D3F5A7C9E0B2D";
  public static final String FARM_DECRYPTION_KEY = "9A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F6071";
  public static final String OLD_VALIDATION_KEY =
      "0011223344556677889900AABBCCDDEEFF00112233445566778899AABBCCDDEEFF"
          + "A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D6E7F8A9B0C1D2E3F4A5B6C7D8E9F0A1B2";
  public static final String OLD_DECRYPTION_KEY = "FEDCBA9876543210FEDCBA9876543210FEDCBA9876543210";
  public static final Instant OBSERVED_AT = Instant.parse("2024-05-01T10:00:00Z");

  private Hosts() {}

  public static MachineKeySetting key(String validationKey, String decryptionKey, String validation,
      String decryption, String compatibilityMode) {
    return new MachineKeySetting(KeyAttribute.of(KeyMaterial.ofHex(validationKey)),
        KeyAttribute.of(KeyMaterial.ofHex(decryptionKey)), validation, decryption, compatibilityMode);
  }

  public static MachineKeySetting farmKey() {
    return key(FARM_VALIDATION_KEY, FARM_DECRYPTION_KEY, "SHA1", "AES", null);
  }

  public static MachineKeySetting oldKey() {
    return key(OLD_VALIDATION_KEY, OLD_DECRYPTION_KEY, "SHA1", "AES", null);
  }

  public static MachineKeySetting autoGenerate() {
    return new MachineKeySetting(KeyAttribute.parse("AutoGenerate,IsolateApps"),
        KeyAttribute.parse("AutoGenerate,IsolateApps"), "SHA1", "Auto", null);
  }

  public static DesiredMachineKey everywhere(MachineKeySetting setting) {
    return new DesiredMachineKey(setting, null, null);
  }

  public static DesiredFarm farm(DesiredMachineKey key, DesiredSite... sites) {
    return new DesiredFarm(List.of(sites), key, null);
  }

  public static DesiredSite want(String name, long id) {
    return new DesiredSite(name, id);
  }

  public static ConfigLocation loc(ClrRuntime runtime, int bits, ConfigKind kind) {
    return new ConfigLocation(runtime, Bitness.ofBits(bits), kind);
  }

  public static ConfigLocation machineConfig(ClrRuntime runtime, int bits) {
    return loc(runtime, bits, ConfigKind.MACHINE_CONFIG);
  }

  public static ConfigLocation rootWebConfig(ClrRuntime runtime, int bits) {
    return loc(runtime, bits, ConfigKind.ROOT_WEB_CONFIG);
  }

  public static HostBuilder iis10() {
    return new HostBuilder(new IisVersion(10, 0), "Windows Server 2019");
  }

  public static HostBuilder iis6() {
    return new HostBuilder(new IisVersion(6, 0), "Windows Server 2003");
  }

  /** Fluent observation builder; sites are IIS7+-style unless added with appRoot. */
  public static final class HostBuilder {
    private final IisVersion version;
    private final String os;
    private final List<ObservedSite> sites = new ArrayList<>();
    private final List<RuntimeInstall> installed = new ArrayList<>();
    private final List<ConfigFile> files = new ArrayList<>();
    private final List<SiteWebConfig> siteConfigs = new ArrayList<>();
    private boolean configsRead = true;
    private String sharedConfiguration;

    HostBuilder(IisVersion version, String os) {
      this.version = version;
      this.os = os;
    }

    public HostBuilder site(String name, long id) {
      sites.add(new ObservedSite(name, id, "Started", "C:\\inetpub\\" + name, null, List.of()));
      return this;
    }

    public HostBuilder site6(String name, long id, String appRoot, ObservedApplication... apps) {
      sites.add(new ObservedSite(name, id, "Started", "C:\\Inetpub\\" + name, appRoot, Arrays.asList(apps)));
      return this;
    }

    /** Installs the runtime and writes its machine.config holding {@code key} (null: no machineKey). */
    public HostBuilder runtime(ClrRuntime runtime, int bits, MachineKeySetting key) {
      installed.add(new RuntimeInstall(runtime, Bitness.ofBits(bits)));
      return file(machineConfig(runtime, bits), key, null);
    }

    /** Installs the runtime (its CONFIG folder exists) without any config file read. */
    public HostBuilder installOnly(ClrRuntime runtime, int bits) {
      installed.add(new RuntimeInstall(runtime, Bitness.ofBits(bits)));
      return this;
    }

    public HostBuilder file(ConfigLocation location, MachineKeySetting key, SessionStateSetting session) {
      files.removeIf(f -> f.location().equals(location));
      String xml = "<configuration><system.web>" + (key == null ? "" : "<machineKey validationKey=\""
          + (key.validationKey() == null ? "" : key.validationKey().attributeValue()) + "\" decryptionKey=\""
          + (key.decryptionKey() == null ? "" : key.decryptionKey().attributeValue()) + "\" />")
          + "</system.web></configuration>";
      files.add(new ConfigFile(location, "C:\\WINDOWS\\" + location.relativePath(),
          xml.getBytes(StandardCharsets.UTF_8), key, session));
      return this;
    }

    /** A file whose machine-level {@code <machineKey>} has the given form (encrypted, locked, rejected ...). */
    public HostBuilder fileWith(ConfigLocation location, MachineKeySetting key, MachineKeyElement element) {
      files.removeIf(f -> f.location().equals(location));
      files.add(new ConfigFile(location, "C:\\WINDOWS\\" + location.relativePath(),
          "<configuration/>".getBytes(StandardCharsets.UTF_8), key, null, element));
      return this;
    }

    public HostBuilder siteConfig(SiteWebConfig config) {
      siteConfigs.add(config);
      return this;
    }

    public HostBuilder siteConfig(String site, MachineKeySetting key, SessionStateSetting session) {
      siteConfigs.add(new SiteWebConfig(site, "C:\\inetpub\\" + site + "\\web.config", key, session));
      return this;
    }

    /** IIS reads its configuration from the shared store at {@code uncPath}. */
    public HostBuilder sharedConfiguration(String uncPath) {
      sharedConfiguration = uncPath;
      return this;
    }

    public HostBuilder configsNotRead() {
      configsRead = false;
      files.clear();
      siteConfigs.clear();
      return this;
    }

    public HostObservation build() {
      return new HostObservation("HOST", version.isIis6() ? "Microsoft Windows [Version 5.2.3790]"
          : "Microsoft Windows [Version 10.0.17763.1]", os, version, sites, installed, configsRead, files,
          siteConfigs, OBSERVED_AT, sharedConfiguration, HostObservation.DEFAULT_CONSOLE_CODE_PAGE);
    }
  }

  public static Set<Bitness> bits(int... values) {
    Set<Bitness> out = new java.util.HashSet<>();
    for (int v : values) {
      out.add(Bitness.ofBits(v));
    }
    return out;
  }
}
