package io.iisfarm.operator.cli.demo;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.iisfarm.operator.api.AuthScheme;
import io.iisfarm.operator.api.DecryptionAlgorithm;
import io.iisfarm.operator.api.HostSpec;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmSpec;
import io.iisfarm.operator.api.MachineKeySpec;
import io.iisfarm.operator.api.Mode;
import io.iisfarm.operator.api.RolloutSpec;
import io.iisfarm.operator.api.SecretRef;
import io.iisfarm.operator.api.SiteSpec;
import io.iisfarm.operator.api.Transport;
import io.iisfarm.operator.api.ValidationAlgorithm;
import io.iisfarm.operator.api.WinRmSpec;
import io.iisfarm.operator.secrets.KeyGenerator;
import io.iisfarm.operator.secrets.MachineKeySecret;
import io.iisfarm.operator.secrets.WinRmSecrets;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.simulator.SimulatedHost;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The IisFarm and Secrets that describe a simulated farm the way an admin would: one WinRM Secret per host
 * (each simulated host has its own password), the farm's CA, a fresh machineKey, and the sample farm's sites
 * (Shop on 2, Api on 3). Used by {@code demo} and by the tests.
 */
public final class SimulatedFarmManifests {
  public static final List<SiteSpec> SAMPLE_SITES = List.of(new SiteSpec("Shop", 2L), new SiteSpec("Api", 3L));

  private final String namespace;
  private final String name;
  private final IisFarm farm;
  private final List<Secret> secrets = new ArrayList<>();

  private SimulatedFarmManifests(SimulatedFarm simulated, List<SimulatedHost> farmHosts, String namespace, String name,
      String resyncInterval) {
    this.namespace = namespace;
    this.name = name;
    IisFarmSpec spec = new IisFarmSpec();
    spec.setMode(Mode.ENFORCE);
    spec.setResyncInterval(resyncInterval);
    RolloutSpec rollout = new RolloutSpec();
    rollout.setMaxUnavailable(1);
    spec.setRollout(rollout);
    WinRmSpec winrm = new WinRmSpec();
    winrm.setTransport(Transport.HTTPS);
    winrm.setAuth(AuthScheme.BASIC);
    winrm.setCaSecretRef(new SecretRef(caSecretName()));
    winrm.setAllowLegacyTls(farmHosts.stream().anyMatch(SimulatedHost::legacyTls));
    spec.setWinrm(winrm);
    List<HostSpec> hosts = new ArrayList<>();
    for (SimulatedHost host : farmHosts) {
      HostSpec hostSpec = new HostSpec(host.name(), "127.0.0.1:" + host.port());
      hostSpec.setCredentialsSecretRef(new SecretRef(winrmSecretName(host.name())));
      hosts.add(hostSpec);
      secrets.add(secret(winrmSecretName(host.name()),
          Map.of(WinRmSecrets.USERNAME, host.username(), WinRmSecrets.PASSWORD, host.password())));
    }
    // the farm-wide reference is required; every host overrides it with its own Secret
    winrm.setCredentialsSecretRef(new SecretRef(winrmSecretName(farmHosts.get(0).name())));
    spec.setHosts(hosts);
    spec.setSites(new ArrayList<>(SAMPLE_SITES));
    MachineKeySpec key = new MachineKeySpec();
    key.setSecretRef(new SecretRef(keySecretName()));
    key.setValidation(ValidationAlgorithm.SHA1);
    key.setDecryption(DecryptionAlgorithm.AES);
    spec.setMachineKey(key);
    secrets.add(secret(caSecretName(), Map.of(WinRmSecrets.CA_CERT, simulated.caPem())));
    KeyGenerator generator = new KeyGenerator();
    secrets.add(secret(keySecretName(), Map.of(
        MachineKeySecret.VALIDATION_KEY, generator.validationKey(ValidationAlgorithm.SHA1).reveal(),
        MachineKeySecret.DECRYPTION_KEY, generator.decryptionKey(DecryptionAlgorithm.AES).reveal())));
    farm = new IisFarm();
    farm.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    farm.setSpec(spec);
  }

  /** Manifests for {@code simulated}, named {@code name} in {@code namespace}, with a freshly generated key. */
  public static SimulatedFarmManifests of(SimulatedFarm simulated, String namespace, String name,
      String resyncInterval) {
    return new SimulatedFarmManifests(simulated, simulated.hosts(), namespace, name, resyncInterval);
  }

  /** Manifests for some hosts of {@code simulated} only, so that one simulated farm can back several IisFarms. */
  public static SimulatedFarmManifests of(SimulatedFarm simulated, List<SimulatedHost> hosts, String namespace,
      String name, String resyncInterval) {
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("an IisFarm needs at least one host");
    }
    return new SimulatedFarmManifests(simulated, List.copyOf(hosts), namespace, name, resyncInterval);
  }

  /** A new IisFarm object each call, so callers may change it before creating it. */
  public IisFarm farm() {
    return Serialization.clone(farm);
  }

  public List<Secret> secrets() { return List.copyOf(secrets); }

  public String keySecretName() { return name + "-machinekey"; }

  public String caSecretName() { return name + "-winrm-ca"; }

  public String winrmSecretName(String host) { return name + "-" + host + "-winrm"; }

  private Secret secret(String secretName, Map<String, String> data) {
    Map<String, String> encoded = new TreeMap<>();
    data.forEach((k, v) -> encoded.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    return new SecretBuilder()
        .withMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(secretName).build())
        .withType("Opaque")
        .withData(encoded)
        .build();
  }
}
