package io.iisfarm.operator.simulator.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code adsutil.vbs} (IIS 6.0 AdminScripts) run by cscript: GET, SET, ENUM, ENUM_ALL, MOVE,
 * START_SERVER, STOP_SERVER and APPCREATEPOOLPROC. Output follows the script's own code (its
 * ENUM/GET/SET formatting, ReportError and messages): a property name padded to 32 columns, then
 * {@code : (STRING) "value"}, {@code : (INTEGER) n}, {@code : (BOOLEAN) True} or
 * {@code : (LIST) (n Items)} followed by one {@code   "item"} line per item. Errors print the
 * description, {@code ErrNumber: n (0xHEX)} and a context line, and the script quits with the error
 * number; argument errors quit with 2 (GENERAL_FAILURE).
 */
final class AdsUtilTool {
  private static final String SPACER = " ".repeat(32);
  private static final int GENERAL_FAILURE = 2;
  private static final int E_ADS_BAD_PATHNAME = 0x80005000;
  private static final int E_ADS_PROPERTY_NOT_SET = 0x80005006;
  private static final int OBJECT_DOESNT_SUPPORT = 438;
  private static final String PATH_NOT_FOUND_TEXT = "The path requested could not be found.";

  private final CscriptHost.Script script;
  private final Metabase mb;
  private final Sink out;
  private final List<String> args;

  private AdsUtilTool(CscriptHost.Script script) {
    this.script = script;
    this.mb = script.call().host().metabase;
    this.out = script.call().io().out();
    this.args = script.args();
  }

  static int run(CscriptHost.Script script) {
    if (script.call().host().metabase == null) {
      throw new NotEmulatedException(script.call().commandText());
    }
    return new AdsUtilTool(script).run();
  }

