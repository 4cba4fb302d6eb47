package io.iisfarm.operator.cli.audit;

import io.iisfarm.operator.api.HostSpec;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmSpec;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.host.HostReader;
import io.iisfarm.operator.model.DesiredFarm;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.KeyMaterial;
import io.iisfarm.operator.observe.FarmObserver;
import io.iisfarm.operator.observe.HostRead;
import io.iisfarm.operator.plan.FarmPlan;
import io.iisfarm.operator.plan.Planner;
import io.iisfarm.operator.reconciler.FarmResolver;
import io.iisfarm.operator.reconciler.HostReports;
import io.iisfarm.operator.reconciler.SecretReferences;
import io.iisfarm.operator.secrets.KeyAdoption;
import io.iisfarm.operator.secrets.KeyGenerator;
import io.iisfarm.operator.status.Blocker;
import io.iisfarm.operator.status.EffectiveMode;
import io.iisfarm.operator.status.FarmReport;
import io.iisfarm.operator.status.HostReport;
import io.iisfarm.operator.status.StatusBuilder;
import io.iisfarm.operator.winrm.LegacyTls;
import io.iisfarm.operator.winrm.WinRmConnector;
import java.time.Clock;
import io.iisfarm.operator.plan.FindingReason;
import io.iisfarm.operator.plan.SyncState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * One audit of a farm with the reconciler's own steps: resolve the Secrets into targets and the desired farm
 * ({@link FarmResolver}), read every host in parallel ({@link FarmObserver}), plan ({@link Planner}) and build the
 * per-host table ({@link StatusBuilder}) as Audit mode would. Only read commands reach the hosts, and no Secret is
 * created: {@code generate} is refused earlier, and {@code adoptFrom} compares with the named host's key in memory.
 */
final class FarmAudit {
  /** Hosts read at once; more would only queue on a laptop's sockets. */
  static final int MAX_PARALLEL_READS = 32;

  enum Outcome {
    IN_SYNC("InSync", 0),
    DRIFT_DETECTED("DriftDetected", 1),
    INVALID_SPEC("InvalidSpec", 2),
    HOSTS_UNREADABLE("HostsUnreadable", 3),
    /** Every host was read, but the machineKeys the spec manages could not be checked on some. */
    KEYS_NOT_CHECKED("KeysNotChecked", 3);

    final String wireName;
    final int exitCode;

    Outcome(String wireName, int exitCode) {
      this.wireName = wireName;
      this.exitCode = exitCode;
    }
  }

  /**
   * @param keySource where the desired machineKey came from, or null when the farm manages no key
   * @param notes things to know that are neither drift nor failure
   */
  record Result(IisFarm farm, FarmReport report, IisFarmStatus status, DesiredFarm desired, String keySource,
      Outcome outcome, List<String> notes) {}

  private final Clock clock;
  private final UnaryOperator<FarmObserver.SessionOpener> sessions;

  FarmAudit(Clock clock) {
    this(clock, UnaryOperator.identity());
  }

  /** @param sessions wraps how each host's session is opened (to record it), or leaves it */
  FarmAudit(Clock clock, UnaryOperator<FarmObserver.SessionOpener> sessions) {
    this.clock = clock;
    this.sessions = sessions;
  }

