package io.iisfarm.operator.simulator.windows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The IIS 6.0 metabase below {@code IIS://localhost}: keys with typed properties, the W3SVC service
 * with its sites ({@code IIsWebServer}), and the backups iisback.vbs keeps in
 * {@code %windir%\system32\inetsrv\MetaBack}.
 *
 * <p>Property names and types follow the IIS 6.0 metabase property reference (learn.microsoft.com,
 * "Metabase Property Reference (IIS 6.0)"). {@code ServerState} is 2 when started and 4 when stopped.
 * MOVE is a copy followed by a delete, as ADSI's MoveHere does it: a running site's copy fails to
 * start because the original still holds its bindings, so the moved site ends up stopped, and
 * AppRoot values are copied verbatim, still naming the old path.
 */
final class Metabase {
  enum Type { STRING, EXPANDSZ, INTEGER, BOOLEAN, LIST }

  record Property(String name, Type type, Object value) {}

  static final class Key {
    final String name;
    final Map<String, Property> props = new LinkedHashMap<>();
    final List<Key> children = new ArrayList<>();

    Key(String name) {
      this.name = name;
    }

    Key copy(String newName) {
      Key k = new Key(newName);
      k.props.putAll(props);
      children.forEach(c -> k.children.add(c.copy(c.name)));
      return k;
    }

    Optional<Key> child(String name) {
      return children.stream().filter(c -> c.name.equalsIgnoreCase(name)).findFirst();
    }

    Property get(String prop) {
      return props.get(prop.toUpperCase(Locale.ROOT));
    }

    Object value(String prop) {
      Property p = get(prop);
      return p == null ? null : p.value();
    }

    void set(String prop, Object value) {
      Type type = SCHEMA.get(prop.toUpperCase(Locale.ROOT));
      Property existing = get(prop);
      String name = existing != null ? existing.name() : canonicalName(prop);
      props.put(prop.toUpperCase(Locale.ROOT), new Property(name, type, value));
    }

    String keyType() {
      return (String) value("KeyType");
    }
  }

  record Backup(String name, int version, Key w3svc, Instant created) {}

  /** Property types (the Syntax of the schema object adsutil reads), in the order ENUM lists them. */
  static final Map<String, Type> SCHEMA = new LinkedHashMap<>();
  private static final Map<String, String> CANONICAL = new LinkedHashMap<>();

  static {
    Object[][] schema = {
        {"KeyType", Type.STRING}, {"ServerState", Type.INTEGER}, {"ServerComment", Type.STRING},
        {"ServerAutoStart", Type.BOOLEAN}, {"ServerSize", Type.INTEGER}, {"ServerBindings", Type.LIST},
        {"SecureBindings", Type.LIST}, {"Path", Type.STRING}, {"AccessFlags", Type.INTEGER},
        {"AppRoot", Type.STRING}, {"AppIsolated", Type.INTEGER}, {"AppPoolId", Type.STRING},
        {"AppFriendlyName", Type.STRING}, {"DefaultDoc", Type.STRING}, {"ConnectionTimeout", Type.INTEGER},
        {"LogType", Type.INTEGER}, {"AuthFlags", Type.INTEGER}, {"DirBrowseFlags", Type.INTEGER},
        {"AppPoolState", Type.INTEGER}, {"AppPoolIdentityType", Type.INTEGER}, {"MaxConnections", Type.INTEGER},
        {"AspEnableParentPaths", Type.BOOLEAN}, {"HttpCustomHeaders", Type.LIST}, {"ScriptMaps", Type.LIST},
        {"ServerCommand", Type.INTEGER}, {"DontLog", Type.BOOLEAN}, {"LogFileDirectory", Type.EXPANDSZ}};
    for (Object[] row : schema) {
      SCHEMA.put(((String) row[0]).toUpperCase(Locale.ROOT), (Type) row[1]);
      CANONICAL.put(((String) row[0]).toUpperCase(Locale.ROOT), (String) row[0]);
    }
  }

  /**
   * How many properties (mandatory and optional) the schema class of a key type has: adsutil's ENUM asks the IIS
   * Admin Service once per property of the class whether the key sets it ({@code GetDataPaths}). Estimates of the
   * order of the IIS 6.0 SDK's lists of each ADSI object's metabase properties (IIsWebInfo: its four plus
   * KeyType); not counted from MBSchema.xml.
   */
  static int schemaClassProperties(String keyType) {
    if (keyType == null) {
      return 20;
    }
    return switch (keyType) {
      case "IIsWebService", "IIsWebServer" -> 180;
      case "IIsWebVirtualDir", "IIsWebDirectory" -> 150;
      case "IIsApplicationPools", "IIsApplicationPool" -> 60;
      case "IIsFilter" -> 8;
      case "IIsWebInfo" -> 5;
      case "IIsFilters" -> 2;
      default -> 20;
    };
  }

  static String canonicalName(String prop) {
    return CANONICAL.getOrDefault(prop.toUpperCase(Locale.ROOT), prop);
  }

  static final int STARTED = 2;
  static final int STOPPED = 4;

  /** {@code IIS://localhost}, the parent of W3SVC. */
  private final Key root = new Key("localhost");
  private final List<Backup> backups = new ArrayList<>();
  private final HostRuntime host;

  Metabase(HostRuntime host) {
    this.host = host;
  }

  Key root() { return root; }

  Key w3svc() {
    return root.child("W3SVC").orElseThrow();
  }

  /** The key at an adsutil path such as {@code W3SVC/1/ROOT}, compared case-insensitively. */
  Optional<Key> find(String path) {
    Key node = root;
    for (String part : path.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      Optional<Key> next = node.child(part);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      node = next.get();
    }
    return Optional.of(node);
  }

  /** The site keys, in metabase order. */
  List<Key> sites() {
    return w3svc().children.stream().filter(k -> "IIsWebServer".equals(k.keyType())).toList();
  }

  static String siteName(Key site) {
    Object comment = site.value("ServerComment");
    return comment == null ? "" : comment.toString();
  }

  static boolean started(Key site) {
    return Long.valueOf(STARTED).equals(site.value("ServerState"));
  }

  @SuppressWarnings("unchecked")
  private static List<String> bindings(Key site) {
    Object b = site.value("ServerBindings");
    return b == null ? List.of() : (List<String>) b;
  }

  /** Sites moved to a new ID whose change W3SVC has not applied yet (options.siteStartLag), until when. */
  private final java.util.Map<Key, java.time.Instant> pending = new java.util.IdentityHashMap<>();

  /**
   * Starts a site; a binding held by another started site fails with ERROR_ALREADY_EXISTS; a site moved so
   * recently that W3SVC has not applied the move fails with ERROR_OBJECT_NOT_FOUND (the error IIS gives for a
   * site it has not loaded; that IIS6 gives the same one here is an assumption).
   */
  void start(Key site) {
    java.time.Instant until = pending.get(site);
    if (until != null && host.clock.instant().isBefore(until)) {
      throw new Win32Exception(Win32Error.OBJECT_NOT_FOUND);
    }
    pending.remove(site);
    if (started(site)) {
      return;
    }
    for (Key other : sites()) {
      if (other != site && started(other) && bindings(other).stream()
          .anyMatch(b -> bindings(site).stream().anyMatch(b::equalsIgnoreCase))) {
        throw new Win32Exception(Win32Error.ALREADY_EXISTS);
      }
    }
    site.set("ServerState", (long) STARTED);
    host.context().siteStarted(siteName(site));
  }

  void stop(Key site) {
    if (!started(site)) {
      return;
    }
    site.set("ServerState", (long) STOPPED);
    host.context().siteStopped(siteName(site));
  }

  /**
   * MOVE parent/source to parent/target: copy, then delete.
   *
   * @throws Win32Exception PATH_NOT_FOUND for a missing source, ALREADY_EXISTS for an existing target
   */
  void move(Key parent, Key source, String targetName) {
    if (parent.child(targetName).isPresent()) {
      throw new Win32Exception(Win32Error.ALREADY_EXISTS);
    }
    boolean wasRunning = "IIsWebServer".equals(source.keyType()) && started(source);
    Key copy = source.copy(targetName);
    if (wasRunning) {
      // the copy cannot register the bindings the original still holds (W3SVC event 1007)
      copy.set("ServerState", (long) STOPPED);
    }
    parent.children.add(copy);
    parent.children.remove(source);
    if ("IIsWebServer".equals(source.keyType())) {
      pending.put(copy, host.clock.instant().plus(host.options().effectiveSiteStartLag()));
    }
    host.context().markChanged();
    if (wasRunning) {
      host.context().siteStopped(siteName(source));
    }
  }

  // --- backups (iisback.vbs) -------------------------------------------------------------------

  String backupDir() {
    return host.system32() + "\\inetsrv\\MetaBack";
  }

  /** Backups in the order they were made. */
  List<Backup> backups() { return List.copyOf(backups); }

  /** The backup of that name with that version, or the highest version when {@code version} is null. */
  Optional<Backup> backup(String name, Integer version) {
    return backups.stream().filter(b -> b.name().equalsIgnoreCase(name))
        .filter(b -> version == null || b.version() == version)
        .max(java.util.Comparator.comparingInt(Backup::version));
  }

  /**
   * Saves the W3SVC tree as {@code name} with the given version, or the next free version when
   * {@code version} is null (iisback's default, NEXT_VERSION). An existing name and version is
   * replaced only with {@code overwrite}. Returns the version written.
   */
  int backup(String name, Integer version, boolean overwrite) {
    int v = version != null ? version
        : backup(name, null).map(b -> b.version() + 1).orElse(0);
    Optional<Backup> existing = backup(name, v);
    if (existing.isPresent()) {
      if (!overwrite) {
        throw new Win32Exception(Win32Error.ALREADY_EXISTS);
      }
      backups.remove(existing.get());
    }
    Backup b = new Backup(name, v, w3svc().copy("W3SVC"), host.clock.instant());
    backups.add(b);
    WindowsFileSystem fs = host.fs;
    fs.ensureDirectory(backupDir());
    fs.write(backupDir() + "\\" + name + ".MD" + v, MetabaseXml.render(root, b.w3svc()).getBytes(StandardCharsets.UTF_8));
    fs.write(backupDir() + "\\" + name + ".SC" + v,
        "<?xml version =\"1.0\"?>\r\n<MetaData xmlns=\"urn:microsoft-catalog:XML_Metabase_V64_0\">\r\n</MetaData>\r\n"
            .getBytes(StandardCharsets.UTF_8));
    host.context().markChanged();
    return v;
  }

  /** Restores the W3SVC tree: IIS restarts, so running sites stop and the restored running sites start. */
  void restore(Backup b) {
    for (Key site : sites()) {
      if (started(site)) {
        host.context().siteStopped(siteName(site));
      }
    }
    root.children.replaceAll(k -> k.name.equalsIgnoreCase("W3SVC") ? b.w3svc().copy("W3SVC") : k);
    host.context().markChanged();
    for (Key site : sites()) {
      if (started(site)) {
        host.context().siteStarted(siteName(site));
      }
    }
  }

  void delete(Backup b) {
    backups.remove(b);
    for (String ext : new String[] {".MD", ".SC"}) {
      String file = backupDir() + "\\" + b.name() + ext + b.version();
      if (host.fs.exists(file)) {
        host.fs.delete(file);
      }
    }
    host.context().markChanged();
  }
}
