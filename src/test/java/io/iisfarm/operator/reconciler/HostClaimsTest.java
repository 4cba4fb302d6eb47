package io.iisfarm.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.api.HostSpec;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmSpec;
import io.iisfarm.operator.api.Transport;
import io.iisfarm.operator.api.WinRmSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostClaimsTest {

  private static IisFarm farm(String namespace, String name, String created, Transport transport, HostSpec... hosts) {
    IisFarm farm = new IisFarm();
    farm.getMetadata().setNamespace(namespace);
    farm.getMetadata().setName(name);
    farm.getMetadata().setCreationTimestamp(created);
    IisFarmSpec spec = new IisFarmSpec();
    spec.setWinrm(new WinRmSpec());
    spec.getWinrm().setTransport(transport);
    spec.setHosts(List.of(hosts));
    farm.setSpec(spec);
    return farm;
  }

  @Test
  void theLaterFarmLeavesASharedHostToTheEarlierOne() {
    IisFarm shop = farm("web", "shop", "2026-01-01T00:00:00Z", Transport.HTTPS,
        new HostSpec("web01", "WEB01.corp.example"), new HostSpec("web02", "web02.corp.example"));
    IisFarm blog = farm("blog", "blog", "2026-02-01T00:00:00Z", Transport.HTTPS,
        new HostSpec("front", "web01.corp.example:5986"), new HostSpec("other", "web09.corp.example"));
    List<IisFarm> all = List.of(shop, blog);

    assertThat(HostClaims.claimedElsewhere(blog, all)).containsExactly(java.util.Map.entry("front", "web/shop"));
    assertThat(HostClaims.claimedElsewhere(shop, all)).isEmpty();
  }

  @Test
  void aDifferentPortIsADifferentEndpoint() {
    IisFarm https = farm("a", "https", "2026-01-01T00:00:00Z", Transport.HTTPS, new HostSpec("h", "web01"));
    IisFarm http = farm("b", "http", "2026-02-01T00:00:00Z", Transport.HTTP, new HostSpec("h", "web01"));

    assertThat(HostClaims.claimedElsewhere(http, List.of(https, http))).isEmpty();
  }

  @Test
  void sameCreationTimeFallsBackToNamespaceAndName() {
    IisFarm a = farm("ns", "a", "2026-01-01T00:00:00Z", Transport.HTTPS, new HostSpec("h", "web01"));
    IisFarm b = farm("ns", "b", "2026-01-01T00:00:00Z", Transport.HTTPS, new HostSpec("h", "web01"));

    assertThat(HostClaims.claimedElsewhere(b, List.of(a, b))).containsKey("h");
    assertThat(HostClaims.claimedElsewhere(a, List.of(a, b))).isEmpty();
  }
}
