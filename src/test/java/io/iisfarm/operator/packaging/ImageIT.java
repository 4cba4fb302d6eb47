package io.iisfarm.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.cli.demo.FarmWatch;
import io.iisfarm.operator.cli.demo.SimulatedFarmManifests;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.testing.ChartPod;
import io.iisfarm.operator.testing.ChartRbac;
import io.iisfarm.operator.testing.OperatorContainer;
import io.iisfarm.operator.testing.OperatorImage;
import io.iisfarm.operator.testing.RealApiServer;
import io.iisfarm.operator.testing.RealKube;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * The image built from the Dockerfile, run as the Helm chart runs it (its securityContext, memory limit,
 * environment and mounts, translated by {@link ChartPod}; legacy TLS on), as the chart's ServiceAccount against
 * the real API server, with the sample farm's simulated hosts, one of them a Windows Server 2003 host that
 * speaks TLS 1.0 alone.
 */
@RealApiServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Path WORK = Path.of("target", "image");
  private static final String JAVA_SECURITY = "/etc/iis-farm-operator/security/java.security";

  private OperatorImage image;
  private KubernetesClient client;
  private ChartRbac chart;
  private ChartPod pod;
  private SimulatedFarm sim;
  private OperatorContainer operator;
  private String ns;
  private int metricsPort;

  @BeforeAll
  void startTheImageAsTheChartRunsIt() throws Exception {
    image = OperatorImage.get();
    RealKube kube = RealKube.get();
    kube.installCrd();
    ns = kube.createNamespace("image");
    metricsPort = freePort();
    Map<String, Object> values = new LinkedHashMap<>(ChartRbac.values(Set.of(ns), null));
    values.put("legacyTls", Map.of("enabled", true));
    // the pod shares the host's network here: a port nothing else on the machine uses
    values.put("metrics", Map.of("port", metricsPort));
    client = kube.adminClient(ns);
    chart = ChartRbac.install(client, "image-test", ns, values);
    pod = ChartPod.render(client, "image-test", ns, values);
    assertThat(pod.podSpec().getServiceAccountName()).isEqualTo(chart.serviceAccount());
    sim = SimulatedFarm.sample();
    Path dir = Files.createDirectories(WORK.resolve("pod"));
    operator = OperatorContainer.start(image, "it", pod.podmanOptions(dir,
        new ChartPod.ServiceAccountToken(kube.url(), kube.caFile(), chart.token(), ns)), WORK.resolve("operator.log"));
  }

  @AfterAll
  void recordTheFootprintAndStop() throws IOException {
    try (KubernetesClient closing = client; ChartRbac rbac = chart; SimulatedFarm farm = sim) {
      if (operator != null) {
        recordFootprint();
        operator.close();
      }
    }
  }

  /**
   * RSS, peak RSS and threads of the operator's JVM at the end of the test (one farm of four hosts converged, under
   * the chart's settings), as the container sees them, written to target/image/footprint.txt for the benchmark
   * report; the host's view and the cgroup's memory beside them.
   */
  private void recordFootprint() throws IOException {
    OperatorContainer.Footprint inside = operator.footprintInside();
    OperatorContainer.Footprint host = operator.footprint();
    String figures = String.join("\n",
        "# the operator's JVM in the image at the end of ImageIT (" + java.time.Instant.now() + ")",
        "memory_limit_bytes=" + pod.memoryLimitBytes(),
        "container_vm_rss_kib=" + inside.rssKiB(),
        "container_vm_hwm_kib=" + inside.peakRssKiB(),
        "container_threads=" + inside.threads(),
        "host_vm_rss_kib=" + host.rssKiB(),
        "host_threads=" + host.threads(),
        "cgroup_memory_bytes=" + host.cgroupMemoryBytes(),
        "image_size_mb=" + image.sizeMb(), "");
    Files.writeString(Files.createDirectories(WORK).resolve("footprint.txt"), figures);
    LoggerFactory.getLogger(ImageIT.class).info("operator image footprint:\n{}", figures);
  }

  @Test
  void theImageCarriesTheOperatorsJarWhichOffersRunAndAuditOnly() throws IOException {
    Path jar = WORK.resolve("image-operator.jar");
    Files.deleteIfExists(jar);
    operator.copyOut("/opt/iis-farm-operator/iis-farm-operator.jar", jar);
    JarContents contents = JarContents.read(jar);

    assertThat(contents.mainClass()).isEqualTo("io.iisfarm.operator.cli.Main");
    assertThat(contents.packages()).contains("io/iisfarm/operator/reconciler/")
        .noneMatch(p -> OperatorArtifactTest.FORBIDDEN_PACKAGES.stream().anyMatch(p::startsWith));
    assertThat(contents.artifacts())
        .noneMatch(a -> OperatorArtifactTest.FORBIDDEN_ARTIFACTS.stream().anyMatch(a::startsWith));
    OperatorContainer.Exec usage = OperatorContainer.runOnce(image, List.of("--entrypoint", "java"), "-jar",
        "/opt/iis-farm-operator/iis-farm-operator.jar", "--help");
    assertThat(usage.exitCode()).as(usage.output()).isZero();
    assertThat(OperatorArtifactTest.commands(usage.output())).containsExactlyInAnyOrder("run", "audit");
  }

  @Test
  void answersReadyzAndConvergesTheFarmIncludingTheTls10HostThroughTheMountedJavaSecurity() throws Exception {
    await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
        .until(() -> get("/readyz").statusCode() == 200);
    assertThat(get("/healthz").body()).isEqualTo("ok\n");

    SimulatedFarmManifests manifests = SimulatedFarmManifests.of(sim, ns, "shop", "60s");
    assertThat(manifests.farm().getSpec().getWinrm().getAllowLegacyTls()).isTrue();
    manifests.secrets().forEach(s -> client.secrets().resource(s).create());
    client.resource(manifests.farm()).create();
    IisFarm farm = new FarmWatch(client, ns, "shop").awaitFarm(Duration.ofSeconds(180), FarmWatch::ready)
        .orElseThrow(() -> new AssertionError("farm not Ready: " + FarmWatch.readiness(
            client.resources(IisFarm.class).inNamespace(ns).withName("shop").get()) + "\n" + operator.logs()));
    // web01 is the Server 2003 host: read and corrected over TLS 1.0
    assertThat(farm.getStatus().getInSync()).isEqualTo("4/4");
    assertThat(sim.host("web01").osName()).contains("2003");

    // the JVM in the image disables TLS 1.0 by itself; the chart's ConfigMap, mounted and named by
    // JAVA_TOOL_OPTIONS, is what let the operator speak it
    assertThat(pod.env()).containsEntry("JAVA_TOOL_OPTIONS", "-Djava.security.properties=" + JAVA_SECURITY);
    assertThat(operator.jcmd("VM.system_properties")).contains("java.security.properties=" + JAVA_SECURITY);
    OperatorContainer.Exec jvmDefault = operator.exec("10001", "sh", "-c", "cat \"$(dirname \"$(readlink -f "
        + "\"$(command -v java)\")\")/../conf/security/java.security\"");
    assertThat(jvmDefault.exitCode()).as(jvmDefault.output()).isZero();
    assertThat(disabledTlsAlgorithms(jvmDefault.output())).contains("TLSv1");
    assertThat(operator.exec("10001", "cat", JAVA_SECURITY).output())
        .isEqualTo(Files.readString(Path.of("helm/iis-farm-operator/files/legacy-tls.java.security")));
  }

  @Test
  void runsAsUser10001WithoutCapabilitiesOrNewPrivileges() {
    Map<String, String> status = new LinkedHashMap<>();
    operator.statusLines().forEach(l -> status.put(l.substring(0, l.indexOf(':')), l.substring(l.indexOf(':') + 1).strip()));

    assertThat(status.get("Uid").split("\\s+")).containsOnly("10001");
    assertThat(status.get("Gid").split("\\s+")).containsOnly("10001");
    for (String capabilities : new String[] {"CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb"}) {
      assertThat(Long.parseLong(status.get(capabilities), 16)).as(capabilities).isZero();
    }
    assertThat(status.get("NoNewPrivs")).isEqualTo("1");
    assertThat(status.get("Seccomp")).as("seccomp filter mode: the runtime's default profile").isEqualTo("2");
    // and the image alone, without the chart's runAsUser, runs as the same user
    OperatorContainer.Exec id = OperatorContainer.runOnce(image, List.of("--entrypoint", "id"), "-u");
    assertThat(id.output().strip()).isEqualTo("10001");
  }

  @Test
  void cannotWriteItsRootFilesystemEvenAsRootButWritesTmp() {
    OperatorContainer.Exec asRoot = operator.exec("0", "touch", "/opt/iis-farm-operator/written");
    assertThat(asRoot.exitCode()).isNotZero();
    assertThat(asRoot.output()).contains("Read-only file system");
    OperatorContainer.Exec asOperator = operator.exec("10001", "touch", "/tmp/written");
    assertThat(asOperator.exitCode()).as(asOperator.output()).isZero();
  }

  @Test
  void theJvmSizesItsHeapByTheChartsMemoryLimit() {
    long limit = pod.memoryLimitBytes();
    String flags = operator.jcmd("VM.flags");
    long maxHeap = flag(flags, "MaxHeapSize");
    double percentage = Double.parseDouble(flagText(flags, "MaxRAMPercentage"));

    assertThat(maxHeap).isCloseTo((long) (limit * percentage / 100), withPercentage(2));
  }

  @Test
  void footprintMeasuresTheOperatorJvmInsideTheContainer() throws Exception {
    OperatorContainer.Footprint footprint = operator.footprint();

    assertThat(footprint.pid()).isEqualTo(operator.pid());
    assertThat(Files.readString(Path.of("/proc", String.valueOf(footprint.pid()), "cmdline")))
        .contains("/opt/iis-farm-operator/iis-farm-operator.jar");
    assertThat(footprint.rssKiB()).isPositive().isLessThanOrEqualTo(footprint.peakRssKiB());
    assertThat(footprint.threads()).isGreaterThan(1);
    assertThat(footprint.cgroupMemoryBytes()).isPositive().isLessThanOrEqualTo(pod.memoryLimitBytes());
  }

  /** jdk.tls.disabledAlgorithms of a java.security file, continuation lines joined. */
  static String disabledTlsAlgorithms(String javaSecurity) {
    Matcher m = Pattern.compile("(?m)^jdk\\.tls\\.disabledAlgorithms=((?:.*\\\\\\n)*.*)$").matcher(javaSecurity);
    assertThat(m.find()).as("jdk.tls.disabledAlgorithms in the image's java.security").isTrue();
    return m.group(1).replaceAll("\\\\\\n\\s*", " ");
  }

  private static long flag(String flags, String name) {
    return Long.parseLong(flagText(flags, name));
  }

  private static String flagText(String flags, String name) {
    Matcher m = Pattern.compile("-XX:" + name + "=(\\S+)").matcher(flags);
    assertThat(m.find()).as(name + " in " + flags).isTrue();
    return m.group(1);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
