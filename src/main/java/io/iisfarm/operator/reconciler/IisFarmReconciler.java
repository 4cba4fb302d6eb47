package io.iisfarm.operator.reconciler;

import io.fabric8.kubernetes.api.model.Secret;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmSpec;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.api.InFlightStep;
import io.iisfarm.operator.api.KubeDuration;
import io.iisfarm.operator.host.HostTarget;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.observe.HostRead;
import io.iisfarm.operator.plan.FarmPlan;
import io.iisfarm.operator.plan.HostPlan;
import io.iisfarm.operator.plan.SpecProblem;
import io.iisfarm.operator.plan.SpecValidator;
import io.iisfarm.operator.rollout.HostChange;
import io.iisfarm.operator.rollout.HostOutcome;
import io.iisfarm.operator.rollout.RolloutListeners;
import io.iisfarm.operator.status.Blocker;
import io.iisfarm.operator.status.EffectiveMode;
import io.iisfarm.operator.status.FarmReport;
import io.iisfarm.operator.status.HostReport;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Orchestrates one reconcile of an IisFarm: validate → resolve Secrets → observe → plan → act → record.
 * Every decision lives in the step's own package; this class only wires them in order.
 */
@ControllerConfiguration(name = IisFarmReconciler.NAME)
public class IisFarmReconciler implements Reconciler<IisFarm> {
  public static final String NAME = "iisfarm";
  static final String SECRET_INDEX = "iisfarm-secrets";

  private final FarmServices s;
  private final Backoff backoff = new Backoff();

  public IisFarmReconciler(FarmServices services) {
    this.s = services;
  }

  @Override
  public List<EventSource<?, IisFarm>> prepareEventSources(EventSourceContext<IisFarm> context) {
    // a Secret change (rotation, creation) reconciles every IisFarm that references it
    context.getPrimaryCache().addIndexer(SECRET_INDEX, SecretReferences::of);
    var config = InformerEventSourceConfiguration.from(Secret.class, IisFarm.class)
        .withSecondaryToPrimaryMapper(secret -> context.getPrimaryCache()
            .byIndex(SECRET_INDEX, SecretReferences.key(secret.getMetadata().getNamespace(),
                secret.getMetadata().getName()))
            .stream().map(ResourceID::fromResource).collect(Collectors.toSet()))
        .build();
    return List.of(new InformerEventSource<>(config, context));
  }

  @Override
  public UpdateControl<IisFarm> reconcile(IisFarm farm, Context<IisFarm> context) {
    return reconcile(farm, context.getPrimaryCache().list().toList());
  }

