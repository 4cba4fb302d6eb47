package io.iisfarm.operator.cli.demo;

import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmSpec;
import io.iisfarm.operator.cli.TextTable;
import io.iisfarm.operator.simulator.SimulatedHost;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** What the demo set up: where the API is and how to point kubectl at it, the hosts, and what was created. */
public final class SetupSummary {
  private SetupSummary() {}

  /** The API, the kubeconfig with the kubectl commands to try, and the simulated hosts (never their passwords). */
  public static List<String> intro(String apiUrl, Path kubeconfig, String farm, List<SimulatedHost> hosts) {
    List<String> out = new ArrayList<>(List.of(
        "Kubernetes API  " + apiUrl + " (in this process; it stops when the demo ends, or with --wait on Ctrl+C)",
        "kubeconfig      " + kubeconfig,
        "Try, in another terminal:",
        "  export KUBECONFIG=" + kubeconfig,
        "  kubectl get iisfarms",
        "  kubectl describe iisfarm " + farm,
        "  kubectl get iisfarm " + farm + " -o yaml",
        "  kubectl get events",
        "",
        "Simulated hosts (WinRM over HTTPS on 127.0.0.1; their credentials go only into Secrets):"));
    TextTable table = TextTable.get("HOST", "IIS", "OS", "WINRM");
    for (SimulatedHost host : hosts) {
      table.row(host.name(), host.iisVersion(), host.osName(),
          host.endpoint() + (host.legacyTls() ? " (TLS 1.0 only)" : ""));
    }
    table.lines().forEach(l -> out.add("  " + l));
    return out;
  }

  /** The Secrets (by name and purpose, never their values) and the IisFarm the demo created. */
  public static List<String> created(SimulatedFarmManifests manifests, IisFarm farm, List<SimulatedHost> hosts) {
    IisFarmSpec spec = farm.getSpec();
    List<String> out = new ArrayList<>(List.of(
        "Created in namespace " + farm.getMetadata().getNamespace() + " (Secret values are never printed):"));
    TextTable table = TextTable.describe("Kind", "Name", "Holds");
    for (SimulatedHost host : hosts) {
      table.row("Secret", manifests.winrmSecretName(host.name()), "WinRM username and password of " + host.name());
    }
    table.row("Secret", manifests.caSecretName(), "the CA that signed the hosts' WinRM certificates");
    table.row("Secret", manifests.keySecretName(), "the farm's machineKey, freshly generated");
    table.row("IisFarm", farm.getMetadata().getName(), "mode " + spec.getMode().wireName() + ", sites "
        + spec.getSites().stream().map(s -> s.getName() + "=" + s.getId()).collect(Collectors.joining(" "))
        + ", machineKey " + spec.getMachineKey().getValidation().wireName() + "/"
        + spec.getMachineKey().getDecryption().wireName() + ", resync every " + spec.getResyncInterval()
        + (spec.getRollout().getDrain() != null && spec.getRollout().getDrain().getNlb() != null
            ? ", drains NLB" : "")
        + (spec.getRollout().getHealthCheck() != null ? ", checks " + spec.getRollout().getHealthCheck().getSites()
            .stream().map(c -> c.getSite()).collect(Collectors.joining(" and ")) : ""));
    table.lines().forEach(l -> out.add("  " + l));
    return out;
  }
}
