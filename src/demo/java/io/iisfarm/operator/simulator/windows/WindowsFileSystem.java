package io.iisfarm.operator.simulator.windows;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * An in-memory NTFS-like file system: drive letters, case-insensitive but case-preserving names,
 * optional 8.3 short names, exact bytes and last-write times. Not thread-safe by itself: the
 * owning {@link WindowsHost} serialises access.
 */
final class WindowsFileSystem {

  /** One directory entry as {@code dir} sees it. */
  record Entry(String name, boolean directory, long size, Instant lastWrite) {}

  private abstract static class Node {
    final String name;
    String shortName;
    Instant lastWrite;

    Node(String name, Instant lastWrite) {
      this.name = name;
      this.lastWrite = lastWrite;
    }
  }

  private static final class Dir extends Node {
    final Map<String, Node> children = new LinkedHashMap<>();

    Dir(String name, Instant lastWrite) {
      super(name, lastWrite);
    }

    Node child(String component) {
      String key = key(component);
      Node node = children.get(key);
      if (node != null) {
        return node;
      }
      for (Node candidate : children.values()) {
        if (candidate.shortName != null && key(candidate.shortName).equals(key)) {
          return candidate;
        }
      }
      return null;
    }
  }

  private static final class FileNode extends Node {
    byte[] content;

    FileNode(String name, byte[] content, Instant lastWrite) {
      super(name, lastWrite);
      this.content = content;
    }
  }

  private final Map<Character, Dir> drives = new TreeMap<>();
  private final Clock clock;
  private Instant lastStamp = Instant.EPOCH;
  private Consumer<String> changeListener = path -> { };

  WindowsFileSystem(Clock clock) {
    this.clock = clock;
  }

  void onChange(Consumer<String> listener) {
    this.changeListener = listener;
  }

  void createDrive(char letter) {
    drives.computeIfAbsent(Character.toUpperCase(letter), l -> new Dir(l + ":", stamp()));
  }

  boolean hasDrive(char letter) {
    return drives.containsKey(Character.toUpperCase(letter));
  }

  /**
   * Makes {@code path} absolute against {@code cwd} and resolves {@code .} and {@code ..}, as
   * GetFullPathName does. Forward slashes count as separators; trailing dots and spaces of the last
   * component are dropped. The result keeps the case it was given, e.g. {@code C:\Windows\Temp}.
   */
  static String fullPath(String path, String cwd) {
    String p = path.replace('/', '\\');
    if (p.startsWith("\\\\")) {
      return unc(p);
    }
    String base;
    String rest;
    if (p.length() >= 2 && Character.isLetter(p.charAt(0)) && p.charAt(1) == ':') {
      char drive = Character.toUpperCase(p.charAt(0));
      String after = p.substring(2);
      if (after.startsWith("\\")) {
        base = drive + ":";
        rest = after;
      } else if (Character.toUpperCase(cwd.charAt(0)) == drive) {
        base = cwd;
        rest = after;
      } else {
        base = drive + ":";
        rest = after;
      }
    } else if (p.startsWith("\\")) {
      base = cwd.substring(0, 2);
      rest = p;
    } else {
      base = cwd;
      rest = p;
    }
    List<String> parts = new ArrayList<>();
    for (String c : base.substring(2).split("\\\\")) {
      if (!c.isEmpty()) {
        parts.add(c);
      }
    }
    String[] segments = rest.split("\\\\", -1);
    for (int i = 0; i < segments.length; i++) {
      String c = segments[i];
      if (c.isEmpty() || c.equals(".")) {
        continue;
      }
      if (c.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
        continue;
      }
      if (i == segments.length - 1) {
        c = stripTrailingDotsAndSpaces(c);
        if (c.isEmpty()) {
          continue;
        }
      }
      parts.add(c);
    }
    String drive = Character.toUpperCase(base.charAt(0)) + ":";
    return parts.isEmpty() ? drive + "\\" : drive + "\\" + String.join("\\", parts);
  }

  /** {@code \\server\share\...}, its components normalized as for a drive path. */
  private static String unc(String p) {
    List<String> parts = new ArrayList<>();
    for (String c : p.substring(2).split("\\\\")) {
      if (c.isEmpty() || c.equals(".")) {
        continue;
      }
      if (c.equals("..")) {
        if (parts.size() > 2) {
          parts.remove(parts.size() - 1);
        }
        continue;
      }
      parts.add(c);
    }
    return "\\\\" + String.join("\\", parts);
  }

