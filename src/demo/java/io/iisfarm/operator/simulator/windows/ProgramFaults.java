package io.iisfarm.operator.simulator.windows;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Faults that hit one program inside a command line, not the whole line: one certutil of one file blocked by
 * application control or anti-malware, or failing with access denied; an adsutil walk that stops half-way.
 * Thread-safe; changeable at any time.
 */
public final class ProgramFaults {

  /**
   * Who keeps a program from starting, with the Win32 error cmd then reports: its system message on stderr and
   * the error as ERRORLEVEL (Microsoft Learn, "System Error Codes"; the ERRORLEVEL a failed start leaves is not
   * documented and taken to be the error). The program never runs.
   */
  public enum Block {
    /** AppLocker or a software restriction policy: ERROR_ACCESS_DISABLED_BY_POLICY. */
    APP_LOCKER(1260, "This program is blocked by group policy. For more information, contact your system"
        + " administrator."),
    /** Windows Defender Application Control: ERROR_SYSTEM_INTEGRITY_POLICY_VIOLATION. */
    WDAC(4551, "An Application Control policy has blocked this file."),
    /** Anti-malware refusing the start: ERROR_VIRUS_INFECTED. */
    ANTIMALWARE(225, "Operation did not complete successfully because the file contains a virus or potentially"
        + " unwanted software.");

    private final int error;
    private final String message;

    Block(int error, String message) {
      this.error = error;
      this.message = message;
    }

    public int error() { return error; }

    public String message() { return message; }

    /** {@code appLocker}, {@code wdac} or {@code antimalware}, any case. */
    public static Block fromName(String name) {
      for (Block b : values()) {
        if (b.name().replace("_", "").equalsIgnoreCase(name.replace("_", "").replace("-", ""))) {
          return b;
        }
      }
      throw new IllegalArgumentException("blockedBy must be appLocker, wdac or antimalware, not '" + name + "'");
    }
  }

  /**
   * One fault: program file name (e.g. {@code certutil.exe}), a regex found in its arguments, and what happens:
   * blocked before it starts, or it runs (keeping only its first {@code keepLines} lines of output when set, as
   * a walk that stops half-way) or does not, then prints {@code stdout}/{@code stderr} and exits {@code exitCode}.
   */
  public record ProgramFault(String program, Pattern args, Block blockedBy, Integer keepLines, String stdout,
      String stderr, int exitCode) {
    public ProgramFault {
      Objects.requireNonNull(program, "program");
      program = program.toLowerCase(Locale.ROOT).endsWith(".exe") ? program.toLowerCase(Locale.ROOT)
          : program.toLowerCase(Locale.ROOT) + ".exe";
      args = args == null ? Pattern.compile("") : args;
      stdout = stdout == null ? "" : stdout;
      stderr = stderr == null ? "" : stderr;
    }
  }

  private final List<ProgramFault> faults = new CopyOnWriteArrayList<>();

  public ProgramFaults add(ProgramFault fault) {
    faults.add(Objects.requireNonNull(fault));
    return this;
  }

  /** Blocks every start of {@code program} whose arguments contain a match of {@code argsRegex}. */
  public ProgramFaults block(String program, String argsRegex, Block by) {
    return add(new ProgramFault(program, Pattern.compile(argsRegex), by, null, null, null, by.error()));
  }

  /** {@code program} (matching {@code argsRegex}) does not run and exits with {@code exitCode}, printing stdout. */
  public ProgramFaults fail(String program, String argsRegex, int exitCode, String stdout) {
    return add(new ProgramFault(program, Pattern.compile(argsRegex), null, null, stdout, null, exitCode));
  }

  public void clear() {
    faults.clear();
  }

  Optional<ProgramFault> find(String programFileName, String args) {
    String name = programFileName.toLowerCase(Locale.ROOT);
    return faults.stream().filter(f -> f.program().equals(name) && f.args().matcher(args).find()).findFirst();
  }
}
