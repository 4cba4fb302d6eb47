package io.iisfarm.operator.simulator.windows;

import io.iisfarm.operator.simulator.windows.ApplicationHostConfig.App;
import io.iisfarm.operator.simulator.windows.ApplicationHostConfig.Backup;
import io.iisfarm.operator.simulator.windows.ApplicationHostConfig.Site;
import io.iisfarm.operator.simulator.windows.ApplicationHostConfig.Vdir;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code %windir%\system32\inetsrv\appcmd.exe} on IIS 7 and later: LIST/SET/START/STOP SITE, LIST APP,
 * LIST VDIR and ADD/LIST/RESTORE/DELETE BACKUP, in text and {@code /xml} form. Formats follow
 * "Getting Started with AppCmd.exe" (learn.microsoft.com/iis) and public appcmd output. Errors print
 * {@code ERROR ( message:... )} or {@code ERROR ( hresult:..., message:... )} to stdout and exit with the
 * Win32 error code: 1168 for a missing object, 87 for bad arguments.
 */
final class AppCmdTool {
  private static final Set<String> SITE_ATTRIBUTES = Set.of("name", "id", "serverautostart", "bindings", "limits",
      "logfile", "tracefailedrequestslogging", "hsts", "applicationdefaults", "virtualdirectorydefaults", "ftpserver");
  private static final Set<String> OTHER_OBJECTS = Set.of("apppool", "apppools", "wp", "wps",
      "request", "requests", "module", "modules", "trace", "traces");

  private final Programs.Call call;
  private final ApplicationHostConfig iis;
  private final Sink out;
  private final Map<String, String> params = new LinkedHashMap<>();
  private final List<String> positional = new ArrayList<>();
  private boolean xml;

  private AppCmdTool(Programs.Call call) {
    this.call = call;
    this.iis = call.host().iis7;
    this.out = call.io().out();
  }

  static int run(Programs.Call call) {
    if (call.host().iis7 == null) {
      throw new NotEmulatedException(call.commandText());
    }
    return new AppCmdTool(call).run();
  }

  private int run() {
    List<String> argv = call.argv();
    if (argv.size() < 2) {
      throw new NotEmulatedException(call.commandText());
    }
    for (String arg : argv.subList(2, argv.size())) {
      if ((arg.startsWith("/") || arg.startsWith("-")) && arg.length() > 1) {
        int colon = arg.indexOf(':');
        String key = (colon < 0 ? arg.substring(1) : arg.substring(1, colon)).toLowerCase(Locale.ROOT);
        String value = colon < 0 ? "" : arg.substring(colon + 1);
        if (key.equals("xml") && colon < 0) {
          xml = true;
        } else if (key.equals("?") || key.equals("config") || key.equals("in")) {
          throw new NotEmulatedException(call.commandText());
        } else {
          params.put(key, value);
        }
      } else {
        positional.add(arg);
      }
    }
    String verb = argv.get(0).toLowerCase(Locale.ROOT);
    String object = argv.get(1).toLowerCase(Locale.ROOT);
    if (OTHER_OBJECTS.contains(object)
        || (params.containsKey("text") && !object.equals("config") && !object.equals("configs"))) {
      throw new NotEmulatedException(call.commandText());
    }
    return switch (object) {
      case "config", "configs" -> AppCmdConfig.list(call, verb, positional, params, xml);
      case "site", "sites" -> site(verb);
      case "app", "apps" -> listOnly(verb, this::listApps);
      case "vdir", "vdirs" -> listOnly(verb, this::listVdirs);
      case "backup", "backups" -> backup(verb);
      default -> throw new NotEmulatedException(call.commandText());
    };
  }

  private int listOnly(String verb, java.util.function.IntSupplier list) {
    if (!verb.equals("list")) {
      throw new NotEmulatedException(call.commandText());
    }
    return list.getAsInt();
  }

  // --- SITE ----------------------------------------------------------------------------------

  private int site(String verb) {
    return switch (verb) {
      case "list" -> listSites();
      case "set" -> setSite();
      case "start", "stop" -> startStop(verb.equals("start"));
      default -> throw new NotEmulatedException(call.commandText());
    };
  }

  private String siteIdentifier() {
    if (positional.size() > 1) {
      throw new NotEmulatedException(call.commandText());
    }
    String fromParam = params.remove("site.name");
    return !positional.isEmpty() ? positional.get(0) : fromParam;
  }

