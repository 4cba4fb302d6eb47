package io.iisfarm.operator.simulator.windows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The IIS 7+ site configuration (the sites section of applicationHost.config) and the sites' run
 * state, plus the configuration backups appcmd keeps under {@code %windir%\system32\inetsrv\backup}.
 *
 * <p>Changing a site's ID stops the site and leaves it stopped, as IIS does. Starting a site whose
 * binding a started site already holds fails with ERROR_SHARING_VIOLATION, the error HTTP.sys
 * reports for a binding in use.
 */
final class ApplicationHostConfig {

  static final class Site {
    String name;
    long id;
    boolean started;
    /** Until when WAS has not applied the site's last ID change; null when nothing is pending. */
    java.time.Instant pendingUntil;
    final List<String> bindings;
    final List<App> apps;

    Site(String name, long id, boolean started, List<String> bindings, List<App> apps) {
      this.name = name;
      this.id = id;
      this.started = started;
      this.bindings = new ArrayList<>(bindings);
      this.apps = new ArrayList<>(apps);
    }

    Site copy() {
      return new Site(name, id, started, bindings, apps.stream().map(App::copy).toList());
    }
  }

  static final class App {
    final String path;
    final String pool;
    final List<Vdir> vdirs;

    App(String path, String pool, List<Vdir> vdirs) {
      this.path = path;
      this.pool = pool;
      this.vdirs = new ArrayList<>(vdirs);
    }

    App copy() {
      return new App(path, pool, vdirs);
    }
  }

  record Vdir(String path, String physicalPath) {}

  record Backup(String name, List<Site> sites, Instant created) {}

  private final List<Site> sites;
  private final List<Backup> backups = new ArrayList<>();
  private final HostRuntime host;

  ApplicationHostConfig(HostRuntime host) {
    this(host, new ArrayList<>());
  }

  /** A host whose sites live in a shared configuration store: {@code sites} is the store's list. */
  ApplicationHostConfig(HostRuntime host, List<Site> sites) {
    this.host = host;
    this.sites = sites;
  }

  HostRuntime runtime() {
    return host;
  }

  List<Site> sites() { return sites; }

  void add(Site site) {
    sites.add(site);
  }

  Optional<Site> find(String name) {
    return sites.stream().filter(s -> s.name.equalsIgnoreCase(name)).findFirst();
  }

  Optional<Site> findById(long id) {
    return sites.stream().filter(s -> s.id == id).findFirst();
  }

  /**
   * Gives a site a new ID. IIS stops the site and does not start it again.
   *
   * @throws Win32Exception ALREADY_EXISTS when another site holds the ID
   */
  void setId(Site site, long id) {
    if (site.id == id) {
      return;
    }
    if (findById(id).isPresent()) {
      throw new Win32Exception(Win32Error.ALREADY_EXISTS);
    }
    site.id = id;
    // WAS picks the change up from a change notification, some time later (options.siteStartLag)
    site.pendingUntil = runtime().clock.instant().plus(runtime().options().effectiveSiteStartLag());
    runtime().context().markChanged();
    if (site.started) {
      site.started = false;
      runtime().context().siteStopped(site.name);
    }
  }

  /** @throws Win32Exception SERVICE_ALREADY_RUNNING, or SHARING_VIOLATION when a binding is in use */
  void start(Site site) {
    if (pending(site)) {
      throw new Win32Exception(Win32Error.OBJECT_NOT_FOUND);
    }
    if (site.started) {
      throw new Win32Exception(Win32Error.SERVICE_ALREADY_RUNNING);
    }
    for (Site other : sites) {
      if (other != site && other.started && other.bindings.stream().anyMatch(b -> containsIgnoreCase(site.bindings, b))) {
        throw new Win32Exception(Win32Error.SHARING_VIOLATION);
      }
    }
    site.started = true;
    runtime().context().siteStarted(site.name);
  }

  /**
   * True while WAS has not yet applied the site's last ID change: the site's state reads Unknown and starting it
   * fails with ERROR_OBJECT_NOT_FOUND (0x800710D8), as IIS Manager shows "Unknown: The object identifier does
   * not represent a valid object" for a site whose configuration change it has not loaded yet
   * (improve.dk, "IIS7: The object identifier does not represent a valid object"); Carbon's Set-IisWebsiteID
   * retries Start for this reason.
   */
  boolean pending(Site site) {
    return site.pendingUntil != null && runtime().clock.instant().isBefore(site.pendingUntil);
  }

