package io.iisfarm.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.iisfarm.operator.host.HostReader;
import io.iisfarm.operator.metrics.OperatorMetrics;
import io.iisfarm.operator.observe.FarmObserver;
import io.iisfarm.operator.plan.Planner;
import io.iisfarm.operator.rollout.Rollout;
import io.iisfarm.operator.secrets.KeyGenerator;
import io.iisfarm.operator.secrets.KeySecretWriter;
import io.iisfarm.operator.secrets.SecretReader;
import io.iisfarm.operator.status.EventRecorder;
import io.iisfarm.operator.status.StatusBuilder;
import io.iisfarm.operator.status.StatusRecorder;
import io.iisfarm.operator.status.StatusWriter;
import io.iisfarm.operator.winrm.WinRmSessions;
import java.time.Clock;

/**
 * What the reconciler works with; one instance per operator, shared by every farm. {@link #create} wires it to
 * the Kubernetes API and WinRM; the reconciler's unit tests wire it to memory and emulated hosts.
 */
public record FarmServices(
    FarmResolver resolver,
    FarmObserver observer,
    Planner planner,
    Rollout rollout,
    StatusBuilder statusBuilder,
    StatusWriter statusRecorder,
    EventRecorder events,
    OperatorMetrics metrics,
    ProgressListener progress,
    Clock clock) {

  /** Wires the services over one API client and one WinRM connector (or another way to reach hosts). */
  public static FarmServices create(KubernetesClient client, WinRmSessions connector, OperatorMetrics metrics,
      ProgressListener progress, int hostReadParallelism, Clock clock) {
    SecretReader secrets = new SecretReader(client);
    KeySecretWriter keyWriter = new KeySecretWriter(client);
    HostReader reader = new HostReader(clock);
    Planner planner = new Planner();
    return new FarmServices(
        new FarmResolver(secrets::find, keyWriter::createIfAbsent, new KeyGenerator()),
        new FarmObserver(connector, reader, hostReadParallelism),
        planner,
        new Rollout(connector, reader, planner, clock),
        new StatusBuilder(clock),
        new StatusRecorder(client),
        new EventRecorder(client, clock),
        metrics,
        progress,
        clock);
  }
}
