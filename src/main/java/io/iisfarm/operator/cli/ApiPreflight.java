package io.iisfarm.operator.cli;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributesBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.iisfarm.operator.api.IisFarm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What {@code run} checks before it starts the operator, each within seconds, so that a wrong setup ends with
 * one line that says what is wrong and what to do instead of a stream of informer stack traces: the API server
 * answers, the IisFarm CRD is installed, and the identity has every permission the operator uses.
 */
final class ApiPreflight {
  static final String CRD_FILE = "crds/iisfarms.iisfarm.io-v1.yml";
  private static final Path IN_CLUSTER_TOKEN = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");
  private static final int CONNECT_TIMEOUT_MS = 5_000;
  private static final int REQUEST_TIMEOUT_MS = 10_000;

  /** What {@code run} cannot start with. */
  static final class Failed extends Exception {
    Failed(String message) {
      super(message);
    }
  }

  private record Permission(String group, String resource, String subresource, String verb) {
    String describe() {
      String name = group.isEmpty() ? resource : resource + "." + group;
      return verb + " " + (subresource.isEmpty() ? name : name + "/" + subresource);
    }
  }

  private static final List<Permission> OPERATOR = List.of(
      new Permission(IisFarm.GROUP, "iisfarms", "", "get"),
      new Permission(IisFarm.GROUP, "iisfarms", "", "list"),
      new Permission(IisFarm.GROUP, "iisfarms", "", "watch"),
      new Permission(IisFarm.GROUP, "iisfarms", "status", "patch"),
      new Permission("", "secrets", "", "get"),
      new Permission("", "secrets", "", "list"),
      new Permission("", "secrets", "", "watch"),
      new Permission("", "secrets", "", "create"),
      new Permission("", "events", "", "get"),
      new Permission("", "events", "", "create"),
      new Permission("", "events", "", "patch"));

  private ApiPreflight() {}