  /** Started, Stopped, or Unknown while an ID change is pending. */
  String state(Site site) {
    return pending(site) ? "Unknown" : site.started ? "Started" : "Stopped";
  }

  /** @throws Win32Exception SERVICE_NOT_ACTIVE when the site is already stopped */
  void stop(Site site) {
    if (!site.started) {
      throw new Win32Exception(Win32Error.SERVICE_NOT_ACTIVE);
    }
    site.started = false;
    runtime().context().siteStopped(site.name);
  }

  private static boolean containsIgnoreCase(List<String> list, String value) {
    return list.stream().anyMatch(v -> v.equalsIgnoreCase(value));
  }

  // --- backups -------------------------------------------------------------------------------

  String backupDir() {
    return runtime().system32() + "\\inetsrv\\backup";
  }

  /** Backup names in the order appcmd lists them: the backup folder's name order. */
  List<Backup> backups() {
    List<Backup> sorted = new ArrayList<>(backups);
    sorted.sort(Comparator.comparing(b -> b.name().toUpperCase(Locale.ROOT)));
    return sorted;
  }

  Optional<Backup> backup(String name) {
    return backups.stream().filter(b -> b.name().equalsIgnoreCase(name)).findFirst();
  }

  /** @throws Win32Exception ALREADY_EXISTS when a backup of that name exists */
  void addBackup(String name) {
    if (backup(name).isPresent()) {
      throw new Win32Exception(Win32Error.ALREADY_EXISTS);
    }
    WindowsFileSystem fs = runtime().fs;
    String dir = backupDir() + "\\" + name;
    fs.ensureDirectory(dir);
    fs.write(dir + "\\applicationHost.config", renderSites().getBytes(StandardCharsets.UTF_8));
    fs.write(dir + "\\administration.config", ("<configuration>\r\n</configuration>\r\n").getBytes(StandardCharsets.UTF_8));
    fs.write(dir + "\\redirection.config", ("<configuration>\r\n    <configSections>\r\n"
        + "        <section name=\"configurationRedirection\" />\r\n    </configSections>\r\n"
        + "    <configurationRedirection />\r\n</configuration>\r\n").getBytes(StandardCharsets.UTF_8));
    backups.add(new Backup(name, sites.stream().map(Site::copy).toList(), runtime().clock.instant()));
  }

  /**
   * Restores sites, IDs and states. Restoring stops the server first (learn.microsoft.com, "Getting
   * Started with AppCmd.exe"), so every running site stops, then the restored running sites start.
   */
  void restore(Backup backup) {
    for (Site site : sites) {
      if (site.started) {
        runtime().context().siteStopped(site.name);
      }
    }
    sites.clear();
    backup.sites().forEach(s -> sites.add(s.copy()));
    runtime().context().markChanged();
    for (Site site : sites) {
      if (site.started) {
        runtime().context().siteStarted(site.name);
      }
    }
  }

  void deleteBackup(Backup backup) {
    backups.remove(backup);
    String dir = backupDir() + "\\" + backup.name();
    if (runtime().fs.isDirectory(dir)) {
      runtime().fs.deleteTree(dir);
    }
    runtime().context().markChanged();
  }

  /** The sites section in applicationHost.config's XML form, for the backup folder. */
  private String renderSites() {
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<configuration>\r\n");
    x.append("    <system.applicationHost>\r\n        <sites>\r\n");
    for (Site s : sites) {
      x.append("            <site name=\"").append(AppCmdTool.xml(s.name)).append("\" id=\"").append(s.id)
          .append("\">\r\n");
      for (App a : s.apps) {
        x.append("                <application path=\"").append(a.path).append("\" applicationPool=\"")
            .append(AppCmdTool.xml(a.pool)).append("\">\r\n");
        for (Vdir v : a.vdirs) {
          x.append("                    <virtualDirectory path=\"").append(v.path()).append("\" physicalPath=\"")
              .append(AppCmdTool.xml(v.physicalPath())).append("\" />\r\n");
        }
        x.append("                </application>\r\n");
      }
      x.append("                <bindings>\r\n");
      for (String b : s.bindings) {
        int slash = b.indexOf('/');
        x.append("                    <binding protocol=\"").append(b, 0, slash).append("\" bindingInformation=\"")
            .append(AppCmdTool.xml(b.substring(slash + 1))).append("\" />\r\n");
      }
      x.append("                </bindings>\r\n            </site>\r\n");
    }
    x.append("        </sites>\r\n    </system.applicationHost>\r\n</configuration>\r\n");
    return x.toString();
  }
}
