package io.iisfarm.operator.cli;

import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.host.BackupId;
import io.iisfarm.operator.observe.HostRead;
import io.iisfarm.operator.plan.HostPlan;
import io.iisfarm.operator.plan.Step;
import io.iisfarm.operator.reconciler.ProgressListener;
import io.iisfarm.operator.rollout.RolloutListener;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each host's progress: reads at DEBUG, everything that changes a host at INFO. */
final class LoggingProgress implements ProgressListener {
  private static final Logger LOG = LoggerFactory.getLogger("io.iisfarm.operator.progress");

  @Override
  public void observed(IisFarm farm, HostRead read) {
    if (read instanceof HostRead.Failed failed) {
      LOG.warn("{}: {}", name(farm), failed.message());
    } else {
      LOG.debug("{}: host {} read", name(farm), read.host());
    }
  }

  @Override
  public void planned(IisFarm farm, HostPlan plan) {
    if (!plan.steps().isEmpty()) {
      LOG.info("{}: host {} needs {} step(s): {}", name(farm), plan.host(), plan.steps().size(),
          plan.steps().stream().map(Step::describe).toList());
    }
  }

  @Override
  public RolloutListener rollout(IisFarm farm) {
    String f = name(farm);
    return new RolloutListener() {
      @Override
      public void backedUp(String host, BackupId id) {
        LOG.info("{}: host {} backed up as {}", f, host, id.name());
      }

      @Override
      public void applied(String host, Step step) {
        LOG.info("{}: host {}: {}", f, host, step.describe());
      }

      @Override
      public void verified(String host) {
        LOG.info("{}: host {} verified", f, host);
      }

      @Override
      public void drained(String host, String method, Duration took) {
        LOG.info("{}: host {} out of the load balancer ({}) in {} ms", f, host, method, took.toMillis());
      }

      @Override
      public void drainNote(String host, String note) {
        LOG.info("{}: host {}: {}", f, host, note);
      }

      @Override
      public void healthChecked(String host, String site, String answer, boolean healthy, boolean beforeChange,
          Duration took) {
        if (healthy || beforeChange) {
          LOG.info("{}: host {} {}", f, host, answer);
        } else {
          LOG.warn("{}: host {} health check failed: {}", f, host, answer);
        }
      }

      @Override
      public void restored(String host, String method, Duration took) {
        LOG.info("{}: host {} back in the load balancer ({})", f, host, method);
      }

      @Override
      public void restoreFailed(String host, String why) {
        LOG.error("{}: host {} is changed but still out of the load balancer: {}", f, host, why);
      }

      @Override
      public void deferred(String host, String why) {
        // every check repeats it while a window is closed; the condition and the Event say it too
        LOG.debug("{}: host {} waits: {}", f, host, why);
      }

      @Override
      public void rolledBack(String host, String why) {
        LOG.warn("{}: host {} rolled back: {}", f, host, why);
      }

      @Override
      public void failed(String host, String why) {
        LOG.warn("{}: host {} failed: {}", f, host, why);
      }
    };
  }

  private static String name(IisFarm farm) {
    return farm.getMetadata().getNamespace() + "/" + farm.getMetadata().getName();
  }
}
