package io.iisfarm.operator.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real kube-apiserver with etcd (RBAC on, ServiceAccount tokens signed), one per test JVM: started on first
 * use by {@code src/test/kube/up} (which builds the binaries once per version), stopped when the JVM ends (a
 * shutdown hook runs {@code down}; {@code up}'s watchdog stops them even if the JVM is killed).
 *
 * <p>Without a Go toolchain to build it, a test that needs it is skipped with a message, except under
 * {@code CI=true}, where it fails. Tests share the server; each keeps to its own namespaces.
 */
public final class RealKube {
  public static final Path CRD = Path.of("crds/iisfarms.iisfarm.io-v1.yml");
  private static final Path UP = Path.of("src/test/kube/up");
  private static final Path DOWN = Path.of("src/test/kube/down");
  private static final Path WORK = Path.of("target", "real-kube");
  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  private static RealKube instance;
  private static String unavailable;

  private final Path kubeconfig;
  private final Path bin;
  private final Config adminConfig;
  private boolean crdInstalled;

  private RealKube(Path kubeconfig, Path bin) {
    this.kubeconfig = kubeconfig;
    this.bin = bin;
    this.adminConfig = Config.fromKubeconfig(null, read(kubeconfig), kubeconfig.toString());
  }

  /** The server of this JVM, started on first call; skips (or, under CI=true, fails) without a toolchain. */
  public static synchronized RealKube get() {
    if (instance == null && unavailable == null) {
      instance = start();
    }
    if (instance == null) {
      skipOrFail(unavailable);
    }
    return instance;
  }

  private static RealKube start() {
    try {
      Files.createDirectories(WORK);
      Path log = WORK.resolve("up.log");
      Process up = new ProcessBuilder("bash", UP.toString(), "--owner", String.valueOf(ProcessHandle.current().pid()))
          .redirectError(log.toFile()).start();
      String out = new String(up.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      // the first run builds the binaries: minutes on a cold 2-core machine
      if (!up.waitFor(40, TimeUnit.MINUTES)) {
        up.destroyForcibly();
        throw new IllegalStateException(UP + " did not finish within 40 minutes; see " + log);
      }
      if (up.exitValue() == 3) {
        unavailable = Files.readString(log).strip();
        return null;
      }
      List<String> lines = out.lines().toList();
      String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
      if (up.exitValue() != 0 || !last.startsWith("KUBECONFIG=")) {
        throw new IllegalStateException(UP + " failed (exit " + up.exitValue() + "): " + Files.readString(log));
      }
      Path kubeconfig = Path.of(last.substring("KUBECONFIG=".length()));
      Path bin = Path.of(Files.readString(kubeconfig.resolveSibling("bin")).strip());
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(kubeconfig), "real-kube-down"));
      return new RealKube(kubeconfig, bin);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void stop(Path kubeconfig) {
    try {
      new ProcessBuilder("bash", DOWN.toString(), kubeconfig.getParent().toString())
          .redirectErrorStream(true).redirectOutput(WORK.resolve("down.log").toFile()).start()
          .waitFor(30, TimeUnit.SECONDS);
    } catch (IOException e) {
      // the watchdog started by up stops the servers once this JVM is gone
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void skipOrFail(String why) {
    if ("true".equals(System.getenv("CI"))) {
      throw new AssertionError("no real API server under CI=true: " + why);
    }
    assumeTrue(false, "no real API server for this test: " + why);
  }

  /** The admin's kubeconfig (system:masters), current namespace default. */
  public Path kubeconfig() { return kubeconfig; }

  /**
   * The kubeconfig of the oldest supported release's CRD API server (apiextensions-apiserver, see
   * src/test/kube/oldest/go.mod), run beside the current kube-apiserver: it serves CRDs and custom resources
   * only, without discovery of the core API, so tests talk to it with {@code kubectl get/create --raw}.
   */
  public Path oldestKubeconfig() { return kubeconfig.resolveSibling("oldest.kubeconfig"); }

  /** The Kubernetes release of {@link #oldestKubeconfig()}, from the Go module that builds it. */
  public static String oldestRelease() {
    try {
      return Files.readAllLines(Path.of("src/test/kube/oldest/go.mod")).stream()
          .filter(l -> l.strip().startsWith("k8s.io/apiextensions-apiserver v0."))
          .map(l -> "1." + l.strip().substring("k8s.io/apiextensions-apiserver v0.".length()))
          .findFirst().orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The directory of the kube-apiserver, etcd and kubectl binaries. */
  public Path bin() { return bin; }

  /** The kubectl built at the server's version. */
  public Kubectl kubectl() { return new Kubectl(bin.resolve("kubectl").toString()); }

  public String url() { return adminConfig.getMasterUrl(); }

  /** The CA file that signed the server's certificate. */
  public Path caFile() { return kubeconfig.resolveSibling("pki").resolve("ca.crt"); }

  /** A new client with the admin's rights, default namespace {@code namespace}; the caller closes it. */
  public KubernetesClient adminClient(String namespace) {
    Config config = Config.fromKubeconfig(null, read(kubeconfig), kubeconfig.toString());
    config.setNamespace(namespace);
    config.setRequestRetryBackoffLimit(0);
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** A new client authenticated by {@code token} (e.g. a ServiceAccount's), namespace {@code namespace}. */
  public KubernetesClient tokenClient(String token, String namespace) {
    return new KubernetesClientBuilder().withConfig(tokenConfig(token, namespace)).build();
  }

  public Config tokenConfig(String token, String namespace) {
    Config config = Config.empty();
    config.setMasterUrl(url());
    config.setCaCertFile(caFile().toString());
    config.setOauthToken(token);
    config.setNamespace(namespace);
    return config;
  }

  /** Writes a kubeconfig that authenticates with {@code token}, as a user handed one would have. */
  public Path writeTokenKubeconfig(Path file, String token, String namespace) throws IOException {
    Files.writeString(file, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: test
          cluster:
            server: %s
            certificate-authority: %s
        users:
        - name: token
          user:
            token: %s
        contexts:
        - name: test
          context: {cluster: test, user: token, namespace: %s}
        current-context: test
        """.formatted(url(), caFile().toAbsolutePath(), token, namespace));
    return file;
  }

  /** Installs the committed CRD (once per JVM) and waits until it is Established. */
  public synchronized void installCrd() {
    if (crdInstalled) {
      return;
    }
    try (KubernetesClient client = adminClient("default")) {
      apply(client, CRD);
      crdInstalled = true;
    }
  }

  /** Applies a CRD file (server-side apply) and waits until the server says it is Established. */
  public static CustomResourceDefinition apply(KubernetesClient client, Path crdFile) {
    try (var in = Files.newInputStream(crdFile)) {
      CustomResourceDefinition crd = client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
      client.resource(crd).fieldManager("iis-farm-operator-tests").forceConflicts().serverSideApply();
      return client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
          .waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions() != null
              && c.getStatus().getConditions().stream()
              .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())), 60, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates a namespace of its own for a test: {@code prefix} plus a number unique in this JVM. */
  public String createNamespace(String prefix) {
    String name = prefix + "-" + NAMESPACES.incrementAndGet();
    ensureNamespace(name);
    return name;
  }

  /** Creates {@code name} unless it exists. */
  public void ensureNamespace(String name) {
    try (KubernetesClient client = adminClient("default")) {
      if (client.namespaces().withName(name).get() == null) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
            .create();
      }
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
