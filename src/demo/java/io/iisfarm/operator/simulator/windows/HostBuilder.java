package io.iisfarm.operator.simulator.windows;

import io.iisfarm.operator.simulator.windows.HostDefinition.Application;
import io.iisfarm.operator.simulator.windows.HostDefinition.ConfigFile;
import io.iisfarm.operator.simulator.windows.HostDefinition.Framework;
import io.iisfarm.operator.simulator.windows.HostDefinition.Site;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds a host's file system, environment and IIS configuration from its {@link HostDefinition}. */
final class HostBuilder {
  /** The start of a PE image: enough for an .exe that is only ever run, never read. */
  private static final byte[] EXE = "MZ\u0090\u0000\u0003\u0000\u0000\u0000\u0004\u0000\u0000\u0000\u00ff\u00ff"
      .getBytes(StandardCharsets.ISO_8859_1);
  private static final List<String> SYSTEM32_TOOLS = List.of("cmd.exe", "certutil.exe", "cscript.exe", "wscript.exe",
      "hostname.exe", "findstr.exe", "find.exe", "more.com", "sort.exe", "xcopy.exe", "net.exe", "sc.exe", "reg.exe",
      "ping.exe", "ipconfig.exe", "tasklist.exe", "taskkill.exe", "whoami.exe", "iisreset.exe", "icacls.exe",
      "netsh.exe", "attrib.exe", "fc.exe", "expand.exe", "systeminfo.exe", "schtasks.exe", "msiexec.exe",
      "regsvr32.exe", "rundll32.exe", "runas.exe", "shutdown.exe", "notepad.exe", "tree.com", "comp.exe");
  private static final List<String> NEWER_TOOLS = List.of("robocopy.exe", "timeout.exe", "choice.exe", "where.exe",
      "setx.exe", "clip.exe");

  private final HostDefinition d;
  private final Clock clock;
  private final SharedConfigurationStores.Store store;
  private HostRuntime host;

  private HostBuilder(HostDefinition d, Clock clock, SharedConfigurationStores.Store store) {
    this.d = d;
    this.clock = clock;
    this.store = store;
  }

  /** @param store the shared configuration store the host reads its sites from, or null for its own */
  static HostRuntime build(HostDefinition definition, Clock clock, SharedConfigurationStores.Store store) {
    return new HostBuilder(definition, clock, store).build();
  }

  private HostRuntime build() {
    OsVersion os = d.os();
    WindowsFileSystem fs = new WindowsFileSystem(clock);
    fs.createDrive('C');
    EnvironmentBlock env = environment();
    host = new HostRuntime(d.name(), os, d.effectiveBits(), fs, env, clock, d.effectiveOptions());
    String windir = host.windir();
    String sys32 = host.system32();
    fs.ensureDirectory(windir + "\\Temp");
    fs.ensureDirectory(sys32 + "\\inetsrv");
    for (String tool : SYSTEM32_TOOLS) {
      fs.write(sys32 + "\\" + tool, EXE);
    }
    fs.ensureDirectory(sys32 + "\\Wbem");
    fs.write(sys32 + "\\Wbem\\wmic.exe", EXE);
    fs.ensureDirectory("C:\\Program Files\\Common Files");
    if (os != OsVersion.SERVER2003) {
      NEWER_TOOLS.forEach(t -> fs.write(sys32 + "\\" + t, EXE));
      fs.ensureDirectory(sys32 + "\\WindowsPowerShell\\v1.0");
      fs.write(sys32 + "\\WindowsPowerShell\\v1.0\\powershell.exe", EXE);
      fs.ensureDirectory("C:\\ProgramData");
      fs.ensureDirectory("C:\\Users\\Public");
    } else {
      fs.ensureDirectory("C:\\Documents and Settings\\All Users");
      fs.setShortName("C:\\Documents and Settings", "DOCUME~1");
    }
    if (d.effectiveBits() == 64) {
      fs.ensureDirectory("C:\\Program Files (x86)\\Common Files");
      fs.ensureDirectory(windir + "\\SysWOW64");
    }
    fs.setShortName("C:\\Program Files", "PROGRA~1");
    profile(fs, env);
    for (String var : new String[] {"TEMP", "TMP", "USERPROFILE", "APPDATA"}) {
      String value = env.get(var);
      if (value != null && value.length() > 2 && value.charAt(1) == ':') {
        fs.ensureDirectory(WindowsFileSystem.fullPath(value, "C:\\"));
      }
    }
    if (d.nlb() != null) {
      // nlb.exe replaces wlbs.exe, which stays for compatibility (Microsoft Learn, "Network Load Balancing
      // Tools"); both come with the NLB feature and its management tools
      fs.write(sys32 + "\\nlb.exe", EXE);
      fs.write(sys32 + "\\wlbs.exe", EXE);
      host.nlb = new NlbCluster(d.nlb(), clock);
    }
    frameworks(fs);
    if (os.isIis6()) {
      iis6(fs);
    } else {
      iis7(fs);
    }
    return host;
  }