  Result run(IisFarm farm, AuditSecrets secrets) throws UsageException {
    IisFarmSpec spec = farm.getSpec();
    FarmResolver resolver = new FarmResolver(secrets::find, FarmAudit::createNothing, new KeyGenerator());
    FarmResolver.Resolution resolution = resolver.resolve(farm);
    if (!resolution.blockers().isEmpty()) {
      throw new UsageException(resolution.blockers().stream().map(Blocker::message).collect(Collectors.joining("\n"))
          + "\n" + origins(farm, secrets));
    }
    if (Boolean.TRUE.equals(spec.getWinrm().getAllowLegacyTls()) && LegacyTls.jvmDisablesTls10()) {
      // the farm file opts in, and this JVM serves that one farm and exits
      LegacyTls.allowInThisJvm();
    }
    Map<String, HostRead> reads = read(resolution);
    Map<String, HostObservation> observations = HostRead.observations(reads);

    List<String> notes = new ArrayList<>(secrets.notes());
    String keySource = spec.getMachineKey() == null ? null
        : "Secret " + spec.getMachineKey().getSecretRef().getName() + " from "
            + secrets.origin(spec.getMachineKey().getSecretRef().getName());
    if (resolution.adoptFrom() != null) {
      String source = resolution.adoptFrom();
      HostObservation held = observations.get(source);
      if (held == null) {
        keySource = null;
        notes.add("machineKeys were not compared: the key Secret is not given and " + source
            + " (machineKey.adoptFrom) could not be read.");
      } else {
        resolution = resolver.adopt(farm, resolution, held);
        if (!resolution.blockers().isEmpty()) {
          throw new UsageException(resolution.blockers().get(0).message());
        }
        keySource = "adopted from " + source + " (" + KeyAdoption.pick(held).orElseThrow().source().label()
            + "), as machineKey.adoptFrom asks when the key Secret is not given";
      }
    }

    List<String> hostNames = spec.getHosts().stream().map(HostSpec::getName).toList();
    FarmPlan plan = new Planner().plan(resolution.desired(), hostNames, observations);
    List<HostReport> hosts = HostReports.of(spec, reads, Map.of(), plan);
    long generation = farm.getMetadata().getGeneration() == null ? 0 : farm.getMetadata().getGeneration();
    FarmReport report = new FarmReport(generation, EffectiveMode.AUDIT, spec.getMachineKey() != null,
        clock.instant(), hosts, List.of(), List.of());
    IisFarmStatus status = new StatusBuilder(clock).build(report, null);
    return new Result(farm, report, status, resolution.desired(), keySource, outcome(report), notes);
  }

  /**
   * An invalid spec must be fixed first; an unread host, or a host whose managed machineKeys could not be checked
   * (plain http without allowKeyTransferOverHttp, an encrypted machineKey), leaves the farm unknown, which
   * outweighs drift: an audit never says "in sync" about what it could not see.
   */
  static Outcome outcome(FarmReport report) {
    if (!report.invalidSpecMessages().isEmpty()) {
      return Outcome.INVALID_SPEC;
    }
    if (report.hosts().stream().anyMatch(h -> h.failure() != null)) {
      return Outcome.HOSTS_UNREADABLE;
    }
    if (!keysNotChecked(report).isEmpty()) {
      return Outcome.KEYS_NOT_CHECKED;
    }
    return report.hostsInSync() == report.hosts().size() ? Outcome.IN_SYNC : Outcome.DRIFT_DETECTED;
  }

  /** Hosts read whose managed machineKeys are unknown, each with the finding that says why. */
  static Map<String, String> keysNotChecked(FarmReport report) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!report.machineKeysManaged()) {
      return out;
    }
    for (HostReport host : report.hosts()) {
      if (host.reachable() && host.plan().machineKeysInSync() == SyncState.UNKNOWN) {
        out.put(host.name(), host.plan().findings().stream()
            .filter(f -> f.reason() == FindingReason.INSECURE_TRANSPORT
                || f.reason() == FindingReason.MACHINE_KEY_ENCRYPTED || f.reason() == FindingReason.INVALID_SPEC)
            .map(f -> f.reason().camelCase()).findFirst().orElse("Unknown"));
      }
    }
    return out;
  }

  private Map<String, HostRead> read(FarmResolver.Resolution resolution) {
    int parallel = Math.max(1, Math.min(MAX_PARALLEL_READS, resolution.targets().size()));
    try (WinRmConnector connector = new WinRmConnector();
        FarmObserver observer = new FarmObserver(
            sessions.apply(target -> connector.open(target.endpoint(), target.credentials())), new HostReader(clock),
            parallel)) {
      return observer.observe(resolution.targets());
    }
  }

  private static String origins(IisFarm farm, AuditSecrets secrets) {
    List<String> given = new ArrayList<>();
    for (String name : SecretReferences.names(farm.getSpec())) {
      if (secrets.origin(name) != null) {
        given.add(name + " from " + secrets.origin(name));
      }
    }
    return "Secrets given: " + (given.isEmpty() ? "none" : String.join("; ", given)) + ".";
  }

  /** An audit creates no Secret. */
  private static boolean createNothing(String namespace, String name, String farm, String source,
      KeyMaterial validationKey, KeyMaterial decryptionKey) {
    return false;
  }
}
