package io.iisfarm.operator.cli.demo;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.iisfarm.operator.api.AuthScheme;
import io.iisfarm.operator.api.DecryptionAlgorithm;
import io.iisfarm.operator.api.HostHttpSpec;
import io.iisfarm.operator.api.HostSpec;
import io.iisfarm.operator.api.PortMapping;
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
import io.iisfarm.operator.plan.SpecProblem;
import io.iisfarm.operator.plan.SpecValidator;
import io.iisfarm.operator.secrets.KeyGenerator;
import io.iisfarm.operator.secrets.MachineKeySecret;
import io.iisfarm.operator.secrets.WinRmSecrets;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.simulator.SimulatedHost;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The IisFarm and Secrets that describe a simulated farm the way an admin would: one WinRM Secret per host
 * (each simulated host has its own password), the farm's CA, a fresh machineKey, and what the farm wants (by
 * default the sample farm's: Shop on 2, Api on 3). Used by {@code demo}, by {@code simulate --farm-out} and by
 * the tests.
 */
public final class SimulatedFarmManifests {
  public static final List<SiteSpec> SAMPLE_SITES = List.of(new SiteSpec("Shop", 2L), new SiteSpec("Api", 3L));

  private final String namespace;
  private final String name;
  private final IisFarm farm;
  private final List<Secret> secrets = new ArrayList<>();