  private EnvironmentBlock environment() {
    OsVersion os = d.os();
    boolean legacy = os == OsVersion.SERVER2003;
    String windir = os.windir();
    String user = d.effectiveUser();
    String computer = d.name().toUpperCase(Locale.ROOT);
    String profile = legacy ? "C:\\Documents and Settings\\" + user : "C:\\Users\\" + user;
    EnvironmentBlock env = new EnvironmentBlock();
    env.put("ALLUSERSPROFILE", legacy ? "C:\\Documents and Settings\\All Users" : "C:\\ProgramData");
    env.put("APPDATA", legacy ? profile + "\\Application Data" : profile + "\\AppData\\Roaming");
    env.put("CommonProgramFiles", "C:\\Program Files\\Common Files");
    if (d.effectiveBits() == 64) {
      env.put("CommonProgramFiles(x86)", "C:\\Program Files (x86)\\Common Files");
    }
    env.put("COMPUTERNAME", computer);
    env.put("ComSpec", windir + "\\system32\\cmd.exe");
    env.put("HOMEDRIVE", "C:");
    env.put("HOMEPATH", profile.substring(2));
    if (!legacy) {
      env.put("LOCALAPPDATA", profile + "\\AppData\\Local");
    }
    env.put("NUMBER_OF_PROCESSORS", "2");
    env.put("OS", "Windows_NT");
    String path = windir + "\\system32;" + windir + ";" + windir + "\\System32\\Wbem";
    if (!legacy) {
      path += ";" + windir + "\\System32\\WindowsPowerShell\\v1.0\\";
    }
    env.put("Path", path);
    env.put("PATHEXT", legacy ? ".COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH"
        : ".COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC");
    env.put("PROCESSOR_ARCHITECTURE", d.effectiveBits() == 64 ? "AMD64" : "x86");
    if (!legacy) {
      env.put("ProgramData", "C:\\ProgramData");
    }
    env.put("ProgramFiles", "C:\\Program Files");
    if (d.effectiveBits() == 64) {
      env.put("ProgramFiles(x86)", "C:\\Program Files (x86)");
    }
    env.put("PROMPT", "$P$G");
    if (!legacy) {
      env.put("PUBLIC", "C:\\Users\\Public");
    }
    env.put("SystemDrive", "C:");
    env.put("SystemRoot", windir);
    String temp = legacy ? "C:\\DOCUME~1\\" + user + "\\LOCALS~1\\Temp" : profile + "\\AppData\\Local\\Temp";
    env.put("TEMP", temp);
    env.put("TMP", temp);
    env.put("USERDOMAIN", computer);
    env.put("USERNAME", user);
    env.put("USERPROFILE", profile);
    env.put("windir", windir);
    for (Map.Entry<String, String> e : d.env().entrySet()) {
      env.put(e.getKey(), e.getValue());
    }
    return env;
  }

