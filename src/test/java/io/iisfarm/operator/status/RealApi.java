package io.iisfarm.operator.status;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.iisfarm.operator.api.HostSpec;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmSpec;
import io.iisfarm.operator.api.SecretRef;
import io.iisfarm.operator.api.SiteSpec;
import io.iisfarm.operator.api.WinRmSpec;
import io.iisfarm.operator.testing.ApiFaults;
import io.iisfarm.operator.testing.RealKube;
import java.util.List;

/**
 * The real API server of this JVM ({@link RealKube}) with the IisFarm CRD, seen from a namespace of this
 * fixture's own, through a client whose requests are counted and can be failed ({@link ApiFaults}).
 */
final class RealApi implements AutoCloseable {
  final String namespace;
  final ApiFaults requests = new ApiFaults();
  final KubernetesClient client;

  RealApi() {
    RealKube kube = RealKube.get();
    kube.installCrd();
    namespace = kube.createNamespace("status");
    var config = kube.adminClient(namespace).getConfiguration();
    // no client-side retries: a server error must reach the caller, as the reconciler retries by itself
    config.setRequestRetryBackoffLimit(0);
    client = new KubernetesClientBuilder().withConfig(config)
        .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("requests", requests)).build();
  }

  IisFarm createFarm(String name) {
    IisFarm farm = new IisFarm();
    farm.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    IisFarmSpec spec = new IisFarmSpec();
    WinRmSpec winrm = new WinRmSpec();
    winrm.setCredentialsSecretRef(new SecretRef("winrm-creds"));
    spec.setWinrm(winrm);
    spec.setHosts(List.of(new HostSpec("web1", "web1.example.com"), new HostSpec("web2", "web2.example.com")));
    spec.setSites(List.of(new SiteSpec("Shop", 2), new SiteSpec("Api", 3)));
    farm.setSpec(spec);
    return client.resource(farm).create();
  }

  IisFarm get(String name) {
    return client.resources(IisFarm.class).inNamespace(namespace).withName(name).get();
  }

  @Override
  public void close() {
    client.close();
    requests.close();
  }
}
