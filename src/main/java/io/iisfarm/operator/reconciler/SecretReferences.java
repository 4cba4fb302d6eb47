package io.iisfarm.operator.reconciler;

import io.iisfarm.operator.api.HostSpec;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmSpec;
import io.iisfarm.operator.api.SecretRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The Secrets an IisFarm references, as {@code namespace/name} keys of the informer index. */
final class SecretReferences {
  private SecretReferences() {}

  static List<String> of(IisFarm farm) {
    IisFarmSpec spec = farm.getSpec();
    String namespace = farm.getMetadata().getNamespace();
    Set<String> keys = new LinkedHashSet<>();
    if (spec == null) {
      return List.of();
    }
    if (spec.getWinrm() != null) {
      add(keys, namespace, spec.getWinrm().getCredentialsSecretRef());
      add(keys, namespace, spec.getWinrm().getCaSecretRef());
    }
    if (spec.getHosts() != null) {
      for (HostSpec host : spec.getHosts()) {
        add(keys, namespace, host.getCredentialsSecretRef());
      }
    }
    if (spec.getMachineKey() != null) {
      add(keys, namespace, spec.getMachineKey().getSecretRef());
    }
    return new ArrayList<>(keys);
  }

  static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  private static void add(Set<String> keys, String namespace, SecretRef ref) {
    if (ref != null && ref.getName() != null) {
      keys.add(key(namespace, ref.getName()));
    }
  }
}