  private int listSites() {
    String identifier = siteIdentifier();
    List<Site> matches = new ArrayList<>();
    if (identifier != null) {
      Site site = iis.find(identifier).orElse(null);
      if (site == null) {
        return notFound("SITE", identifier);
      }
      matches.add(site);
    } else {
      matches.addAll(iis.sites());
    }
    for (Map.Entry<String, String> filter : params.entrySet()) {
      switch (filter.getKey()) {
        case "name" -> matches.removeIf(s -> !s.name.equalsIgnoreCase(filter.getValue()));
        case "id" -> matches.removeIf(s -> !String.valueOf(s.id).equals(filter.getValue()));
        case "state" -> matches.removeIf(s -> !state(s).equalsIgnoreCase(filter.getValue()));
        default -> {
          return unknownOrNotEmulated(filter.getKey(), SITE_ATTRIBUTES);
        }
      }
    }
    List<String> lines = new ArrayList<>();
    for (Site s : matches) {
      lines.add(xml
          ? "<SITE SITE.NAME=\"" + xml(s.name) + "\" SITE.ID=\"" + s.id + "\" bindings=\""
              + xml(String.join(",", s.bindings)) + "\" state=\"" + state(s) + "\" />"
          : "SITE \"" + s.name + "\" (id:" + s.id + ",bindings:" + String.join(",", s.bindings) + ",state:"
              + state(s) + ")");
    }
    print(lines);
    return 0;
  }

  private int setSite() {
    String identifier = siteIdentifier();
    if (identifier == null) {
      return error("Must specify the SITE object with identifier or \"SITE.NAME\" parameter.", Win32Error.INVALID_PARAMETER);
    }
    Long newId = null;
    for (Map.Entry<String, String> p : params.entrySet()) {
      if (!p.getKey().equals("id")) {
        return unknownOrNotEmulated(p.getKey(), SITE_ATTRIBUTES);
      }
      Long id = IfCondition.number(p.getValue());
      if (id == null || id < 1 || id > 4294967295L || !p.getValue().matches("\\d+")) {
        return error("Failed to process input: The value '" + p.getValue() + "' is not valid for attribute \"id\".",
            Win32Error.INVALID_PARAMETER);
      }
      newId = id;
    }
    if (newId == null) {
      throw new NotEmulatedException(call.commandText());
    }
    Site site = iis.find(identifier).orElse(null);
    if (site == null) {
      return notFound("SITE", identifier);
    }
    try {
      iis.setId(site, newId);
    } catch (Win32Exception e) {
      return hresultError("Failed to commit configuration changes.",
          "Cannot add duplicate collection entry of type 'site' with unique key attribute 'id' set to '" + newId + "'",
          e.error());
    }
    out.println("SITE object \"" + site.name + "\" changed");
    return 0;
  }

  private int startStop(boolean start) {
    String identifier = siteIdentifier();
    if (!params.isEmpty()) {
      throw new NotEmulatedException(call.commandText());
    }
    if (identifier == null) {
      return error("Must specify the SITE object with identifier or \"SITE.NAME\" parameter.", Win32Error.INVALID_PARAMETER);
    }
    Site site = iis.find(identifier).orElse(null);
    if (site == null) {
      return notFound("SITE", identifier);
    }
    try {
      if (start) {
        iis.start(site);
      } else {
        iis.stop(site);
      }
    } catch (Win32Exception e) {
      return hresultError("Command execution failed.", e.error().message(), e.error());
    }
    out.println("\"" + site.name + "\" successfully " + (start ? "started." : "stopped."));
    return 0;
  }

  private String state(Site s) {
    return iis.state(s);
  }

  // --- APP and VDIR ----------------------------------------------------------------------------

  private static String appName(Site s, App a) {
    return s.name + a.path;
  }

  private int listApps() {
    String siteFilter = params.remove("site.name");
    String identifier = positional.isEmpty() ? params.remove("app.name") : positional.get(0);
    if (!params.isEmpty() || positional.size() > 1) {
      throw new NotEmulatedException(call.commandText());
    }
    List<String> lines = new ArrayList<>();
    boolean found = false;
    for (Site s : iis.sites()) {
      if (siteFilter != null && !s.name.equalsIgnoreCase(siteFilter)) {
        continue;
      }
      for (App a : s.apps) {
        String name = appName(s, a);
        if (identifier != null && !name.equalsIgnoreCase(identifier)) {
          continue;
        }
        found = true;
        lines.add(xml
            ? "<APP APP.NAME=\"" + xml(name) + "\" APPPOOL.NAME=\"" + xml(a.pool) + "\" SITE.NAME=\"" + xml(s.name)
                + "\" path=\"" + xml(a.path) + "\" />"
            : "APP \"" + name + "\" (applicationPool:" + a.pool + ")");
      }
    }
    if (identifier != null && !found) {
      return notFound("APP", identifier);
    }
    print(lines);
    return 0;
  }

