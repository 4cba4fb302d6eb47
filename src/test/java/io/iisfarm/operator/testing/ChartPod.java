package io.iisfarm.operator.testing;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operator's pod as the Helm chart renders it (real Helm, as {@link ChartRbac}), translated into podman run
 * options, so that the image runs as Kubernetes would run it: the pod's and container's securityContext, the
 * memory limit, the environment, the emptyDir and ConfigMap mounts, and the ServiceAccount token where a pod
 * finds it. Whatever the chart sets that has no translation here fails loudly: a test must never run the image
 * more loosely than the chart does without saying so. The pod's network is the host's ({@code --network host}),
 * so the operator reaches the API server and the simulated hosts on the host's loopback.
 */
public final class ChartPod {
  static final String TOKEN_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";
  private static final Set<String> POD_SECURITY = Set.of("runAsNonRoot", "runAsUser", "runAsGroup", "seccompProfile");
  private static final Set<String> CONTAINER_SECURITY = Set.of("runAsNonRoot", "runAsUser", "runAsGroup",
      "allowPrivilegeEscalation", "readOnlyRootFilesystem", "privileged", "capabilities");
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private final Deployment deployment;
  private final List<HasMetadata> objects;

  private ChartPod(Deployment deployment, List<HasMetadata> objects) {
    this.deployment = deployment;
    this.objects = objects;
  }

  /** How the operator in the container reaches the API server. */
  public sealed interface ApiAccess {}

  /** As in a pod: the ServiceAccount's token, the cluster's CA and the namespace, and KUBERNETES_SERVICE_*. */
  public record ServiceAccountToken(String apiUrl, Path caFile, String token, String namespace) implements ApiAccess {}

  /** A kubeconfig file (copied), mounted read-only, named by KUBECONFIG. */
  public record Kubeconfig(Path file) implements ApiAccess {}

  /** Renders the chart as release {@code release} in {@code namespace} with {@code values}. */
  public static ChartPod render(KubernetesClient client, String release, String namespace, Map<String, Object> values) {
    List<HasMetadata> objects = ChartRbac.render(client, release, namespace, values);
    Deployment deployment = objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
        .findFirst().orElseThrow(() -> new IllegalStateException("the chart rendered no Deployment"));
    return new ChartPod(deployment, objects);
  }

  public PodSpec podSpec() { return deployment.getSpec().getTemplate().getSpec(); }

  public Container container() {
    List<Container> containers = podSpec().getContainers();
    if (containers.size() != 1 || !podSpec().getInitContainers().isEmpty()) {
      throw new IllegalStateException("the pod has " + containers.size() + " containers and init containers "
          + podSpec().getInitContainers() + ": ChartPod runs one");
    }
    return containers.get(0);
  }