  /**
   * A network path. A WinRM session holds no credentials it could pass on to another server (the "second hop":
   * learn.microsoft.com/powershell/scripting/security/remoting/ps-remoting-second-hop), so a share that needs
   * authentication cannot be seen: it does not exist to {@code if exist}, and opening it is access denied.
   */
  static boolean isUnc(String fullPath) {
    return fullPath.startsWith("\\\\");
  }

  private static String stripTrailingDotsAndSpaces(String c) {
    int end = c.length();
    while (end > 0 && (c.charAt(end - 1) == '.' || c.charAt(end - 1) == ' ')) {
      end--;
    }
    return c.substring(0, end);
  }

  static String parentOf(String fullPath) {
    int slash = fullPath.lastIndexOf('\\');
    return slash <= 2 ? fullPath.substring(0, 3) : fullPath.substring(0, slash);
  }

  static String nameOf(String fullPath) {
    return fullPath.substring(fullPath.lastIndexOf('\\') + 1);
  }

  private static String key(String name) {
    return name.toUpperCase(Locale.ROOT);
  }

  private Node lookup(String fullPath) {
    Dir root = drives.get(Character.toUpperCase(fullPath.charAt(0)));
    if (root == null) {
      return null;
    }
    Node node = root;
    for (String c : fullPath.substring(3).split("\\\\")) {
      if (c.isEmpty()) {
        continue;
      }
      if (!(node instanceof Dir dir)) {
        return null;
      }
      node = dir.child(c);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  private Dir parentDir(String fullPath) {
    if (isUnc(fullPath)) {
      throw new Win32Exception(Win32Error.ACCESS_DENIED);
    }
    Node parent = lookup(parentOf(fullPath));
    if (!(parent instanceof Dir dir)) {
      throw new Win32Exception(Win32Error.PATH_NOT_FOUND);
    }
    return dir;
  }

  boolean exists(String fullPath) { return lookup(fullPath) != null; }

  boolean isDirectory(String fullPath) { return lookup(fullPath) instanceof Dir; }

  boolean isFile(String fullPath) { return lookup(fullPath) instanceof FileNode; }

  /** The path with every component in its stored case, long names, e.g. {@code C:\Windows\TEMP}. */
  String storedCase(String fullPath) {
    Dir root = drives.get(Character.toUpperCase(fullPath.charAt(0)));
    if (root == null) {
      return fullPath;
    }
    StringBuilder out = new StringBuilder().append(Character.toUpperCase(fullPath.charAt(0))).append(':');
    Node node = root;
    for (String c : fullPath.substring(3).split("\\\\")) {
      if (c.isEmpty()) {
        continue;
      }
      Node next = node instanceof Dir dir ? dir.child(c) : null;
      out.append('\\').append(next == null ? c : next.name);
      if (next == null) {
        return out.toString();
      }
      node = next;
    }
    return out.length() == 2 ? out + "\\" : out.toString();
  }

  byte[] read(String fullPath) {
    if (isUnc(fullPath)) {
      throw new Win32Exception(Win32Error.ACCESS_DENIED);
    }
    Node node = lookup(fullPath);
    if (node instanceof FileNode file) {
      return file.content.clone();
    }
    if (node instanceof Dir) {
      throw new Win32Exception(Win32Error.ACCESS_DENIED);
    }
    throw new Win32Exception(exists(parentOf(fullPath)) ? Win32Error.FILE_NOT_FOUND : Win32Error.PATH_NOT_FOUND);
  }

  long size(String fullPath) {
    return lookup(fullPath) instanceof FileNode file ? file.content.length : 0;
  }

  Instant lastWrite(String fullPath) {
    Node node = lookup(fullPath);
    if (node == null) {
      throw new Win32Exception(Win32Error.FILE_NOT_FOUND);
    }
    return node.lastWrite;
  }

  /** Creates or replaces a file; its parent directory must exist. */
  void write(String fullPath, byte[] content) {
    Dir dir = parentDir(fullPath);
    String name = nameOf(fullPath);
    Node existing = dir.child(name);
    if (existing instanceof Dir) {
      throw new Win32Exception(Win32Error.ACCESS_DENIED);
    }
    if (existing instanceof FileNode file) {
      file.content = content.clone();
      file.lastWrite = stamp();
    } else {
      dir.children.put(key(name), new FileNode(name, content.clone(), stamp()));
    }
    changeListener.accept(fullPath);
  }

  void append(String fullPath, byte[] content) {
    Node existing = lookup(fullPath);
    if (existing instanceof FileNode file) {
      byte[] joined = new byte[file.content.length + content.length];
      System.arraycopy(file.content, 0, joined, 0, file.content.length);
      System.arraycopy(content, 0, joined, file.content.length, content.length);
      file.content = joined;
      file.lastWrite = stamp();
      changeListener.accept(fullPath);
    } else {
      write(fullPath, content);
    }
  }

  /** Deletes a file (never a directory). */
  void delete(String fullPath) {
    Node node = lookup(fullPath);
    if (node == null) {
      throw new Win32Exception(exists(parentOf(fullPath)) ? Win32Error.FILE_NOT_FOUND : Win32Error.PATH_NOT_FOUND);
    }
    if (node instanceof Dir) {
      throw new Win32Exception(Win32Error.ACCESS_DENIED);
    }
    Dir dir = parentDir(fullPath);
    dir.children.values().remove(node);
    changeListener.accept(fullPath);
  }

  /** Creates a directory and any missing parents; fails if the path already exists. */
  void mkdirs(String fullPath) {
    if (!hasDrive(fullPath.charAt(0))) {
      throw new Win32Exception(Win32Error.PATH_NOT_FOUND);
    }
    if (exists(fullPath)) {
      throw new Win32Exception(Win32Error.ALREADY_EXISTS);
    }
    ensureDirectory(fullPath);
    changeListener.accept(fullPath);
  }

  /** Creates the directory chain if missing, without failing when it exists; used to build a host. */
  void ensureDirectory(String fullPath) {
    createDrive(fullPath.charAt(0));
    Dir node = drives.get(Character.toUpperCase(fullPath.charAt(0)));
    for (String c : fullPath.substring(3).split("\\\\")) {
      if (c.isEmpty()) {
        continue;
      }
      Node next = node.child(c);
      if (next instanceof FileNode) {
        throw new Win32Exception(Win32Error.ALREADY_EXISTS);
      }
      if (next == null) {
        next = new Dir(c, stamp());
        node.children.put(key(c), next);
      }
      node = (Dir) next;
    }
  }

  /** Removes a directory with everything in it (what tools such as appcmd do with their own folders). */
  void deleteTree(String fullPath) {
    Node node = lookup(fullPath);
    if (!(node instanceof Dir)) {
      throw new Win32Exception(node == null ? Win32Error.PATH_NOT_FOUND : Win32Error.INVALID_PARAMETER);
    }
    parentDir(fullPath).children.values().remove(node);
    changeListener.accept(fullPath);
  }

  /** Gives an existing file or directory an 8.3 alias, e.g. {@code DOCUME~1}. */
  void setShortName(String fullPath, String shortName) {
    Node node = lookup(fullPath);
    if (node == null) {
      throw new Win32Exception(Win32Error.FILE_NOT_FOUND);
    }
    node.shortName = shortName;
  }

  /** The entries of a directory in storage order. */
  List<Entry> list(String fullPath) {
    Node node = lookup(fullPath);
    if (!(node instanceof Dir dir)) {
      throw new Win32Exception(node == null ? Win32Error.PATH_NOT_FOUND : Win32Error.INVALID_PARAMETER);
    }
    List<Entry> out = new ArrayList<>();
    for (Node child : dir.children.values()) {
      boolean isDir = child instanceof Dir;
      out.add(new Entry(child.name, isDir, isDir ? 0 : ((FileNode) child).content.length, child.lastWrite));
    }
    return out;
  }

  /** Strictly increasing write times, so ordering by date is deterministic. */
  private Instant stamp() {
    Instant now = clock.instant();
    if (!now.isAfter(lastStamp)) {
      now = lastStamp.plusMillis(1);
    }
    lastStamp = now;
    return now;
  }
}
