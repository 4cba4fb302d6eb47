package io.iisfarm.operator.reconciler;

import io.iisfarm.operator.api.HostSpec;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.Transport;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Two IisFarms that name the same host would fight over it. The earlier farm (by creation time, then
 * namespace/name) keeps the host; the later one leaves it alone and reports {@code HostClaimedElsewhere}.
 */
final class HostClaims {
  private static final Comparator<IisFarm> SENIORITY = Comparator
      .comparing((IisFarm f) -> f.getMetadata().getCreationTimestamp() == null ? "" : f.getMetadata().getCreationTimestamp())
      .thenComparing(f -> f.getMetadata().getNamespace() + "/" + f.getMetadata().getName());

  private HostClaims() {}

  /** Host name in {@code farm} → the {@code namespace/name} of the earlier farm that holds the same address. */
  static Map<String, String> claimedElsewhere(IisFarm farm, Collection<IisFarm> allFarms) {
    Map<String, String> claimed = new HashMap<>();
    for (HostSpec host : farm.getSpec().getHosts()) {
      String endpoint = endpointKey(farm, host);
      allFarms.stream()
          .filter(other -> !sameFarm(other, farm))
          .filter(other -> other.getSpec() != null && other.getSpec().getHosts() != null)
          .filter(other -> SENIORITY.compare(other, farm) < 0)
          .filter(other -> other.getSpec().getHosts().stream().anyMatch(h -> endpointKey(other, h).equals(endpoint)))
          .min(SENIORITY)
          .ifPresent(owner -> claimed.put(host.getName(),
              owner.getMetadata().getNamespace() + "/" + owner.getMetadata().getName()));
    }
    return claimed;
  }

  /** host:port in lower case, with the transport's default port filled in. */
  static String endpointKey(IisFarm farm, HostSpec host) {
    String address = host.getAddress().toLowerCase(Locale.ROOT);
    boolean hasPort = address.startsWith("[") ? address.contains("]:") : address.contains(":");
    if (hasPort) {
      return address;
    }
    var winrm = farm.getSpec().getWinrm();
    int port = winrm != null && winrm.getPort() != null ? winrm.getPort()
        : (winrm != null && winrm.getTransport() == Transport.HTTP ? 5985 : 5986);
    return address + ":" + port;
  }

  private static boolean sameFarm(IisFarm a, IisFarm b) {
    return a.getMetadata().getNamespace().equals(b.getMetadata().getNamespace())
        && a.getMetadata().getName().equals(b.getMetadata().getName());
  }
}
