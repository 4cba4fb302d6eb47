package io.iisfarm.operator.simulator.windows;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code %SystemRoot%\system32\iisback.vbs} on IIS 6.0 (TechNet, "Iisback.vbs"): {@code /backup
 * [/b name] [/v n|NEXT_VERSION] [/overwrite]}, {@code /restore /b name [/v n|HIGHEST_VERSION]},
 * {@code /delete /b name [/v n|HIGHEST_VERSION]} and {@code /list}. The backup name defaults to
 * SampleBackup and the version to NEXT_VERSION; an existing name and version fails without
 * /overwrite. The exact wording of iisback's messages could not be checked against a public copy
 * of its output; see docs/simulator.md.
 */
final class IisBackTool {
  private final CscriptHost.Script script;
  private final Metabase mb;
  private final Sink out;

  private IisBackTool(CscriptHost.Script script) {
    this.script = script;
    this.mb = script.call().host().metabase;
    this.out = script.call().io().out();
  }

  static int run(CscriptHost.Script script) {
    if (script.call().host().metabase == null) {
      throw new NotEmulatedException(script.call().commandText());
    }
    return new IisBackTool(script).run();
  }

  private int run() {
    String operation = null;
    String name = null;
    String version = null;
    boolean overwrite = false;
    List<String> args = script.args();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i).toLowerCase(Locale.ROOT);
      switch (a) {
        case "/backup", "/restore", "/delete", "/list" -> {
          if (operation != null) {
            throw new NotEmulatedException(script.call().commandText());
          }
          operation = a;
        }
        case "/b" -> name = value(args, ++i);
        case "/v" -> version = value(args, ++i);
        case "/overwrite" -> overwrite = true;
        default -> throw new NotEmulatedException(script.call().commandText());
      }
    }
    if (operation == null) {
      throw new NotEmulatedException(script.call().commandText());
    }
    if (operation.equals("/list")) {
      return list();
    }
    String backupName = name == null ? "SampleBackup" : name;
    Integer v = version(version, operation.equals("/backup") ? "NEXT_VERSION" : "HIGHEST_VERSION");
    if (operation.equals("/backup")) {
      try {
        int written = mb.backup(backupName, v, overwrite);
        out.println("Backup " + backupName + " version " + written + " has been CREATED.");
        return 0;
      } catch (Win32Exception e) {
        return error(e.error());
      }
    }
    Metabase.Backup backup = mb.backup(backupName, v).orElse(null);
    if (backup == null) {
      return error(Win32Error.FILE_NOT_FOUND);
    }
    if (operation.equals("/restore")) {
      mb.restore(backup);
      out.println("Backup " + backup.name() + " version " + backup.version() + " has been RESTORED.");
    } else {
      mb.delete(backup);
      out.println("Backup " + backup.name() + " version " + backup.version() + " has been DELETED.");
    }
    return 0;
  }

  private String value(List<String> args, int i) {
    if (i >= args.size()) {
      throw new NotEmulatedException(script.call().commandText());
    }
    return args.get(i);
  }

  /** A version argument: a number, or null for the default keyword. */
  private Integer version(String v, String defaultKeyword) {
    if (v == null || v.equalsIgnoreCase(defaultKeyword)) {
      return null;
    }
    if (v.matches("\\d{1,4}")) {
      return Integer.parseInt(v);
    }
    throw new NotEmulatedException(script.call().commandText());
  }

  private int list() {
    DateTimeFormatter when = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);
    out.println(String.format("%-40s%-16s%s", "Backup Name", "Version #", "Date/Time"));
    out.println("=".repeat(74));
    for (Metabase.Backup b : mb.backups()) {
      out.println(String.format("%-40s%-16d%s", b.name(), b.version(),
          when.format(b.created().atOffset(ZoneOffset.UTC))));
    }
    return 0;
  }

  private int error(Win32Error e) {
    out.println("Error &H" + Integer.toHexString(e.hresult()).toUpperCase(Locale.ROOT) + ": " + e.message());
    return e.hresult();
  }
}