  private int listVdirs() {
    String appFilter = params.remove("app.name");
    String identifier = positional.isEmpty() ? params.remove("vdir.name") : positional.get(0);
    if (!params.isEmpty() || positional.size() > 1) {
      throw new NotEmulatedException(call.commandText());
    }
    List<String> lines = new ArrayList<>();
    boolean found = false;
    for (Site s : iis.sites()) {
      for (App a : s.apps) {
        String app = appName(s, a);
        if (appFilter != null && !app.equalsIgnoreCase(appFilter)) {
          continue;
        }
        for (Vdir v : a.vdirs) {
          String name = app.endsWith("/") ? app + v.path().substring(1) : app + v.path();
          if (identifier != null && !name.equalsIgnoreCase(identifier)) {
            continue;
          }
          found = true;
          lines.add(xml
              ? "<VDIR VDIR.NAME=\"" + xml(name) + "\" APP.NAME=\"" + xml(app) + "\" path=\"" + xml(v.path())
                  + "\" physicalPath=\"" + xml(v.physicalPath()) + "\" />"
              : "VDIR \"" + name + "\" (physicalPath:" + v.physicalPath() + ")");
        }
      }
    }
    if (identifier != null && !found) {
      return notFound("VDIR", identifier);
    }
    print(lines);
    return 0;
  }

  // --- BACKUP ----------------------------------------------------------------------------------

  private int backup(String verb) {
    String name = positional.isEmpty() ? params.remove("name") : positional.get(0);
    if (verb.equals("restore")) {
      params.remove("stop");
    }
    if (positional.size() > 1 || !params.isEmpty()) {
      throw new NotEmulatedException(call.commandText());
    }
    switch (verb) {
      case "add" -> {
        String backupName = name != null ? name : DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
            .format(call.host().clock.instant().atOffset(ZoneOffset.UTC));
        try {
          iis.addBackup(backupName);
        } catch (Win32Exception e) {
          return hresultError("Command execution failed.", e.error().message(), e.error());
        }
        out.println("BACKUP object \"" + backupName + "\" added");
        return 0;
      }
      case "list" -> {
        List<String> lines = new ArrayList<>();
        for (Backup b : iis.backups()) {
          if (name == null || b.name().equalsIgnoreCase(name)) {
            lines.add(xml ? "<BACKUP BACKUP.NAME=\"" + xml(b.name()) + "\" />" : "BACKUP \"" + b.name() + "\"");
          }
        }
        if (name != null && lines.isEmpty()) {
          return notFound("BACKUP", name);
        }
        print(lines);
        return 0;
      }
      case "restore", "delete" -> {
        if (name == null) {
          return error("Must specify the BACKUP object with identifier or \"BACKUP.NAME\" parameter.",
              Win32Error.INVALID_PARAMETER);
        }
        Backup b = iis.backup(name).orElse(null);
        if (b == null) {
          return notFound("BACKUP", name);
        }
        if (verb.equals("restore")) {
          iis.restore(b);
          out.println("Restored configuration from backup \"" + b.name() + "\"");
        } else {
          iis.deleteBackup(b);
          out.println("BACKUP object \"" + b.name() + "\" deleted");
        }
        return 0;
      }
      default -> throw new NotEmulatedException(call.commandText());
    }
  }

  // --- output ----------------------------------------------------------------------------------

  private void print(List<String> lines) {
    if (xml) {
      out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
      out.println("<appcmd>");
      lines.forEach(l -> out.println("    " + l));
      out.println("</appcmd>");
    } else {
      lines.forEach(out::println);
    }
  }

  private int notFound(String object, String identifier) {
    return error("Cannot find " + object + " object with identifier \"" + identifier + "\".", Win32Error.NOT_FOUND);
  }

  private int unknownOrNotEmulated(String key, Set<String> attributes) {
    String root = key.replaceFirst("^[+-]", "").split("[.\\[]")[0];
    if (attributes.contains(root)) {
      throw new NotEmulatedException(call.commandText());
    }
    return error("Unknown attribute \"" + key + "\".  Replace with -? for help.", Win32Error.INVALID_PARAMETER);
  }

  private int error(String message, Win32Error code) {
    out.println("ERROR ( message:" + message + " )");
    return code.code();
  }

  private int hresultError(String message, String detail, Win32Error code) {
    out.println("ERROR ( hresult:" + code.hresultHex() + ", message:" + message + "\r\n" + detail + "\r\n )");
    return code.code();
  }

  static String xml(String value) {
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