  /** The user profile; on Server 2003 with the 8.3 names %TEMP% uses (DOCUME~1, LOCALS~1). */
  private void profile(WindowsFileSystem fs, EnvironmentBlock env) {
    if (d.os() == OsVersion.SERVER2003) {
      String profile = "C:\\Documents and Settings\\" + d.effectiveUser();
      fs.ensureDirectory(profile + "\\Local Settings\\Temp");
      fs.ensureDirectory(profile + "\\Application Data");
      fs.setShortName(profile + "\\Local Settings", "LOCALS~1");
    } else {
      fs.ensureDirectory("C:\\Users\\" + d.effectiveUser() + "\\AppData\\Local\\Temp");
      fs.ensureDirectory("C:\\Users\\" + d.effectiveUser() + "\\AppData\\Roaming");
    }
  }

  private void frameworks(WindowsFileSystem fs) {
    host.frameworks = d.frameworks();
    for (Framework f : d.frameworks()) {
      String dir = host.windir() + "\\Microsoft.NET\\" + (f.bitness() == 64 ? "Framework64" : "Framework") + "\\"
          + f.folder();
      fs.ensureDirectory(dir + "\\CONFIG");
      fs.write(dir + "\\aspnet_regiis.exe", EXE);
      fs.write(dir + "\\aspnet_state.exe", EXE);
      fs.write(dir + "\\CONFIG\\machine.config", ConfigTemplates.machineConfig(f.isV2(), f.machineConfig()));
      fs.write(dir + "\\CONFIG\\machine.config.default", ConfigTemplates.machineConfig(f.isV2(), null));
      fs.write(dir + "\\CONFIG\\web.config", ConfigTemplates.rootWebConfig(f.isV2(), f.rootWebConfig()));
      fs.write(dir + "\\CONFIG\\web.config.default", ConfigTemplates.rootWebConfig(f.isV2(), null));
    }
  }

  private boolean hostHasV4() {
    return d.frameworks().stream().anyMatch(f -> !f.isV2());
  }

  private String expand(String path) {
    return host.env.expand(path);
  }

  private String sitePath(Site s) {
    if (s.physicalPath() != null) {
      return s.physicalPath();
    }
    return s.id() == 1 ? (d.os().isIis6() ? "C:\\Inetpub\\wwwroot" : "%SystemDrive%\\inetpub\\wwwroot")
        : "C:\\inetpub\\" + s.name();
  }

  private static String appPath(String sitePath, Application a) {
    return a.physicalPath() != null ? a.physicalPath()
        : sitePath + "\\" + a.path().substring(a.path().lastIndexOf('/') + 1);
  }

  /** Creates a content folder and, unless absent, its web.config. */
  private void content(WindowsFileSystem fs, String path, ConfigFile webConfig) {
    String full = WindowsFileSystem.fullPath(expand(path), "C:\\");
    if (WindowsFileSystem.isUnc(full)) {
      return; // content on a file server: not on this host, and out of a WinRM session's reach
    }
    fs.ensureDirectory(full);
    if (webConfig == null || !webConfig.isAbsent()) {
      fs.write(full + "\\web.config", ConfigTemplates.siteWebConfig(hostHasV4(), webConfig));
    }
  }

