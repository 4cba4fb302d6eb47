package io.iisfarm.operator.benchmark;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.iisfarm.operator.api.AuthScheme;
import io.iisfarm.operator.api.DecryptionAlgorithm;
import io.iisfarm.operator.api.HostSpec;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmSpec;
import io.iisfarm.operator.api.MachineKeySpec;
import io.iisfarm.operator.api.Mode;
import io.iisfarm.operator.api.RolloutSpec;
import io.iisfarm.operator.api.SecretRef;
import io.iisfarm.operator.api.Transport;
import io.iisfarm.operator.api.ValidationAlgorithm;
import io.iisfarm.operator.api.WinRmSpec;
import io.iisfarm.operator.cli.demo.SimulatedFarmManifests;
import io.iisfarm.operator.secrets.MachineKeySecret;
import io.iisfarm.operator.secrets.WinRmSecrets;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One benchmark farm as an admin would declare it: an IisFarm over HTTPS with the simulator's CA, one
 * credentials Secret shared by the farm's hosts, and the key Secret. Hosts are given by name and port, so the
 * farm may be served by this process or by another one.
 */
final class BenchManifests {
  record Host(String name, int port) {}

  private final String namespace;
  private final String name;
  private final IisFarm farm;
  private final List<Secret> secrets = new ArrayList<>();

  BenchManifests(String namespace, String name, List<Host> hosts, String password, String caPem, BenchKey key,
      String resyncInterval, int maxUnavailable) {
    this.namespace = namespace;
    this.name = name;
    IisFarmSpec spec = new IisFarmSpec();
    spec.setMode(Mode.ENFORCE);
    spec.setResyncInterval(resyncInterval);
    RolloutSpec rollout = new RolloutSpec();
    rollout.setMaxUnavailable(maxUnavailable);
    spec.setRollout(rollout);
    WinRmSpec winrm = new WinRmSpec();
    winrm.setTransport(Transport.HTTPS);
    winrm.setAuth(AuthScheme.BASIC);
    winrm.setCredentialsSecretRef(new SecretRef(name + "-winrm"));
    winrm.setCaSecretRef(new SecretRef(name + "-winrm-ca"));
    spec.setWinrm(winrm);
    List<HostSpec> hostSpecs = new ArrayList<>();
    hosts.forEach(h -> hostSpecs.add(new HostSpec(h.name(), "127.0.0.1:" + h.port())));
    spec.setHosts(hostSpecs);
    spec.setSites(new ArrayList<>(SimulatedFarmManifests.SAMPLE_SITES));
    MachineKeySpec machineKey = new MachineKeySpec();
    machineKey.setSecretRef(new SecretRef(name + "-machinekey"));
    machineKey.setValidation(ValidationAlgorithm.SHA1);
    machineKey.setDecryption(DecryptionAlgorithm.AES);
    spec.setMachineKey(machineKey);
    farm = new IisFarm();
    farm.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    farm.setSpec(spec);
    secrets.add(secret(name + "-winrm", Map.of(WinRmSecrets.USERNAME, BenchFarmFile.USER,
        WinRmSecrets.PASSWORD, password)));
    secrets.add(secret(name + "-winrm-ca", Map.of(WinRmSecrets.CA_CERT, caPem)));
    secrets.add(secret(name + "-machinekey", Map.of(MachineKeySecret.VALIDATION_KEY, key.validationKey(),
        MachineKeySecret.DECRYPTION_KEY, key.decryptionKey())));
  }

  IisFarm farm() { return farm; }

  List<Secret> secrets() { return List.copyOf(secrets); }

  String name() { return name; }

  String namespace() { return namespace; }

  /** The Secrets' decoded data by name, for resolving the farm without an API server. */
  Optional<Map<String, String>> secretData(String ns, String secretName) {
    if (!namespace.equals(ns)) {
      return Optional.empty();
    }
    return secrets.stream().filter(s -> s.getMetadata().getName().equals(secretName)).findFirst().map(s -> {
      Map<String, String> data = new HashMap<>();
      s.getData().forEach((k, v) -> data.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
      return data;
    });
  }

  private Secret secret(String secretName, Map<String, String> data) {
    Map<String, String> encoded = new TreeMap<>();
    data.forEach((k, v) -> encoded.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    return new SecretBuilder()
        .withMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(secretName).build())
        .withType("Opaque").withData(encoded).build();
  }
}
