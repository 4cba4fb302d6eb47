package io.iisfarm.operator.simulator.windows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Applies {@link DriftAction}s to a host, with the same side effects IIS would have. */
final class Drift {
  private Drift() {}

  static void apply(HostRuntime host, DriftAction a) {
    switch (a.kind()) {
      case "siteId" -> siteId(host, require(a.site(), "site"), require(a.id(), "id"));
      case "siteState" -> siteState(host, require(a.site(), "site"), require(a.state(), "state"));
      case "appRoot" -> appRoot(host, a);
      case "machineKey" -> machineKey(host, a);
      case "configText" -> configText(host, a);
      default -> throw new IllegalArgumentException(
          "drift kind must be siteId, siteState, appRoot, machineKey or configText, not '" + a.kind() + "'");
    }
  }

  private static <T> T require(T value, String key) {
    if (value == null) {
      throw new IllegalArgumentException("drift action needs '" + key + "'");
    }
    return value;
  }

  private static void siteId(HostRuntime host, String name, long id) {
    if (id < 1 || id > 4294967295L) {
      throw new IllegalArgumentException("site ID must be between 1 and 4294967295");
    }
    if (host.iis7 != null) {
      ApplicationHostConfig.Site site = iis7Site(host, name);
      try {
        host.iis7.setId(site, id);
      } catch (Win32Exception e) {
        throw new IllegalArgumentException("site ID " + id + " is already used on " + host.hostname);
      }
      return;
    }
    Metabase.Key site = iis6Site(host, name);
    try {
      host.metabase.move(host.metabase.w3svc(), site, String.valueOf(id));
    } catch (Win32Exception e) {
      throw new IllegalArgumentException("site ID " + id + " is already used on " + host.hostname);
    }
  }

  private static void siteState(HostRuntime host, String name, String state) {
    if (!state.equals("Started") && !state.equals("Stopped")) {
      throw new IllegalArgumentException("state must be Started or Stopped");
    }
    boolean start = state.equals("Started");
    try {
      if (host.iis7 != null) {
        ApplicationHostConfig.Site site = iis7Site(host, name);
        if (site.started != start) {
          if (start) {
            host.iis7.start(site);
          } else {
            host.iis7.stop(site);
          }
        }
      } else {
        Metabase.Key site = iis6Site(host, name);
        if (start) {
          host.metabase.start(site);
        } else {
          host.metabase.stop(site);
        }
      }
    } catch (Win32Exception e) {
      throw new IllegalArgumentException("cannot start site '" + name + "': " + e.error().message());
    }
  }

  private static void appRoot(HostRuntime host, DriftAction a) {
    if (host.metabase == null) {
      throw new IllegalArgumentException("appRoot drift needs an IIS6 host; " + host.hostname + " runs IIS "
          + host.os.iisVersion());
    }
    Metabase.Key site = iis6Site(host, require(a.site(), "site"));
    String path = "ROOT" + (a.application() == null ? "" : a.application());
    Metabase.Key key = site;
    for (String part : path.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      key = key.child(part).orElseThrow(() -> new IllegalArgumentException(
          "site '" + a.site() + "' has no " + path));
    }
    key.set("AppRoot", require(a.appRoot(), "appRoot"));
    host.context().markChanged();
  }

  private static void configText(HostRuntime host, DriftAction a) {
    String path = configPath(host, a);
    String find = require(a.find(), "find");
    String text = new String(host.fs.read(path), java.nio.charset.StandardCharsets.ISO_8859_1);
    int at = text.indexOf(find);
    if (at < 0) {
      throw new IllegalArgumentException(path + " does not contain the text to replace");
    }
    String changed = text.substring(0, at) + require(a.replace(), "replace") + text.substring(at + find.length());
    host.fs.write(path, changed.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
  }

  private static void machineKey(HostRuntime host, DriftAction a) {
    String path = configPath(host, a);
    Map<String, String> changes = new LinkedHashMap<>();
    put(changes, "validationKey", a.validationKey());
    put(changes, "decryptionKey", a.decryptionKey());
    put(changes, "validation", a.validation());
    put(changes, "decryption", a.decryption());
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("machineKey drift needs at least one of validationKey, decryptionKey, "
          + "validation, decryption");
    }
    host.fs.write(path, MachineKeyEditor.apply(host.fs.read(path), changes));
  }

  /** machine.config, or the root web.config with {@code file: rootWebConfig}, of the action's runtime. */
  private static String configPath(HostRuntime host, DriftAction a) {
    String runtime = require(a.runtime(), "runtime");
    int bitness = require(a.bitness(), "bitness");
    String file = a.file() == null ? "machineConfig" : a.file();
    if (!file.equals("machineConfig") && !file.equals("rootWebConfig")) {
      throw new IllegalArgumentException("file must be machineConfig or rootWebConfig");
    }
    String path = host.windir() + "\\Microsoft.NET\\" + (bitness == 64 ? "Framework64" : "Framework") + "\\"
        + (runtime.startsWith("v2") ? "v2.0.50727" : "v4.0.30319") + "\\CONFIG\\"
        + (file.equals("rootWebConfig") ? "web.config" : "machine.config");
    if (!host.fs.isFile(path)) {
      throw new IllegalArgumentException(host.hostname + " has no " + runtime + "/" + bitness + " " + file);
    }
    return path;
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null) {
      m.put(k, v);
    }
  }

  private static ApplicationHostConfig.Site iis7Site(HostRuntime host, String name) {
    return host.iis7.find(name).orElseThrow(() -> new IllegalArgumentException(
        "no site '" + name + "' on " + host.hostname));
  }

  private static Metabase.Key iis6Site(HostRuntime host, String name) {
    List<Metabase.Key> matches = host.metabase.sites().stream()
        .filter(k -> Metabase.siteName(k).equalsIgnoreCase(name)).toList();
    if (matches.size() != 1) {
      throw new IllegalArgumentException((matches.isEmpty() ? "no site '" : "more than one site named '") + name
          + "' on " + host.hostname);
    }
    return matches.get(0);
  }
}
