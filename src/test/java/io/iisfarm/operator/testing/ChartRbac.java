package io.iisfarm.operator.testing;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The chart's ServiceAccount and RBAC, rendered by real Helm with the given values and applied to a real API
 * server, as {@code helm install} would: the operator in a test then runs as that ServiceAccount (a TokenRequest
 * token) with exactly the chart's permissions, nothing more. {@link #close()} deletes what was applied.
 */
public final class ChartRbac implements AutoCloseable {
  public static final Path CHART = Path.of("helm/iis-farm-operator");
  private static final Set<String> KINDS = Set.of("ServiceAccount", "Role", "RoleBinding", "ClusterRole",
      "ClusterRoleBinding");
  private static final YAMLMapper YAML = new YAMLMapper();

  private final KubernetesClient admin;
  private final String release;
  private final String namespace;
  private final List<HasMetadata> applied;

  private ChartRbac(KubernetesClient admin, String release, String namespace, List<HasMetadata> applied) {
    this.admin = admin;
    this.release = release;
    this.namespace = namespace;
    this.applied = applied;
  }

  /**
   * Renders the chart as release {@code release} in {@code namespace} with {@code values} (a values document, as
   * {@code helm install -f}) and applies its ServiceAccount, Roles, ClusterRoles and bindings with {@code admin}.
   */
  public static ChartRbac install(KubernetesClient admin, String release, String namespace, Map<String, Object> values) {
    List<HasMetadata> objects = render(admin, release, namespace, values).stream()
        .filter(o -> KINDS.contains(o.getKind())).toList();
    List<HasMetadata> applied = new ArrayList<>();
    for (HasMetadata object : objects) {
      applied.add(admin.resource(object).fieldManager("helm").forceConflicts().serverSideApply());
    }
    return new ChartRbac(admin, release, namespace, applied);
  }

  /** Every object the chart renders with these values. */
  public static List<HasMetadata> render(KubernetesClient client, String release, String namespace,
      Map<String, Object> values) {
    try {
      Path file = Files.createTempFile("values", ".yaml");
      try {
        Files.writeString(file, YAML.writeValueAsString(values));
        String manifest = new Helm(CHART).template().withName(release).withNamespace(namespace)
            .withValuesFile(file).call();
        return client.load(new ByteArrayInputStream(manifest.getBytes(StandardCharsets.UTF_8))).items();
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Values for the operator's modes: watched namespaces (empty: all) and the Lease (null: no election). */
  public static Map<String, Object> values(Set<String> watchNamespaces, String leaseName) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("watchNamespaces", List.copyOf(watchNamespaces));
    Map<String, Object> election = new LinkedHashMap<>();
    election.put("enabled", leaseName != null);
    if (leaseName != null) {
      election.put("leaseName", leaseName);
    }
    values.put("leaderElection", election);
    values.put("crd", Map.of("install", false));
    return values;
  }

  /** The ServiceAccount's name: the release's full name, as the chart names it. */
  public String serviceAccount() {
    return applied.stream().filter(o -> o.getKind().equals("ServiceAccount")).findFirst().orElseThrow()
        .getMetadata().getName();
  }

  public String namespace() { return namespace; }

  public String release() { return release; }

  /** What was applied. */
  public List<HasMetadata> objects() { return List.copyOf(applied); }

  /** A fresh token for the chart's ServiceAccount, from the TokenRequest API, as a pod's projected token. */
  public String token() {
    return admin.serviceAccounts().inNamespace(namespace).withName(serviceAccount())
        .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
        .getStatus().getToken();
  }

  /** The Kubernetes user name the token authenticates as. */
  public String user() {
    return "system:serviceaccount:" + namespace + ":" + serviceAccount();
  }

  @Override
  public void close() {
    for (int i = applied.size() - 1; i >= 0; i--) {
      admin.resource(applied.get(i)).delete();
    }
  }
}