  private void iis7(WindowsFileSystem fs) {
    fs.write(host.system32() + "\\inetsrv\\appcmd.exe", EXE);
    if (d.effectiveBits() == 64) {
      // the 32-bit IIS tools of a 64-bit Windows
      fs.ensureDirectory(host.windir() + "\\SysWOW64\\inetsrv");
      fs.write(host.windir() + "\\SysWOW64\\inetsrv\\appcmd.exe", EXE);
    }
    fs.ensureDirectory(host.system32() + "\\inetsrv\\config");
    fs.write(host.system32() + "\\inetsrv\\config\\redirection.config",
        RedirectionConfigFile.of(d.name(), d.sharedConfiguration()));
    fs.ensureDirectory(host.system32() + "\\inetsrv\\backup");
    boolean joinsPopulatedStore = store != null && store.populated;
    ApplicationHostConfig config = store == null ? new ApplicationHostConfig(host)
        : new ApplicationHostConfig(host, store.sites);
    host.iis7 = config;
    for (Site s : d.sites()) {
      String path = sitePath(s);
      content(fs, path, s.webConfig());
      String pool = s.appPool() == null ? "DefaultAppPool" : s.appPool();
      List<ApplicationHostConfig.App> apps = new ArrayList<>();
      apps.add(new ApplicationHostConfig.App("/", pool, List.of(new ApplicationHostConfig.Vdir("/", path))));
      for (Application a : s.applications()) {
        String appPath = appPath(path, a);
        content(fs, appPath, a.webConfig());
        apps.add(new ApplicationHostConfig.App(a.path(), a.appPool() == null ? pool : a.appPool(),
            List.of(new ApplicationHostConfig.Vdir("/", appPath))));
      }
      if (!joinsPopulatedStore) {
        config.add(new ApplicationHostConfig.Site(s.name(), s.id(), !"Stopped".equals(s.state()), s.bindings(), apps));
      }
    }
    if (joinsPopulatedStore) {
      List<String> mine = d.sites().stream().map(s -> s.name().toLowerCase(Locale.ROOT) + "=" + s.id()).toList();
      List<String> shared = store.sites.stream().map(s -> s.name.toLowerCase(Locale.ROOT) + "=" + s.id).toList();
      if (!mine.equals(shared)) {
        throw new IllegalArgumentException("host '" + d.name() + "' shares its configuration (" + d.sharedConfiguration()
            + ") with a host listing other sites: hosts sharing a store list the same sites with the same IDs");
      }
    }
    if (store != null) {
      store.populated = true;
    }
    d.backups().forEach(config::addBackup);
  }


  private void iis6(WindowsFileSystem fs) {
    if (d.effectiveOptions().adminScriptsInstalled()) {
      fs.ensureDirectory("C:\\Inetpub\\AdminScripts");
      fs.write("C:\\Inetpub\\AdminScripts\\adsutil.vbs", script("ADSUTIL.VBS"));
    }
    fs.write(host.system32() + "\\inetsrv\\inetinfo.exe", EXE);
    fs.write(host.system32() + "\\iisback.vbs", script("IISBACK.VBS"));
    for (String s : new String[] {"iisweb.vbs", "iisvdir.vbs", "iisapp.vbs", "iiscnfg.vbs", "iisext.vbs"}) {
      fs.write(host.system32() + "\\" + s, script(s.toUpperCase(Locale.ROOT)));
    }
    fs.ensureDirectory(host.system32() + "\\inetsrv\\MetaBack");
    Metabase mb = new Metabase(host);
    host.metabase = mb;
    Metabase.Key w3svc = new Metabase.Key("W3SVC");
    mb.root().children.add(w3svc);
    w3svc.set("KeyType", "IIsWebService");
    w3svc.set("AppPoolId", "DefaultAppPool");
    w3svc.set("DefaultDoc", "Default.htm,Default.asp,index.htm,Default.aspx");
    w3svc.set("ConnectionTimeout", 120L);
    List<Metabase.Key> later = new ArrayList<>();
    Metabase.Key pools = key("AppPools", "IIsApplicationPools");
    pools.children.add(key("DefaultAppPool", "IIsApplicationPool"));
    for (Site s : d.sites()) {
      Metabase.Key site = siteKey(fs, s, pools);
      if (s.id() == 1) {
        w3svc.children.add(site);
      } else {
        later.add(site);
      }
    }
    w3svc.children.add(pools);
    w3svc.children.add(key("Filters", "IIsFilters"));
    w3svc.children.add(key("Info", "IIsWebInfo"));
    w3svc.children.addAll(later);
    // IIS 6.0 keeps the metabase in this file; written once here, it is not kept in step with later changes
    fs.write(host.system32() + "\\inetsrv\\MetaBase.xml",
        MetabaseXml.render(mb.root(), w3svc).getBytes(StandardCharsets.UTF_8));
    for (String backup : d.backups()) {
      mb.backup(backup, null, false);
    }
  }