  /**
   * Checks {@code config}'s API server for an operator watching {@code namespaces} (empty: all) and, when
   * {@code leaseName} is set, holding that Lease in {@code leaseNamespace}.
   *
   * @throws Failed with the one line to print
   */
  static void check(Config config, Set<String> namespaces, String leaseName, String leaseNamespace) throws Failed {
    Config quick = new ConfigBuilder(config).withConnectionTimeout(CONNECT_TIMEOUT_MS)
        .withRequestTimeout(REQUEST_TIMEOUT_MS).withRequestRetryBackoffLimit(0).build();
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(quick).build()) {
      String source = source(config);
      reachable(client, source);
      crdInstalled(client, source);
      permitted(client, namespaces, leaseName, leaseNamespace, source);
    }
  }

  private static void reachable(KubernetesClient client, String source) throws Failed {
    try {
      client.getKubernetesVersion();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 401) {
        throw new Failed("the Kubernetes API server at " + client.getMasterUrl() + " refused the credentials of "
            + source + " (HTTP 401): renew them (e.g. log in again) or point KUBECONFIG at a valid kubeconfig");
      }
      if (e.getCode() > 0) {
        return; // it answers; /version may be forbidden, the next checks say more
      }
      throw new Failed("cannot reach the Kubernetes API server at " + client.getMasterUrl() + " ("
          + whyUnreachable(client.getMasterUrl(), e) + "); tried " + source
          + ": check the server address and the network, or set KUBECONFIG");
    }
  }

  private static void crdInstalled(KubernetesClient client, String source) throws Failed {
    try {
      var resources = client.getApiResources(IisFarm.GROUP + "/" + IisFarm.VERSION);
      if (resources != null && resources.getResources().stream().anyMatch(r -> "iisfarms".equals(r.getName()))) {
        return;
      }
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw new Failed("cannot read the API discovery of " + client.getMasterUrl() + " (HTTP " + e.getCode()
            + "); tried " + source);
      }
    }
    throw new Failed("the IisFarm CRD (iisfarms." + IisFarm.GROUP + "/" + IisFarm.VERSION + ") is not installed on "
        + client.getMasterUrl() + " (" + source + "): install it with `kubectl apply -f " + CRD_FILE
        + "` (or the Helm chart), then start the operator again");
  }

  private static void permitted(KubernetesClient client, Set<String> namespaces, String leaseName,
      String leaseNamespace, String source) throws Failed {
    List<String> missing = new ArrayList<>();
    List<String> scopes = namespaces.isEmpty() ? List.of("") : List.copyOf(namespaces);
    for (String namespace : scopes) {
      List<String> denied = new ArrayList<>();
      for (Permission p : OPERATOR) {
        if (!allowed(client, p, namespace, null)) {
          denied.add(p.describe());
        }
      }
      if (!denied.isEmpty()) {
        missing.add(String.join(", ", denied) + (namespace.isEmpty() ? " in all namespaces" : " in namespace " + namespace));
      }
    }
    if (leaseName != null) {
      List<String> denied = new ArrayList<>();
      Permission create = new Permission("coordination.k8s.io", "leases", "", "create");
      if (!allowed(client, create, leaseNamespace, null)) {
        denied.add(create.describe());
      }
      for (String verb : List.of("get", "update")) {
        Permission p = new Permission("coordination.k8s.io", "leases", "", verb);
        if (!allowed(client, p, leaseNamespace, leaseName)) {
          denied.add(p.describe() + " " + leaseName);
        }
      }
      if (!denied.isEmpty()) {
        missing.add(String.join(", ", denied) + " in namespace " + leaseNamespace);
      }
    }
    if (!missing.isEmpty()) {
      throw new Failed("missing permissions: the operator (" + source + ") may not " + String.join("; ", missing)
          + ": install the Helm chart's RBAC (helm upgrade --install), or grant these verbs to this identity");
    }
  }

  private static boolean allowed(KubernetesClient client, Permission p, String namespace, String name) throws Failed {
    SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder().withNewSpec()
        .withResourceAttributes(new ResourceAttributesBuilder().withGroup(p.group()).withResource(p.resource())
            .withSubresource(p.subresource()).withVerb(p.verb()).withNamespace(namespace).withName(name).build())
        .endSpec().build();
    try {
      return Boolean.TRUE.equals(client.authorization().v1().selfSubjectAccessReview().create(review)
          .getStatus().getAllowed());
    } catch (KubernetesClientException e) {
      throw new Failed("cannot check the operator's permissions on " + client.getMasterUrl()
          + " (SelfSubjectAccessReview: HTTP " + e.getCode() + ")");
    }
  }

  /** Which configuration was used: the kubeconfig file and context, or the pod's service account. */
  static String source(Config config) {
    if (config.getFile() != null) {
      String context = config.getCurrentContext() == null ? "" : ", context " + config.getCurrentContext().getName();
      return "kubeconfig " + config.getFile() + context;
    }
    if (System.getenv("KUBERNETES_SERVICE_HOST") != null && Files.exists(IN_CLUSTER_TOKEN)) {
      return "the pod's service account (in-cluster config)";
    }
    String kubeconfig = System.getenv("KUBECONFIG");
    return "no kubeconfig (" + (kubeconfig == null ? "KUBECONFIG unset and no ~/.kube/config" : "KUBECONFIG=" + kubeconfig
        + " not found") + ") and no in-cluster service account, so the default " + config.getMasterUrl();
  }

  /**
   * Why {@code url} did not answer: the HTTP client's exceptions carry no message, so a name that does not
   * resolve is said so, and otherwise a plain TCP connection says what the network says (refused, no route, ...).
   */
  static String whyUnreachable(java.net.URL url, Throwable e) {
    String host = url.getHost();
    int port = url.getPort() > 0 ? url.getPort() : url.getDefaultPort();
    java.net.InetAddress address;
    try {
      address = java.net.InetAddress.getByName(host);
    } catch (java.net.UnknownHostException unknown) {
      return "the name " + host + " does not resolve";
    }
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress(address, port), CONNECT_TIMEOUT_MS);
    } catch (java.io.IOException connect) {
      return connect.getMessage() == null ? connect.getClass().getSimpleName() : connect.getMessage();
    }
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
