package io.iisfarm.operator.host;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * cmd.exe command lines: the tools' paths, quoting, joining parts with {@code &}, and the length limit.
 * cmd.exe accepts at most 8,191 characters on one command line
 * (learn.microsoft.com/troubleshoot/windows-client/shell-experience/command-line-string-limitation).
 */
final class Cmd {

  static final int MAX_LENGTH = 8191;

  /** IIS7+ (learn.microsoft.com/iis/get-started/getting-started-with-iis/getting-started-with-appcmdexe). */
  static final String APPCMD = "%windir%\\system32\\inetsrv\\appcmd.exe";
  /** IIS6 (Windows Server 2003 docs, "Using the Adsutil.vbs Administration Script"). */
  static final String ADSUTIL = "%SystemDrive%\\Inetpub\\AdminScripts\\adsutil.vbs";
  /** IIS6 (Windows Server 2003 docs, "Iisback.vbs"). */
  static final String IISBACK = "%SystemRoot%\\system32\\iisback.vbs";

  private static final SecureRandom RANDOM = new SecureRandom();

  private Cmd() {}

  static String quote(String path) {
    if (path.indexOf('"') >= 0 || path.indexOf('\r') >= 0 || path.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a Windows path cannot contain quotes or line breaks");
    }
    return "\"" + path + "\"";
  }

  static String join(List<String> parts) {
    return String.join(" & ", parts);
  }

  /** Fails loudly if a command line would be cut by cmd.exe. */
  static String checked(String commandLine) {
    if (commandLine.length() >= MAX_LENGTH) {
      throw new IllegalStateException("command line of " + commandLine.length() + " characters exceeds cmd's "
          + (MAX_LENGTH - 1) + "-character limit");
    }
    return commandLine;
  }

  static String cscript(String script, String arguments) {
    return "cscript //nologo " + script + " " + arguments;
  }

  static String appcmd(String arguments) {
    return APPCMD + " " + arguments;
  }

  static String adsutil(String arguments) {
    return cscript(ADSUTIL, arguments);
  }

  static String iisback(String arguments) {
    return cscript(IISBACK, arguments);
  }

  /** A temp file name of our own under %TEMP%, unique per use so concurrent readers never share one. */
  static String tempFile(String kind) {
    byte[] token = new byte[4];
    RANDOM.nextBytes(token);
    return "%TEMP%\\iisfarm-" + kind + "-" + HexFormat.of().formatHex(token) + ".b64";
  }

  /**
   * Prints a file's exact bytes as certutil base64 (header, 64-character lines, footer) when it exists,
   * through a temp file that is typed and deleted in the same line.
   */
  static String printFileBase64(String path, String tempFile) {
    String p = quote(path);
    String t = quote(tempFile);
    return "(if exist " + p + " (certutil -f -encode " + p + " " + t + " >nul & type " + t + " & del " + t + "))";
  }
}
