package io.iisfarm.operator.reconciler;

import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.simulator.windows.WindowsHost;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The machine.config and root web.config files of a simulated host, as bytes, and what is in them. */
final class FarmFiles {
  private static final Pattern MACHINE_KEY = Pattern.compile("\\s*<machineKey\\b[^>]*/>");
  private static final Pattern VALIDATION_KEY = Pattern.compile("<machineKey\\b[^>]*\\bvalidationKey=\"([^\"]*)\"");

  private static final Pattern HEX_KEY = Pattern.compile("(?:validationKey|decryptionKey)=\"([0-9A-Fa-f]{32,})\"");

  private FarmFiles() {}

  /** Every explicit hex key in the file. */
  static List<String> keys(byte[] file) {
    List<String> keys = new ArrayList<>();
    Matcher m = HEX_KEY.matcher(new String(file, StandardCharsets.ISO_8859_1));
    while (m.find()) {
      keys.add(m.group(1));
    }
    return keys;
  }

  /** Path → bytes of every config file the operator may touch on {@code host}. */
  static Map<String, byte[]> configs(SimulatedHost host) {
    return configs(host.windows());
  }

  /** Path → bytes of every config file the operator may touch on {@code windows}. */
  static Map<String, byte[]> configs(WindowsHost windows) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String runtime : new String[] {"v2.0", "v4.0"}) {
      for (int bitness : new int[] {32, 64}) {
        for (boolean root : new boolean[] {false, true}) {
          String path = windows.configPath(runtime, bitness, root);
          windows.readFile(path).ifPresent(bytes -> files.put(path, bytes));
        }
      }
    }
    return files;
  }

  /** The file with its {@code <machineKey/>} element (and the whitespace before it) removed. */
  static String withoutMachineKey(byte[] file) {
    return MACHINE_KEY.matcher(new String(file, StandardCharsets.ISO_8859_1)).replaceAll("");
  }

  /** The validationKey of the file's machineKey element, or null. */
  static String validationKey(byte[] file) {
    Matcher m = VALIDATION_KEY.matcher(new String(file, StandardCharsets.ISO_8859_1));
    return m.find() ? m.group(1) : null;
  }
}
