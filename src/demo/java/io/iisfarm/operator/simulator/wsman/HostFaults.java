package io.iisfarm.operator.simulator.wsman;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The faults one simulated host injects, changeable at any time from tests (thread-safe). Each
 * models what a client sees from a real host in trouble: slow answers, a port that refuses
 * connections, rejected credentials, a WS-Man fault, a server that never answers, a connection
 * that breaks mid-command, or a command that fails.
 */
public final class HostFaults {
  /** Where in the Nth Command the connection breaks. */
  public enum DropPoint {
    /** The Command request arrives and the connection is reset; the command never runs. */
    BEFORE_RUN,
    /** The command runs on the host, then the connection is reset instead of the reply. */
    AFTER_RUN
  }

  /** Command lines matching {@code pattern} (found anywhere in the line) fail this way. */
  public record FailingCommand(Pattern pattern, int exitCode, String stderr) {
    public FailingCommand {
      Objects.requireNonNull(pattern, "pattern");
      stderr = stderr == null ? "" : stderr;
    }
  }

  private volatile Duration latency = Duration.ZERO;
  private volatile boolean refuseConnections;
  private volatile boolean alwaysUnauthorized;
  private volatile boolean hang;
  private final Map<WsmanOperation, WsmanFaultKind> operationFaults = new ConcurrentHashMap<>();
  private final List<FailingCommand> failingCommands = new CopyOnWriteArrayList<>();
  private final List<Map.Entry<Pattern, Duration>> slowCommands = new CopyOnWriteArrayList<>();
  private int commandsUntilDrop;
  private DropPoint dropPoint;
  private Pattern dropPattern;
  private volatile Runnable onRefuseChange = () -> {};

  /** Added to every request before it is handled (on a timer, never blocking a thread). */
  public HostFaults latency(Duration added) {
    this.latency = added == null || added.isNegative() ? Duration.ZERO : added;
    return this;
  }

  public Duration latency() {
    return latency;
  }

  /** Host down or port closed: the port stops listening, open connections are reset. */
  public HostFaults refuseConnections(boolean refuse) {
    boolean changed = refuse != refuseConnections;
    this.refuseConnections = refuse;
    if (changed) {
      onRefuseChange.run();
    }
    return this;
  }

  public boolean refusesConnections() {
    return refuseConnections;
  }

  /** Every request gets HTTP 401, as with a wrong password or a disabled account. */
  public HostFaults alwaysUnauthorized(boolean unauthorized) {
    this.alwaysUnauthorized = unauthorized;
    return this;
  }

  public boolean alwaysUnauthorized() {
    return alwaysUnauthorized;
  }

  /** Connections are accepted and requests read, but nothing is ever answered. */
  public HostFaults hang(boolean hangs) {
    this.hang = hangs;
    return this;
  }

  public boolean hangs() {
    return hang;
  }

  /** Every request of {@code operation} is answered with this WS-Man fault (HTTP 500). */
  public HostFaults faultOn(WsmanOperation operation, WsmanFaultKind fault) {
    operationFaults.put(Objects.requireNonNull(operation), Objects.requireNonNull(fault));
    return this;
  }

  public HostFaults clearFaultOn(WsmanOperation operation) {
    operationFaults.remove(operation);
    return this;
  }

  /**
   * Breaks the connection during the {@code nth} Command request from now on (1 = the next one),
   * once.
   */
  public synchronized HostFaults dropConnectionOnCommand(int nth, DropPoint point) {
    if (nth < 1) {
      throw new IllegalArgumentException("nth must be at least 1");
    }
    this.dropPattern = null;
    this.commandsUntilDrop = nth;
    this.dropPoint = Objects.requireNonNull(point);
    return this;
  }

  /**
   * Breaks the connection during the next Command request whose line contains a match of {@code regex},
   * once: e.g. after an IIS6 {@code STOP_SERVER} has run and before the site is started again.
   */
  public synchronized HostFaults dropConnectionOnCommandMatching(String regex, DropPoint point) {
    this.dropPattern = Pattern.compile(regex);
    this.dropPoint = Objects.requireNonNull(point);
    this.commandsUntilDrop = 0;
    return this;
  }

  /** Command lines in which {@code regex} is found exit with {@code exitCode} and print stderr. */
  public HostFaults failCommands(String regex, int exitCode, String stderr) {
    failingCommands.add(new FailingCommand(Pattern.compile(regex), exitCode, stderr));
    return this;
  }

  /**
   * Command lines in which {@code regex} is found run that much longer: their output is held back (no Receive
   * gets it) until then, as a long-running command's would be.
   */
  public HostFaults slowCommands(String regex, Duration runTime) {
    slowCommands.add(Map.entry(Pattern.compile(regex), runTime));
    return this;
  }

  Optional<Duration> extraRunTime(String commandLine) {
    return slowCommands.stream().filter(e -> e.getKey().matcher(commandLine).find()).map(Map.Entry::getValue)
        .findFirst();
  }

  public List<FailingCommand> failingCommands() {
    return List.copyOf(failingCommands);
  }

  /** Removes every fault; a refused port listens again. */
  public void clear() {
    latency = Duration.ZERO;
    alwaysUnauthorized = false;
    hang = false;
    operationFaults.clear();
    failingCommands.clear();
    slowCommands.clear();
    synchronized (this) {
      commandsUntilDrop = 0;
      dropPoint = null;
      dropPattern = null;
    }
    refuseConnections(false);
  }

  Optional<WsmanFaultKind> faultFor(WsmanOperation operation) {
    return Optional.ofNullable(operationFaults.get(operation));
  }

  Optional<FailingCommand> failureFor(String commandLine) {
    return failingCommands.stream().filter(f -> f.pattern().matcher(commandLine).find()).findFirst();
  }

  /** Counts one Command request; says where to drop the connection if this is the chosen one. */
  synchronized Optional<DropPoint> countCommandForDrop(String commandLine) {
    if (dropPattern != null) {
      if (!dropPattern.matcher(commandLine).find()) {
        return Optional.empty();
      }
      dropPattern = null;
      DropPoint point = dropPoint;
      dropPoint = null;
      return Optional.of(point);
    }
    if (commandsUntilDrop == 0) {
      return Optional.empty();
    }
    commandsUntilDrop--;
    if (commandsUntilDrop > 0) {
      return Optional.empty();
    }
    DropPoint point = dropPoint;
    dropPoint = null;
    return Optional.of(point);
  }

  void onRefuseChange(Runnable listener) {
    this.onRefuseChange = listener;
  }
}
