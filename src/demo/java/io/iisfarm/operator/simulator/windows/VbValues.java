package io.iisfarm.operator.simulator.windows;

/**
 * VBScript's view of values, as adsutil.vbs shows and converts them: Booleans print as True/False,
 * INTEGER properties are VBScript Longs (CLng, with {@code 0x} hex accepted by the script), and CBool
 * accepts True/False or a number.
 */
final class VbValues {
  private VbValues() {}

  static String show(Object value) {
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    return String.valueOf(value);
  }

  static Long parseHex(String s) {
    try {
      long v = Long.parseLong(s, 16);
      return v <= 0xFFFFFFFFL ? (long) (int) v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Long parseDecimal(String s) {
    try {
      long v = Long.parseLong(s.strip());
      return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Boolean cbool(String s) {
    String t = s.strip();
    if (t.equalsIgnoreCase("true")) {
      return true;
    }
    if (t.equalsIgnoreCase("false")) {
      return false;
    }
    Long n = parseDecimal(t);
    return n == null ? null : n != 0;
  }

}
