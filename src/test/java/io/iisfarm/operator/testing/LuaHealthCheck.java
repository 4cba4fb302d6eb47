package io.iisfarm.operator.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Argo CD health check (docs/argocd/iisfarm-health.lua) with Debian's Lua interpreter on an object,
 * as Argo CD does: the object as the global table {@code obj}, the script as a function body returning
 * {@code {status, message}}. Without Lua the test is skipped with a message, except under {@code CI=true}.
 */
public final class LuaHealthCheck {
  public static final Path SCRIPT = Path.of("docs/argocd/iisfarm-health.lua");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String lua;

  private LuaHealthCheck(String lua) {
    this.lua = lua;
  }

  public static LuaHealthCheck requireOrSkip() {
    for (String name : List.of("lua5.4", "lua5.3")) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
        if (Files.isExecutable(Path.of(dir, name))) {
          return new LuaHealthCheck(Path.of(dir, name).toString());
        }
      }
    }
    if ("true".equals(System.getenv("CI"))) {
      throw new AssertionError("no Lua interpreter; .ci/run installs Debian's lua5.4");
    }
    assumeTrue(false, "no Lua interpreter (lua5.4 or lua5.3) on PATH: apt-get install lua5.4 to run this test");
    return null;
  }

  /** The health of {@code objectJson} as {@code status<TAB>message}. */
  public String of(String objectJson) throws IOException, InterruptedException {
    String program = "local obj = " + table(JSON.readTree(objectJson)) + "\n"
        + "local function health(obj)\n" + Files.readString(SCRIPT) + "\nend\n"
        + "local hs = health(obj)\n"
        + "io.write(hs.status, '\\t', hs.message or '')\n";
    Path file = Files.createTempFile("health", ".lua");
    try {
      Files.writeString(file, program);
      Process process = new ProcessBuilder(lua, file.toString()).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new AssertionError("lua failed: " + out);
      }
      return out;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** JSON as a Lua table constructor: objects as records, arrays as sequences, null as nil. */
  static String table(JsonNode node) {
    if (node.isObject()) {
      StringBuilder out = new StringBuilder("{");
      node.properties().forEach(e -> {
        if (!e.getValue().isNull()) {
          out.append('[').append(string(e.getKey())).append("]=").append(table(e.getValue())).append(',');
        }
      });
      return out.append('}').toString();
    }
    if (node.isArray()) {
      StringBuilder out = new StringBuilder("{");
      node.forEach(v -> out.append(table(v)).append(','));
      return out.append('}').toString();
    }
    if (node.isTextual()) {
      return string(node.asText());
    }
    if (node.isNull()) {
      return "nil";
    }
    return node.asText();
  }

  private static String string(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\%03d", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
