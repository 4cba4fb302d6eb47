package io.iisfarm.operator.reconciler;

import io.iisfarm.operator.api.HostSpec;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmSpec;
import io.iisfarm.operator.api.SecretRef;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The Secrets an IisFarm references: by name, and as {@code namespace/name} keys of the informer index. */
public final class SecretReferences {
  private SecretReferences() {}

  static List<String> of(IisFarm farm) {
    String namespace = farm.getMetadata().getNamespace();
    return names(farm.getSpec()).stream().map(name -> key(namespace, name)).toList();
  }

  /**
   * The names of the Secrets {@code spec} references, each once: WinRM credentials and CA, hosts' own, the key,
   * the drain webhook's CA and token.
   */
  public static List<String> names(IisFarmSpec spec) {
    Set<String> names = new LinkedHashSet<>();
    if (spec == null) {
      return List.of();
    }
    if (spec.getWinrm() != null) {
      add(names, spec.getWinrm().getCredentialsSecretRef());
      add(names, spec.getWinrm().getCaSecretRef());
    }
    if (spec.getHosts() != null) {
      for (HostSpec host : spec.getHosts()) {
        add(names, host.getCredentialsSecretRef());
      }
    }
    if (spec.getMachineKey() != null) {
      add(names, spec.getMachineKey().getSecretRef());
    }
    if (spec.getRollout() != null && spec.getRollout().getDrain() != null
        && spec.getRollout().getDrain().getWebhook() != null) {
      add(names, spec.getRollout().getDrain().getWebhook().getCaSecretRef());
      add(names, spec.getRollout().getDrain().getWebhook().getTokenSecretRef());
    }
    return List.copyOf(names);
  }

  static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  private static void add(Set<String> names, SecretRef ref) {
    if (ref != null && ref.getName() != null) {
      names.add(ref.getName());
    }
  }
}
