package io.iisfarm.operator.testing;

import io.iisfarm.operator.simulator.windows.CommandResult;
import io.iisfarm.operator.simulator.windows.WindowsHost;
import io.iisfarm.operator.winrm.AuthenticationFailedException;
import io.iisfarm.operator.winrm.CommandOutput;
import io.iisfarm.operator.winrm.HostUnreachableException;
import io.iisfarm.operator.winrm.WinRmCredentials;
import io.iisfarm.operator.winrm.WinRmEndpoint;
import io.iisfarm.operator.winrm.WinRmSession;
import io.iisfarm.operator.winrm.WinRmSessions;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Emulated Windows hosts ({@link WindowsHost}: the same cmd.exe, appcmd, adsutil.vbs, certutil and nlb.exe the
 * simulator's WinRM listeners run) answering the operator's sessions in this process, without sockets or WS-Man.
 *
 * <p>What the WinRM layer adds is kept as a client sees it: a session is opened to the address the endpoint names
 * (a host that is down, or not known, refuses it: {@link HostUnreachableException}); the account is checked
 * ({@link AuthenticationFailedException}); the output reaches the operator as winrm4j hands it over: the
 * shell's bytes in OEM code page 437 (the code page winrm4j asks for), decoded with the JVM's default charset.
 * Timeouts, TLS and NTLM belong to the transport and are proven by the integration tests over real WinRM.
 */
public final class InProcessHosts {

  /** One command line a host ran, or refused. */
  public record Command(String line, int exitCode, boolean changedHost) {}

  /** Thrown into an operator to end it in the middle of what it does, as a kill would. */
  public static final class OperatorKilled extends Error {
    OperatorKilled(String why) {
      super(why);
    }
  }

  /**
   * One operator's life. Once killed, whatever it still tries (a session, a command, a status write) throws
   * {@link OperatorKilled}: its threads may run on for a moment, but nothing of it reaches a host or the API.
   */
  public static final class Life {
    private volatile String killedBecause;

    public void kill(String why) {
      killedBecause = why;
    }

    public boolean alive() {
      return killedBecause == null;
    }

    /** Throws when the operator is dead. */
    public void check() {
      String why = killedBecause;
      if (why != null) {
        throw new OperatorKilled(why);
      }
    }
  }

  /** One emulated host behind its address, with its account and what it was asked. */
  public static final class Host {
    private final String name;
    private final WindowsHost windows;
    private final String user;
    private final String password;
    private final List<Command> journal = new CopyOnWriteArrayList<>();
    private final List<Failing> failing = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private volatile Pattern killAfter;
    private final List<After> after = new CopyOnWriteArrayList<>();

    private record After(Pattern pattern, Runnable action) {}

    private record Failing(Pattern pattern, int exitCode, String stderr) {}

    Host(String name, WindowsHost windows, String user, String password) {
      this.name = name;
      this.windows = windows;
      this.user = user;
      this.password = password;
    }

    public String name() { return name; }

    public WindowsHost windows() { return windows; }

    public String user() { return user; }

    public String password() { return password; }

    /** Every command line the host was sent, in order. */
    public List<Command> journal() { return List.copyOf(journal); }

    /** The command lines that changed the host. */
    public List<String> changes() {
      return journal.stream().filter(Command::changedHost).map(Command::line).toList();
    }

    /** Down (or its WinRM port closed): sessions are refused. */
    public Host down(boolean isDown) {
      this.down = isDown;
      return this;
    }

    /** Command lines in which {@code regex} is found do not run; they exit with {@code exitCode} and print stderr. */
    public Host failCommands(String regex, int exitCode, String stderr) {
      failing.add(new Failing(Pattern.compile(regex), exitCode, stderr));
      return this;
    }

    /** The operator that sends the next command line in which {@code regex} is found dies once the host ran it. */
    public Host killOperatorAfter(String regex) {
      killAfter = Pattern.compile(regex);
      return this;
    }

    /**
     * Once the host has run the next command line in which {@code regex} is found, {@code action} runs, as
     * another administrator or tool acting on the host right then would.
     */
    public Host afterCommand(String regex, Runnable action) {
      after.add(new After(Pattern.compile(regex), action));
      return this;
    }

    /** Removes every fault. */
    public void clear() {
      down = false;
      failing.clear();
      killAfter = null;
      after.clear();
    }

    CommandOutput run(String line, Life life) {
      long started = System.nanoTime();
      CommandResult result = failing.stream().filter(f -> f.pattern().matcher(line).find()).findFirst()
          .map(f -> new CommandResult(f.exitCode(), "", f.stderr(), false))
          .orElseGet(() -> windows.run(line));
      journal.add(new Command(line, result.exitCode(), result.changedHost()));
      after.stream().filter(a -> a.pattern().matcher(line).find()).findFirst().ifPresent(a -> {
        after.remove(a);
        a.action().run();
      });
      Pattern kill = killAfter;
      if (kill != null && kill.matcher(line).find()) {
        killAfter = null;
        life.kill("the operator was killed after a command on " + name);
        life.check();
      }
      return new CommandOutput(result.exitCode(), asWinrm4jReads(result.stdout()), asWinrm4jReads(result.stderr()),
          Duration.ofNanos(System.nanoTime() - started));
    }

    /** Console bytes (code page 437, one char per byte in a CommandResult) as winrm4j decodes them. */
    private static String asWinrm4jReads(String console) {
      return new String(console.getBytes(StandardCharsets.ISO_8859_1), Charset.defaultCharset());
    }
  }

  private final Map<String, Host> byAddress = new ConcurrentHashMap<>();

  /** Puts {@code windows} behind {@code address} (a host name, no port), reachable as {@code user}. */
  public Host add(String address, WindowsHost windows, String user, String password) {
    Host host = new Host(windows.hostname().toLowerCase(Locale.ROOT), windows, user, password);
    byAddress.put(address.toLowerCase(Locale.ROOT), host);
    return host;
  }

  /** The sessions one operator opens, for as long as {@code life} lasts. */
  public WinRmSessions sessions(Life life) {
    return (endpoint, credentials) -> open(endpoint, credentials, life);
  }

  private WinRmSession open(WinRmEndpoint endpoint, WinRmCredentials credentials, Life life) {
    life.check();
    Host host = byAddress.get(endpoint.host().toLowerCase(Locale.ROOT));
    if (host == null || host.down) {
      throw new HostUnreachableException(endpoint.label(), "connection failed (Connection refused): check that WinRM"
          + " listens on " + (endpoint.isHttps() ? "HTTPS" : "HTTP") + " port " + endpoint.port(), null);
    }
    if (!host.user.equalsIgnoreCase(credentials.user()) || !host.password.equals(credentials.revealPassword())) {
      throw new AuthenticationFailedException(endpoint.label(), "HTTP 401, the credentials were rejected: check the"
          + " user and password in the Secret", null);
    }
    return new Session(host, endpoint, life);
  }

  /** One shell on one host; commands run one at a time, as in a WinRM shell. */
  private static final class Session implements WinRmSession {
    private final Host host;
    private final WinRmEndpoint endpoint;
    private final Life life;
    private boolean closed;

    Session(Host host, WinRmEndpoint endpoint, Life life) {
      this.host = host;
      this.endpoint = endpoint;
      this.life = life;
    }

    @Override
    public String host() { return endpoint.label(); }

    @Override
    public WinRmEndpoint endpoint() { return endpoint; }

    @Override
    public synchronized CommandOutput run(String commandLine) {
      if (closed) {
        throw new IllegalStateException("session to " + endpoint.label() + " is closed");
      }
      life.check();
      return host.run(commandLine, life);
    }

    @Override
    public synchronized void close() {
      closed = true;
    }
  }
}