  private int run() {
    if (args.isEmpty() || args.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).startsWith("-s:"))) {
      throw new NotEmulatedException(script.call().commandText());
    }
    String command = args.get(0).toUpperCase(Locale.ROOT);
    return switch (command) {
      case "GET" -> get();
      case "SET" -> set();
      case "ENUM" -> enumCommand(false);
      case "ENUM_ALL", "ENUMALL" -> enumCommand(true);
      case "MOVE" -> move();
      case "START_SERVER" -> startStop(true);
      case "STOP_SERVER" -> startStop(false);
      case "APPCREATEPOOLPROC" -> appCreatePoolProc();
      case "CREATE", "DELETE", "COPY", "CREATE_VDIR", "CREATE_VSERV", "PAUSE_SERVER", "CONTINUE_SERVER", "FIND",
          "APPCREATEINPROC", "APPCREATEOUTPROC", "APPDELETE", "APPUNLOAD", "APPDISABLE", "APPENABLE", "APPGETSTATUS",
          "HELP" -> throw new NotEmulatedException(script.call().commandText());
      default -> {
        out.println("Command not recognized: " + args.get(0));
        out.println("For help, just type \"Cscript.exe adsutil.vbs\".");
        yield GENERAL_FAILURE;
      }
    };
  }

  /** The script's SanitizePath: trim spaces, drop one leading and one trailing slash. */
  static String sanitize(String path) {
    String p = path.strip();
    if (p.startsWith("/")) {
      p = p.substring(1);
    }
    if (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  private int wrongArgs(String command) {
    out.println("Error: Wrong number of Args for the " + command + " command");
    return GENERAL_FAILURE;
  }

  private int report(int number, String description, String context) {
    out.println(description);
    out.println("ErrNumber: " + number + " (0x" + Integer.toHexString(number).toUpperCase(Locale.ROOT) + ")");
    out.println(context);
    return number;
  }

  private static String pad(String name) {
    return name.length() < SPACER.length() ? name + SPACER.substring(name.length()) : name;
  }

  // --- GET / SET -------------------------------------------------------------------------------

  private int get() {
    if (args.size() != 2) {
      return wrongArgs("GET");
    }
    String[] split = splitParam(sanitize(args.get(1)));
    String path = split[0];
    String param = split[1].equalsIgnoreCase("VRPATH") ? "Path" : split[1];
    if (param.equalsIgnoreCase("MIMEMAP") || param.equalsIgnoreCase("ACCESSPERM")
        || param.equalsIgnoreCase("AUTHORIZATION")) {
      throw new NotEmulatedException(script.call().commandText());
    }
    // GetObject of the key, GetObject of the property's schema object, Get
    script.call().host().adsiCalls(3);
    Metabase.Key key = mb.find(path).orElse(null);
    if (key == null) {
      return report(Win32Error.PATH_NOT_FOUND.hresult(), PATH_NOT_FOUND_TEXT,
          "Error Trying To GET the Object (GetObject Failed): " + path);
    }
    Metabase.Type type = Metabase.SCHEMA.get(param.toUpperCase(Locale.ROOT));
    if (type == null) {
      return report(E_ADS_BAD_PATHNAME, "", "Error Trying To GET the Schema of the property: IIS://localhost/Schema/" + param);
    }
    Metabase.Property p = key.get(param);
    if (p == null) {
      out.println("The parameter \"" + param + "\" is not set at this node.");
      return E_ADS_PROPERTY_NOT_SET;
    }
    String display = pad(param) + ": (" + type + ") ";
    if (type == Metabase.Type.LIST) {
      List<?> items = (List<?>) p.value();
      out.println(display + " (" + items.size() + " Items)");
      items.forEach(v -> out.println("  \"" + v + "\""));
    } else {
      out.println(display + (type == Metabase.Type.STRING ? "\"" + p.value() + "\"" : VbValues.show(p.value())));
    }
    return 0;
  }

  private int set() {
    if (args.size() < 3) {
      return wrongArgs("SET");
    }
    String[] split = splitParam(sanitize(args.get(1)));
    String path = split[0];
    String param = split[1];
    String upper = param.toUpperCase(Locale.ROOT);
    if (upper.equals("SERVERCOMMAND")) {
      return serverCommand(path);
    }
    if (upper.equals("ACCESSPERM") || upper.equals("VRPATH") || upper.equals("AUTHORIZATION")
        || upper.equals("MIMEMAP") || upper.equals("SERVERSTATE")) {
      throw new NotEmulatedException(script.call().commandText());
    }
    Metabase.Key key = mb.find(path).orElse(null);
    if (key == null) {
      return report(Win32Error.PATH_NOT_FOUND.hresult(), PATH_NOT_FOUND_TEXT, "Error Trying To Get the Object: " + path);
    }
    Metabase.Type type = Metabase.SCHEMA.get(upper);
    if (type == null) {
      return report(E_ADS_BAD_PATHNAME, "", "Error Trying To GET the Schema of the property: IIS://localhost/Schema/" + param);
    }
    List<String> values = args.subList(2, args.size());
    Object value = switch (type) {
      case STRING, EXPANDSZ -> values.get(0);
      case INTEGER -> {
        Long n = values.get(0).regionMatches(true, 0, "0x", 0, 2) ? VbValues.parseHex(values.get(0).substring(2))
            : VbValues.parseDecimal(values.get(0));
        if (n == null) {
          throw new NotEmulatedException(script.call().commandText() + " (value is not a VBScript Long)");
        }
        yield n;
      }
      case BOOLEAN -> {
        Boolean b = VbValues.cbool(values.get(0));
        if (b == null) {
          throw new NotEmulatedException(script.call().commandText() + " (value is not a VBScript Boolean)");
        }
        yield b;
      }
      case LIST -> List.copyOf(values);
    };
    key.set(param, value);
    script.call().host().context().markChanged();
    StringBuilder display = new StringBuilder(pad(param) + ": (" + type + ") ");
    if (type == Metabase.Type.LIST) {
      values.forEach(v -> display.append('"').append(v).append("\" "));
    } else {
      display.append(type == Metabase.Type.STRING ? "\"" + value + "\"" : VbValues.show(value));
    }
    out.println(display.toString());
    return 0;
  }

  /** SET path/ServerCommand 1 starts, 2 stops, as the script's special property does. */
  private int serverCommand(String path) {
    Metabase.Key key = mb.find(path).orElse(null);
    if (key == null) {
      return report(Win32Error.PATH_NOT_FOUND.hresult(), PATH_NOT_FOUND_TEXT, "Error Trying To Get the Object: " + path);
    }
    String value = args.get(2).strip();
    if (value.equals("1") || value.equals("2")) {
      return startStopKey(key, path, value.equals("1"), "Error Trying To " + (value.equals("1") ? "Start" : "Stop")
          + " the server: ");
    }
    throw new NotEmulatedException(script.call().commandText());
  }

  /** The script's SplitParam: the last path segment is the property. */
  private static String[] splitParam(String path) {
    int slash = path.lastIndexOf('/');
    if (slash < 0 || slash == path.length() - 1) {
      return new String[] {"", path};
    }
    return new String[] {path.substring(0, slash), path.substring(slash + 1)};
  }

  // --- ENUM / ENUM_ALL ---------------------------------------------------------------------------

  private int enumCommand(boolean recurse) {
    String path;
    boolean pathsOnly = false;
    if (args.size() == 1) {
      path = "";
    } else if (args.size() == 2) {
      String a = args.get(1).toUpperCase(Locale.ROOT);
      if (a.equals("/A")) {
        throw new NotEmulatedException(script.call().commandText());
      }
      pathsOnly = a.equals("/P");
      path = pathsOnly ? "" : args.get(1);
    } else if (args.size() == 3) {
      String a = args.get(1).toUpperCase(Locale.ROOT);
      String b = args.get(2).toUpperCase(Locale.ROOT);
      if (a.equals("/A") || b.equals("/A")) {
        throw new NotEmulatedException(script.call().commandText());
      }
      if (a.equals("/P")) {
        path = args.get(2);
      } else if (b.equals("/P")) {
        path = args.get(1);
      } else {
        out.println("Error: Invalid arguments for the ENUM command");
        return GENERAL_FAILURE;
      }
      pathsOnly = true;
    } else {
      return wrongArgs("ENUM");
    }
    return enumerate(sanitize(path), pathsOnly, recurse);
  }

  private int enumerate(String path, boolean pathsOnly, boolean recurse) {
    Metabase.Key key = mb.find(path).orElse(null);
    script.call().host().adsiCalls(enumCalls(key, pathsOnly));
    if (key == null) {
      out.println("");
      return report(Win32Error.PATH_NOT_FOUND.hresult(), PATH_NOT_FOUND_TEXT,
          "Error Trying To ENUM the Object (GetObject Failed): " + path);
    }
    if (!pathsOnly) {
      for (Metabase.Property p : ordered(key)) {
        String name = pad(p.name());
        switch (p.type()) {
          case STRING, EXPANDSZ -> out.println(name + ": (" + p.type() + ") \"" + p.value() + "\"");
          case INTEGER, BOOLEAN -> out.println(name + ": (" + p.type() + ") " + VbValues.show(p.value()));
          case LIST -> {
            List<?> items = (List<?>) p.value();
            out.println(name + ": (LIST) (" + items.size() + " Items)");
            items.forEach(v -> out.println("  \"" + v + "\""));
            out.println("");
          }
          default -> throw new IllegalStateException();
        }
      }
    }
    for (Metabase.Key child : key.children) {
      String childPath = (path.isEmpty() ? "" : "/" + path) + "/" + child.name;
      out.println("[" + childPath + "]");
      if (recurse) {
        int code = enumerate(sanitize(childPath), pathsOnly, true);
        if (code != 0) {
          return code;
        }
      }
    }
    out.println("");
    return 0;
  }

  /**
   * The calls into the IIS Admin Service the script's EnumCommand makes for one key: GetObject of the key and of
   * its schema class, then (unless /P) one GetDataPaths per property of the class, and for each property set at
   * the key a GetObject of its schema object and a Get; then one enumeration of the children. A lower bound: a
   * property GetDataPaths refuses with IIS_DATA_INHERIT is asked again without it.
   */
  static long enumCalls(Metabase.Key key, boolean pathsOnly) {
    if (key == null) {
      return 1;
    }
    long calls = 3;
    if (!pathsOnly) {
      calls += Metabase.schemaClassProperties(key.keyType()) + 2L * key.props.size();
    }
    return calls;
  }

  /** Properties in schema order (mandatory KeyType first, then the optional properties). */
  private static List<Metabase.Property> ordered(Metabase.Key key) {
    List<Metabase.Property> out = new ArrayList<>();
    for (String name : Metabase.SCHEMA.keySet()) {
      Metabase.Property p = key.props.get(name);
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  // --- MOVE, START/STOP, APPCREATEPOOLPROC -------------------------------------------------------

  private int move() {
    if (args.size() != 3) {
      out.println("Error: Wrong number of Args for the Copy/Move command");
      return GENERAL_FAILURE;
    }
    String[] src = sanitize(args.get(1)).split("/");
    String[] dst = sanitize(args.get(2)).split("/");
    int common = 0;
    while (common < src.length - 1 && common < dst.length - 1 && src[common].equals(dst[common])) {
      common++;
    }
    if (src.length - common != 1 || dst.length - common != 1) {
      throw new NotEmulatedException(script.call().commandText() + " (only moves between siblings are emulated)");
    }
    StringBuilder parentRelative = new StringBuilder();
    for (int i = 0; i < common; i++) {
      parentRelative.append('/').append(src[i]);
    }
    Metabase.Key parent = mb.find(parentRelative.toString()).orElse(null);
    if (parent == null) {
      return report(Win32Error.PATH_NOT_FOUND.hresult(), PATH_NOT_FOUND_TEXT,
          "Error trying to open the object: IIS://localhost" + parentRelative);
    }
    Metabase.Key source = parent.child(src[common]).orElse(null);
    if (source == null) {
      return report(Win32Error.PATH_NOT_FOUND.hresult(), PATH_NOT_FOUND_TEXT, "Error trying to Copy/Move Source to Dest.");
    }
    try {
      mb.move(parent, source, dst[common]);
    } catch (Win32Exception e) {
      return report(e.error().hresult(), e.error().message(), "Error trying to Copy/Move Source to Dest.");
    }
    out.println("moved from " + parentRelative + "/" + src[common] + " to " + parentRelative + "/" + dst[common]);
    return 0;
  }

  private int startStop(boolean start) {
    String command = start ? "START_SERVER" : "STOP_SERVER";
    if (args.size() != 2) {
      return wrongArgs(command);
    }
    String path = sanitize(args.get(1));
    Metabase.Key key = mb.find(path).orElse(null);
    if (key == null) {
      return report(Win32Error.PATH_NOT_FOUND.hresult(), PATH_NOT_FOUND_TEXT, "Error trying to open the object: " + path);
    }
    return startStopKey(key, path, start, "Error trying to " + (start ? "START" : "STOP") + " the server: ");
  }

  private int startStopKey(Metabase.Key key, String path, boolean start, String errorContext) {
    if (!"IIsWebServer".equals(key.keyType())) {
      return report(OBJECT_DOESNT_SUPPORT, "Object doesn't support this property or method", errorContext + path);
    }
    try {
      if (start) {
        mb.start(key);
      } else {
        mb.stop(key);
      }
    } catch (Win32Exception e) {
      return report(e.error().hresult(), e.error().message(), errorContext + path);
    }
    out.println("Server " + path + " Successfully " + (start ? "STARTED" : "STOPPED"));
    return 0;
  }

  /** AppCreate2(2): makes the node a pooled application; AppRoot becomes {@code /LM/} plus the path as typed. */
  private int appCreatePoolProc() {
    if (args.size() != 2) {
      return wrongArgs("APPCREATE");
    }
    String path = sanitize(args.get(1));
    Metabase.Key key = mb.find(path).orElse(null);
    if (key == null) {
      return report(Win32Error.PATH_NOT_FOUND.hresult(), PATH_NOT_FOUND_TEXT,
          "Error trying to get the path of the application: " + path);
    }
    String type = key.keyType();
    if (!"IIsWebVirtualDir".equals(type) && !"IIsWebDirectory".equals(type)) {
      return report(OBJECT_DOESNT_SUPPORT, "Object doesn't support this property or method",
          "Error trying to create the application: " + path);
    }
    key.set("AppRoot", "/LM/" + path);
    key.set("AppIsolated", 2L);
    script.call().host().context().markChanged();
    out.println("Application Created.");
    return 0;
  }
}