  /** The container's environment, name to value. */
  public Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar var : container().getEnv()) {
      if (var.getValueFrom() != null) {
        throw new IllegalStateException("env " + var.getName() + " uses valueFrom, which ChartPod does not translate");
      }
      env.put(var.getName(), var.getValue() == null ? "" : var.getValue());
    }
    return env;
  }

  /** The container's memory limit in bytes. */
  public long memoryLimitBytes() {
    Quantity limit = container().getResources().getLimits().get("memory");
    if (limit == null) {
      throw new IllegalStateException("the chart sets no memory limit");
    }
    return Quantity.getAmountInBytes(limit).longValueExact();
  }

  /** The podman run options for this pod; files the mounts need (ConfigMaps, the token) are written under {@code dir}. */
  public List<String> podmanOptions(Path dir, ApiAccess access) throws IOException {
    Container container = container();
    if (!container.getCommand().isEmpty() || !container.getArgs().isEmpty()) {
      throw new IllegalStateException("the chart sets command or args; ChartPod runs the image's entrypoint");
    }
    List<String> options = new ArrayList<>(List.of("--network", "host"));
    options.addAll(security(podSpec().getSecurityContext(), container.getSecurityContext()));
    options.addAll(resources(container));
    env().forEach((name, value) -> options.addAll(List.of("--env", name + "=" + value)));
    options.addAll(mounts(dir, container));
    options.addAll(access(dir, access));
    return options;
  }

  private static List<String> security(PodSecurityContext pod, SecurityContext container) {
    Map<String, Object> podFields = fields(pod, POD_SECURITY, "the pod's securityContext");
    Map<String, Object> fields = fields(container, CONTAINER_SECURITY, "the container's securityContext");
    List<String> options = new ArrayList<>();
    Object seccomp = podFields.get("seccompProfile");
    if (seccomp != null && !"RuntimeDefault".equals(((Map<?, ?>) seccomp).get("type"))) {
      throw new IllegalStateException("seccompProfile " + seccomp + ": only RuntimeDefault (podman's default) is translated");
    }
    Object user = fields.getOrDefault("runAsUser", podFields.get("runAsUser"));
    Object group = fields.getOrDefault("runAsGroup", podFields.get("runAsGroup"));
    boolean nonRoot = Boolean.TRUE.equals(fields.getOrDefault("runAsNonRoot", podFields.get("runAsNonRoot")));
    if (user == null || (nonRoot && ((Number) user).longValue() == 0)) {
      throw new IllegalStateException("the chart must name a non-root runAsUser for ChartPod to run it: " + user);
    }
    options.add("--user=" + user + (group == null ? "" : ":" + group));
    if (Boolean.TRUE.equals(fields.get("privileged"))) {
      throw new IllegalStateException("a privileged container is not translated");
    }
    if (Boolean.FALSE.equals(fields.get("allowPrivilegeEscalation"))) {
      options.add("--security-opt=no-new-privileges");
    }
    if (Boolean.TRUE.equals(fields.get("readOnlyRootFilesystem"))) {
      // no tmpfs of podman's own on /tmp, /run, /var/tmp: only the pod's volumes are writable
      options.addAll(List.of("--read-only", "--read-only-tmpfs=false"));
    }
    if (container.getCapabilities() != null) {
      container.getCapabilities().getDrop().forEach(c -> options.add("--cap-drop=" + c));
      container.getCapabilities().getAdd().forEach(c -> options.add("--cap-add=" + c));
    }
    return options;
  }

  private static List<String> resources(Container container) {
    List<String> options = new ArrayList<>();
    // requests only place a pod on a node; limits bound it
    container.getResources().getLimits().forEach((resource, quantity) -> {
      switch (resource) {
        case "memory" -> options.add("--memory=" + Quantity.getAmountInBytes(quantity).longValueExact());
        case "cpu" -> options.add("--cpus=" + Quantity.getAmountInBytes(quantity).toPlainString());
        default -> throw new IllegalStateException("limit " + resource + " is not translated");
      }
    });
    return options;
  }

  private List<String> mounts(Path dir, Container container) throws IOException {
    List<String> options = new ArrayList<>();
    for (VolumeMount mount : container.getVolumeMounts()) {
      if (mount.getSubPath() != null || mount.getSubPathExpr() != null) {
        throw new IllegalStateException("volumeMount " + mount.getName() + " uses subPath, which is not translated");
      }
      Volume volume = podSpec().getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
          .orElseThrow(() -> new IllegalStateException("no volume " + mount.getName()));
      if (volume.getEmptyDir() != null) {
        // an emptyDir is writable by every user, and may run code (no noexec), as the kubelet makes it
        String size = volume.getEmptyDir().getSizeLimit() == null ? ""
            : ",size=" + Quantity.getAmountInBytes(volume.getEmptyDir().getSizeLimit()).longValueExact();
        options.add("--tmpfs=" + mount.getMountPath() + ":rw,exec,nosuid,nodev,mode=1777" + size);
      } else if (volume.getConfigMap() != null) {
        if (!volume.getConfigMap().getItems().isEmpty()) {
          throw new IllegalStateException("configMap volume " + volume.getName() + " lists items, which is not translated");
        }
        Path files = readable(dir.resolve("volume-" + volume.getName()));
        configMap(volume.getConfigMap().getName()).getData().forEach((key, value) -> write(files.resolve(key), value));
        // the kubelet mounts ConfigMaps read-only, whatever the mount says
        options.add("--volume=" + files.toAbsolutePath() + ":" + mount.getMountPath() + ":ro");
      } else {
        throw new IllegalStateException("volume " + volume.getName() + " is neither an emptyDir nor a configMap;"
            + " ChartPod does not translate it");
      }
    }
    return options;
  }

  private ConfigMap configMap(String name) {
    return objects.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
        .filter(c -> c.getMetadata().getName().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException("the chart mounts ConfigMap " + name + " but renders none"));
  }

  private static List<String> access(Path dir, ApiAccess access) throws IOException {
    if (access instanceof ServiceAccountToken token) {
      Path files = readable(dir.resolve("serviceaccount"));
      write(files.resolve("token"), token.token());
      write(files.resolve("ca.crt"), Files.readString(token.caFile()));
      write(files.resolve("namespace"), token.namespace());
      URI api = URI.create(token.apiUrl());
      return List.of("--volume=" + files.toAbsolutePath() + ":" + TOKEN_DIR + ":ro",
          "--env=KUBERNETES_SERVICE_HOST=" + api.getHost(), "--env=KUBERNETES_SERVICE_PORT=" + api.getPort());
    }
    Path file = dir.resolve("kubeconfig");
    write(file, Files.readString(((Kubeconfig) access).file()));
    return List.of("--volume=" + file.toAbsolutePath() + ":/etc/iis-farm-operator/kubeconfig:ro",
        "--env=KUBECONFIG=/etc/iis-farm-operator/kubeconfig");
  }

  /** The fields an object sets, checked against those ChartPod translates. */
  private static Map<String, Object> fields(Object object, Set<String> translated, String what) {
    @SuppressWarnings("unchecked")
    Map<String, Object> fields = object == null ? Map.of() : JSON.convertValue(object, Map.class);
    for (String field : fields.keySet()) {
      if (!translated.contains(field)) {
        throw new IllegalStateException(what + " sets " + field + ", which ChartPod does not translate");
      }
    }
    return fields;
  }

  /** A directory the container's non-root user can read (the mount shows its own permissions). */
  private static Path readable(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    return dir;
  }

  private static void write(Path file, String content) {
    try {
      Files.writeString(file, content);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