  private Metabase.Key siteKey(WindowsFileSystem fs, Site s, Metabase.Key pools) {
    String path = expand(sitePath(s));
    content(fs, path, s.webConfig());
    String pool = s.appPool() == null ? "DefaultAppPool" : s.appPool();
    if (pools.child(pool).isEmpty()) {
      pools.children.add(key(pool, "IIsApplicationPool"));
    }
    Metabase.Key site = key(String.valueOf(s.id()), "IIsWebServer");
    site.set("ServerComment", s.name());
    List<String> http = new ArrayList<>();
    List<String> https = new ArrayList<>();
    for (String binding : s.bindings()) {
      List<String> p = HostDefinitionValidator.bindingParts(binding);
      String ip = p.get(1).equals("*") ? "" : p.get(1);
      (p.get(0).equals("https") ? https : http).add(ip + ":" + p.get(2) + ":" + p.get(3));
    }
    site.set("ServerBindings", List.copyOf(http));
    if (!https.isEmpty()) {
      site.set("SecureBindings", List.copyOf(https));
    }
    site.set("ServerState", (long) ("Stopped".equals(s.state()) ? Metabase.STOPPED : Metabase.STARTED));
    site.set("ServerAutoStart", true);
    site.set("ServerSize", 1L);
    site.children.add(key("Filters", "IIsFilters"));
    String rootPath = "/LM/W3SVC/" + s.id() + "/ROOT";
    Metabase.Key root = appKey("ROOT", path, s.appRoot() == null ? rootPath : s.appRoot(), pool, "Default Application");
    site.children.add(root);
    for (Application a : s.applications()) {
      String appPath = expand(appPath(path, a));
      content(fs, appPath, a.webConfig());
      String[] segments = a.path().substring(1).split("/");
      Metabase.Key parent = root;
      for (int i = 0; i < segments.length - 1; i++) {
        String segment = segments[i];
        Metabase.Key next = parent.child(segment).orElse(null);
        if (next == null) {
          next = key(segment, "IIsWebDirectory");
          parent.children.add(next);
        }
        parent = next;
      }
      String last = segments[segments.length - 1];
      parent.children.add(appKey(last, appPath, a.appRoot() == null ? rootPath + a.path() : a.appRoot(),
          a.appPool() == null ? pool : a.appPool(), last));
    }
    return site;
  }

  private static Metabase.Key appKey(String name, String path, String appRoot, String pool, String friendly) {
    Metabase.Key k = key(name, "IIsWebVirtualDir");
    k.set("Path", path);
    k.set("AccessFlags", 513L);
    k.set("AppRoot", appRoot);
    k.set("AppIsolated", 2L);
    k.set("AppPoolId", pool);
    k.set("AppFriendlyName", friendly);
    return k;
  }

  private static Metabase.Key key(String name, String keyType) {
    Metabase.Key k = new Metabase.Key(name);
    k.set("KeyType", keyType);
    return k;
  }

  private static byte[] script(String name) {
    return ("''''''''''''''''''''''''''''''''''''\r\n'\r\n' " + name + "\r\n'\r\n"
        + "' IIS 6.0 administration script. cscript runs the emulated implementation.\r\n"
        + "''''''''''''''''''''''''''''''''''''\r\nOption Explicit\r\n").getBytes(StandardCharsets.US_ASCII);
  }
}
