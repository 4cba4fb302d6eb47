package io.iisfarm.operator.transcript;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The operator's version, as the build wrote it into {@code iisfarm/version.properties}. */
public final class ToolVersion {
  public static final String NAME = "iis-farm-operator";

  private ToolVersion() {}

  public static String current() {
    try (InputStream in = ToolVersion.class.getResourceAsStream("/iisfarm/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "unknown");
      return version.contains("${") ? "unknown" : version;
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** {@code iis-farm-operator 0.1.0}. */
  public static String label() {
    return NAME + " " + current();
  }
}
