package io.iisfarm.operator.host;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * cmd.exe command lines: the tools' paths, quoting, joining parts with {@code &}, and the length limit.
 * cmd.exe accepts at most 8,191 characters on one command line, a limit that also applies to the line
 * after environment variables are expanded
 * (learn.microsoft.com/troubleshoot/windows-client/shell-experience/command-line-string-limitation), so
 * lengths are counted with each {@code %VAR%} at the longest it plausibly expands to.
 */
final class Cmd {

  static final int MAX_LENGTH = 8191;

  /** IIS7+ (learn.microsoft.com/iis/get-started/getting-started-with-iis/getting-started-with-appcmdexe). */
  static final String APPCMD = "%windir%\\system32\\inetsrv\\appcmd.exe";
  /** IIS6 (Windows Server 2003 docs, "Using the Adsutil.vbs Administration Script"). */
  static final String ADSUTIL = "%SystemDrive%\\Inetpub\\AdminScripts\\adsutil.vbs";
  /**
   * IIS 6.0 keeps its configuration in this file ("Metabase Structure", IIS 6.0 docs); present on an IIS6 host
   * even when the admin scripts were removed.
   */
  static final String METABASE_XML = "%windir%\\system32\\inetsrv\\MetaBase.xml";
  /** IIS6 (Windows Server 2003 docs, "Iisback.vbs"). */
  static final String IISBACK = "%SystemRoot%\\system32\\iisback.vbs";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern VARIABLE = Pattern.compile("%([A-Za-z_][A-Za-z0-9_]*)%");

  /** Longest expansion assumed per variable: TEMP lies in the user profile; windir is C:\\WINDOWS or alike. */
  static int expansionBudget(String variable) {
    return switch (variable.toLowerCase(Locale.ROOT)) {
      case "temp", "tmp" -> 120;
      case "windir", "systemroot" -> 32;
      case "systemdrive" -> 8;
      default -> 120;
    };
  }

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

  /** The length of {@code text} once cmd has expanded its variables, at the budgeted worst case. */
  static int expandedLength(String text) {
    int length = text.length();
    Matcher m = VARIABLE.matcher(text);
    while (m.find()) {
      length += Math.max(0, expansionBudget(m.group(1)) - m.group().length());
    }
    return length;
  }

  /** True when {@code commandLine} fits cmd's limit even with its variables expanded. */
  static boolean fits(String commandLine) {
    return expandedLength(commandLine) < MAX_LENGTH;
  }

  /** Fails loudly if a command line could be cut by cmd.exe. */
  static String checked(String commandLine) {
    if (!fits(commandLine)) {
      throw new IllegalStateException("command line of " + commandLine.length() + " characters (up to "
          + expandedLength(commandLine) + " expanded) exceeds cmd's " + (MAX_LENGTH - 1) + "-character limit");
    }
    return commandLine;
  }

  /**
   * Joins parts with {@code &} into as few command lines as fit the limit, each ending with {@code tail}
   * (e.g. an end marker) when given.
   */
  static List<String> pack(List<String> parts, String tail) {
    List<String> lines = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String part : parts) {
      List<String> candidate = new ArrayList<>(current);
      candidate.add(part);
      if (tail != null) {
        candidate.add(tail);
      }
      if (!current.isEmpty() && !fits(join(candidate))) {
        if (tail != null) {
          current.add(tail);
        }
        lines.add(checked(join(current)));
        current = new ArrayList<>();
      }
      current.add(part);
    }
    if (!current.isEmpty()) {
      if (tail != null) {
        current.add(tail);
      }
      lines.add(checked(join(current)));
    }
    return lines;
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
   * Prints a file's exact bytes as certutil base64 (header, 64-character lines, footer) through a temp file
   * that is typed and deleted in the same line, after certutil's exit code as a status line; or the status
   * {@code absent} when there is no such file. Read the part with {@link FilePart#read}: an empty part is never
   * an absent file.
   */
  static String printFileBase64(String path, String tempFile) {
    String p = quote(path);
    String t = quote(tempFile);
    return "(if exist " + p + " (certutil -f -encode " + p + " " + t + " >nul & " + Sections.exitCode("certutil")
        + " & type " + t + " & del " + t + ") else " + Sections.status("absent") + ")";
  }

  /**
   * {@link #printFileBase64} for several files in one {@code for} loop, each after a marker of {@code part}, in the
   * order given: the temp file and the program text are written once, so each file costs the line only its quoted
   * path. {@code for} substitutes {@code %f} after the line is parsed, and CALL expands the exit code per file
   * (Microsoft Learn, "for" and "call").
   */
  static String printFilesBase64(List<String> paths, String tempFile, String part) {
    String t = quote(tempFile);
    String items = String.join(" ", paths.stream().map(Cmd::quote).toList());
    return "for %f in (" + items + ") do @(" + Sections.echo(part) + " & (if exist %f (certutil -f -encode %f " + t
        + " >nul & " + Sections.exitCode("certutil") + " & type " + t + " & del " + t + ") else "
        + Sections.status("absent") + "))";
  }
}
