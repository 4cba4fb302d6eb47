package io.iisfarm.operator.reconciler;

import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.host.BackupId;
import io.iisfarm.operator.observe.HostRead;
import io.iisfarm.operator.plan.Step;
import io.iisfarm.operator.rollout.RolloutListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records which farm read or changed which host, so a test can tell who did what. */
final class RecordingProgress implements ProgressListener {
  /** {@code farm host what}, e.g. {@code shop web03 observed}. */
  private final List<String> entries = new CopyOnWriteArrayList<>();

  @Override
  public void observed(IisFarm farm, HostRead read) {
    entries.add(farm.getMetadata().getName() + " " + read.host() + " observed");
  }

  @Override
  public RolloutListener rollout(IisFarm farm) {
    String name = farm.getMetadata().getName();
    return new RolloutListener() {
      @Override
      public void backedUp(String host, BackupId id) {
        entries.add(name + " " + host + " backedUp");
      }

      @Override
      public void applied(String host, Step step) {
        entries.add(name + " " + host + " applied");
      }
    };
  }

  List<String> entries() {
    return List.copyOf(entries);
  }

  /** Entries of {@code farm} about {@code host}. */
  List<String> of(String farm, String host) {
    return entries.stream().filter(e -> e.startsWith(farm + " " + host + " ")).toList();
  }
}
