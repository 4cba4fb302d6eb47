package io.iisfarm.operator.simulator.windows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** What the WinRM server asks of a simulated Windows host: run one command line as cmd.exe would. */
public interface CommandRunner {

  /**
   * Runs {@code commandLine} (what a WinRM Command carries: the program and its arguments joined
   * as cmd.exe receives them) and returns its output and exit code, console text in the host's OEM code
   * page. Thread-safe.
   */
  CommandResult run(String commandLine);

  /**
   * As {@link #run(String)} in a shell whose console code page is {@code codePage} (its {@code WINRS_CODEPAGE}):
   * the result's strings carry one {@code char} per byte of console output in that code page. This default
   * takes {@link #run(String)}'s output as code page 437 text and re-encodes it.
   */
  default CommandResult run(String commandLine, int codePage) {
    CommandResult result = run(commandLine);
    if (codePage == CodePages.OEM_US) {
      return result;
    }
    Charset oem = CodePages.charset(CodePages.OEM_US);
    Charset shell = CodePages.charset(codePage);
    return new CommandResult(result.exitCode(), reencode(result.stdout(), oem, shell),
        reencode(result.stderr(), oem, shell), result.changedHost());
  }

  /** The console code page of a shell created without {@code WINRS_CODEPAGE}. */
  default int oemCodePage() {
    return CodePages.OEM_US;
  }

  private static String reencode(String bytes, Charset from, Charset to) {
    if (bytes == null) {
      return "";
    }
    byte[] raw = bytes.getBytes(StandardCharsets.ISO_8859_1);
    return new String(new String(raw, from).getBytes(to), StandardCharsets.ISO_8859_1);
  }
}