  /** One reconcile of {@code farm}; {@code allFarms} are the IisFarms the operator sees, for host claims. */
  public UpdateControl<IisFarm> reconcile(IisFarm farm, List<IisFarm> allFarms) {
    IisFarmSpec spec = farm.getSpec();
    // the informer's copy may not show this operator's last writes yet
    farm.setStatus(s.statusRecorder().latest(farm));
    IisFarmStatus before = farm.getStatus();
    EffectiveMode mode = EffectiveMode.of(spec);
    List<SpecProblem> problems = SpecValidator.validate(spec);
    if (!problems.isEmpty()) {
      // no retry and no resync: only a new spec can fix it
      Blocker invalid = new Blocker(Blocker.Kind.INVALID_SPEC, SpecValidator.summary(problems));
      return finish(farm, before, blocked(farm, mode, invalid), null);
    }
    Duration resync = KubeDuration.parse(spec.getResyncInterval());
    FarmResolver.Resolution resolution = s.resolver().resolve(farm);
    if (!resolution.blockers().isEmpty()) {
      return finish(farm, before, blocked(farm, mode, resolution.blockers().toArray(Blocker[]::new)), resync);
    }
    Map<String, String> claimed = HostClaims.claimedElsewhere(farm, allFarms);
    List<HostTarget> targets = resolution.targets().stream().filter(t -> !claimed.containsKey(t.name())).toList();
    Map<String, HostRead> reads = s.observer().observe(targets);
    reads.values().forEach(read -> s.progress().observed(farm, read));
    Map<String, HostObservation> observations = HostRead.observations(reads);
    if (resolution.adoptFrom() != null) {
      HostObservation source = observations.get(resolution.adoptFrom());
      resolution = source != null ? s.resolver().adopt(farm, resolution, source)
          : withBlocker(resolution, "machineKey.adoptFrom names " + resolution.adoptFrom() + ", which could not be"
              + " read this time (see its host row); the key Secret will be created once it answers");
      if (!resolution.blockers().isEmpty()) {
        return finish(farm, before, blocked(farm, mode, resolution.blockers().toArray(Blocker[]::new)), resync);
      }
    }
    List<String> hostNames = spec.getHosts().stream().map(h -> h.getName()).toList();
    FarmPlan plan = s.planner().plan(resolution.desired(), hostNames, observations);
    plan.hosts().stream().filter(HostPlan::reachable).forEach(p -> s.progress().planned(farm, p));
    List<HostReport> hosts = HostReports.of(spec, reads, claimed, plan);
    List<InFlightStep> inFlight = unfinished(farm);
    RolloutStage stage = new RolloutStage(farm, s.clock().instant());
    FarmReport report = report(farm, mode, hosts, inFlight).withGate(stage.gate());
    List<HostChange> changes = mode.changesHosts() && !plan.invalidSpec()
        ? stage.changes(resolution.targets(), plan, observations, inFlight, claimed) : List.of();
    RolloutEvents events = new RolloutEvents(farm, s.events(), s.metrics());
    if (!changes.isEmpty()) {
      FarmResolver.DrainResolution drain = s.resolver().drain(farm);
      if (drain.blocker() != null) {
        return finish(farm, before, blocked(farm, mode, drain.blocker()), resync);
      }
      StatusLedger ledger = new StatusLedger(farm, report, s.statusBuilder(), s.statusRecorder());
      Map<String, HostOutcome> outcomes = s.rollout().run(resolution.desired(), changes,
          stage.settings(drain.settings(), resolution.targets()), ledger,
          RolloutListeners.of(s.progress().rollout(farm), events));
      report = report(farm, mode, HostReports.afterRollout(hosts, outcomes), ledger.remaining());
    }
    if (mode.changesHosts()) {
      report = stage.finish(report, events.deferredHosts(), reason -> s.events().emergencyCompleted(farm, reason));
    }
    return finish(farm, before, report, stage.nextLook(backoff.next(farm, report, resync), report));
  }

  private UpdateControl<IisFarm> finish(IisFarm farm, IisFarmStatus before, FarmReport report, Duration reschedule) {
    s.events().record(farm, before, report);
    s.statusRecorder().record(farm, s.statusBuilder().build(report, farm.getStatus()));
    FarmMetrics.record(s.metrics(), farm, report);
    UpdateControl<IisFarm> control = UpdateControl.noUpdate();
    return reschedule == null ? control : control.rescheduleAfter(reschedule);
  }

  private FarmReport blocked(IisFarm farm, EffectiveMode mode, Blocker... blockers) {
    List<HostReport> hosts = farm.getSpec() == null || farm.getSpec().getHosts() == null ? List.of()
        : farm.getSpec().getHosts().stream().map(h -> HostReport.notChecked(h.getName(), h.getAddress())).toList();
    return new FarmReport(generation(farm), mode, farm.getSpec() != null && farm.getSpec().getMachineKey() != null,
        s.clock().instant(), hosts, List.of(blockers), unfinished(farm));
  }

  private FarmReport report(IisFarm farm, EffectiveMode mode, List<HostReport> hosts, List<InFlightStep> inFlight) {
    return new FarmReport(generation(farm), mode, farm.getSpec().getMachineKey() != null, s.clock().instant(), hosts,
        List.of(), inFlight);
  }

  private static FarmResolver.Resolution withBlocker(FarmResolver.Resolution r, String message) {
    return new FarmResolver.Resolution(r.targets(), r.desired(), null,
        List.of(new Blocker(Blocker.Kind.SECRET_MISSING, message)));
  }

  private static List<InFlightStep> unfinished(IisFarm farm) {
    return farm.getStatus() == null || farm.getStatus().getInFlight() == null ? List.of()
        : farm.getStatus().getInFlight();
  }

  private static long generation(IisFarm farm) {
    return farm.getMetadata().getGeneration() == null ? 0 : farm.getMetadata().getGeneration();
  }
}