  private SimulatedFarmManifests(SimulatedFarm simulated, List<SimulatedHost> farmHosts, String namespace, String name,
      IisFarmSpec wanted) {
    if (farmHosts.isEmpty()) {
      throw new IllegalArgumentException("an IisFarm needs at least one host");
    }
    this.namespace = namespace;
    this.name = name;
    IisFarmSpec spec = Serialization.clone(wanted);
    WinRmSpec winrm = new WinRmSpec();
    boolean https = same(farmHosts.stream().map(SimulatedHost::https).toList(), "https and http");
    winrm.setTransport(https ? Transport.HTTPS : Transport.HTTP);
    winrm.setAuth(auth(farmHosts));
    winrm.setAllowLegacyTls(farmHosts.stream().anyMatch(SimulatedHost::legacyTls));
    if (https) {
      winrm.setCaSecretRef(new SecretRef(caSecretName()));
      secrets.add(secret(caSecretName(), Map.of(WinRmSecrets.CA_CERT, simulated.caPem())));
    }
    List<HostSpec> hosts = new ArrayList<>();
    for (SimulatedHost host : farmHosts) {
      HostSpec hostSpec = new HostSpec(host.name().toLowerCase(Locale.ROOT), "127.0.0.1:" + host.port());
      hostSpec.setCredentialsSecretRef(new SecretRef(winrmSecretName(hostSpec.getName())));
      if (!host.httpPorts().isEmpty()) {
        // the simulated host serves each binding port (e.g. 80) on a free loopback port
        HostHttpSpec http = new HostHttpSpec();
        host.httpPorts().entrySet().stream().sorted(Map.Entry.comparingByKey())
            .forEach(e -> http.getPorts().add(new PortMapping(e.getKey(), e.getValue())));
        hostSpec.setHttp(http);
      }
      hosts.add(hostSpec);
      secrets.add(secret(winrmSecretName(hostSpec.getName()),
          Map.of(WinRmSecrets.USERNAME, host.username(), WinRmSecrets.PASSWORD, host.password())));
    }
    // the farm-wide reference is required; every simulated host has its own password, so its own Secret
    winrm.setCredentialsSecretRef(new SecretRef(winrmSecretName(hosts.get(0).getName())));
    spec.setWinrm(winrm);
    spec.setHosts(hosts);
    MachineKeySpec key = spec.getMachineKey();
    if (key != null) {
      if (key.getSecretRef() == null) {
        key.setSecretRef(new SecretRef(name + "-machinekey"));
      }
      if (key.getAdoptFrom() == null && !Boolean.TRUE.equals(key.getGenerate())) {
        KeyGenerator generator = new KeyGenerator();
        secrets.add(secret(key.getSecretRef().getName(), Map.of(
            MachineKeySecret.VALIDATION_KEY, generator.validationKey(key.getValidation()).reveal(),
            MachineKeySecret.DECRYPTION_KEY, generator.decryptionKey(key.getDecryption()).reveal())));
      }
    }
    List<SpecProblem> problems = SpecValidator.validate(spec);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("the farm's IisFarm would be invalid: " + SpecValidator.summary(problems));
    }
    farm = new IisFarm();
    farm.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    farm.setSpec(spec);
  }

  /** Manifests for {@code simulated}, named {@code name} in {@code namespace}, with a freshly generated key. */
  public static SimulatedFarmManifests of(SimulatedFarm simulated, String namespace, String name,
      String resyncInterval) {
    return new SimulatedFarmManifests(simulated, simulated.hosts(), namespace, name, sample(resyncInterval));
  }

  /** Manifests for some hosts of {@code simulated} only, so that one simulated farm can back several IisFarms. */
  public static SimulatedFarmManifests of(SimulatedFarm simulated, List<SimulatedHost> hosts, String namespace,
      String name, String resyncInterval) {
    return new SimulatedFarmManifests(simulated, List.copyOf(hosts), namespace, name, sample(resyncInterval));
  }

  /**
   * Manifests for {@code hosts} wanting {@code wanted}: any spec field but {@code winrm} and {@code hosts}, which
   * come from the running hosts (addresses on 127.0.0.1, transport, auth, legacy TLS, credentials and CA). A
   * machineKey without {@code generate} or {@code adoptFrom} gets a Secret with a fresh key.
   *
   * @throws IllegalArgumentException when the hosts cannot share one IisFarm or the result would be invalid
   */
  public static SimulatedFarmManifests of(SimulatedFarm simulated, List<SimulatedHost> hosts, String namespace,
      String name, IisFarmSpec wanted) {
    return new SimulatedFarmManifests(simulated, List.copyOf(hosts), namespace, name, wanted);
  }

  /** The sample farm's wishes: Shop on 2, Api on 3, one SHA1/AES machineKey, enforced one host at a time. */
  private static IisFarmSpec sample(String resyncInterval) {
    IisFarmSpec spec = new IisFarmSpec();
    spec.setMode(Mode.ENFORCE);
    spec.setResyncInterval(resyncInterval);
    RolloutSpec rollout = new RolloutSpec();
    rollout.setMaxUnavailable(1);
    spec.setRollout(rollout);
    spec.setSites(new ArrayList<>(SAMPLE_SITES));
    MachineKeySpec key = new MachineKeySpec();
    key.setValidation(ValidationAlgorithm.SHA1);
    key.setDecryption(DecryptionAlgorithm.AES);
    spec.setMachineKey(key);
    return spec;
  }

  private static boolean same(List<Boolean> values, String what) {
    if (values.stream().distinct().count() > 1) {
      throw new IllegalArgumentException("the hosts mix " + what + ", but an IisFarm has one transport");
    }
    return values.get(0);
  }

  private static AuthScheme auth(List<SimulatedHost> hosts) {
    if (hosts.stream().allMatch(SimulatedHost::basicAuth)) {
      return AuthScheme.BASIC;
    }
    if (hosts.stream().allMatch(SimulatedHost::ntlmAuth)) {
      return AuthScheme.NTLM;
    }
    throw new IllegalArgumentException("the hosts accept no common authentication (basic or ntlm)");
  }

  /** A new IisFarm object each call, so callers may change it before creating it. */
  public IisFarm farm() {
    return Serialization.clone(farm);
  }

  public List<Secret> secrets() { return List.copyOf(secrets); }

  public String keySecretName() {
    MachineKeySpec key = farm.getSpec().getMachineKey();
    return key == null ? null : key.getSecretRef().getName();
  }

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
