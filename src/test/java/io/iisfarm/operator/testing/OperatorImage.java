package io.iisfarm.operator.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The operator image, built from the repository's Dockerfile by {@code src/test/image/build} (podman and runc,
 * on base images made locally), once per test JVM. Podman's layer cache makes a build of unchanged sources
 * take seconds. Without podman, runc or debootstrap, a test that needs it is skipped with a message, except under
 * {@code CI=true}, where it fails.
 */
public final class OperatorImage {
  static final Path WORK = Path.of("target", "image");
  private static final Path BUILD = Path.of("src/test/image/build");
  private static final Path RUN = Path.of("src/test/image/run");

  private static OperatorImage instance;
  private static String unavailable;

  private final String id;
  private final long sizeMb;

  private OperatorImage(String id, long sizeMb) {
    this.id = id;
    this.sizeMb = sizeMb;
  }

  /** The image of this JVM, built on first call; skips (or, under CI=true, fails) without the tools. */
  public static synchronized OperatorImage get() {
    if (instance == null && unavailable == null) {
      instance = build();
    }
    if (instance == null) {
      skipOrFail(unavailable, System.getenv("CI"));
    }
    return instance;
  }

  /** Without the tools: the test is skipped with {@code why}, but fails under {@code CI=true}. */
  static void skipOrFail(String why, String ci) {
    if ("true".equals(ci)) {
      throw new AssertionError("no operator image under CI=true (.ci/run installs the tools): " + why);
    }
    assumeTrue(false, "no operator image for this test: " + why);
  }

  private static OperatorImage build() {
    try {
      Files.createDirectories(WORK);
      Path log = WORK.resolve("build.log");
      Process build = new ProcessBuilder("bash", BUILD.toString()).redirectError(log.toFile()).start();
      String out = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      // the first run on a machine makes the base images too: minutes
      if (!build.waitFor(30, TimeUnit.MINUTES)) {
        build.destroyForcibly();
        throw new IllegalStateException(BUILD + " did not finish within 30 minutes; see " + log);
      }
      if (build.exitValue() == 3) {
        unavailable = Files.readString(log).strip();
        return null;
      }
      Map<String, String> printed = new LinkedHashMap<>();
      out.lines().filter(l -> l.contains("=")).forEach(l -> printed.put(l.substring(0, l.indexOf('=')),
          l.substring(l.indexOf('=') + 1)));
      if (build.exitValue() != 0 || !printed.containsKey("IMAGE")) {
        throw new IllegalStateException(BUILD + " failed (exit " + build.exitValue() + "): " + Files.readString(log));
      }
      return new OperatorImage(printed.get("IMAGE"), Long.parseLong(printed.getOrDefault("SIZE_MB", "-1")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The image's id: tags are shared by every checkout on the machine, the id is this build's. */
  public String id() { return id; }

  public long sizeMb() { return sizeMb; }

  /** The script that runs podman with the runtime and limits that work here (src/test/image/run). */
  static Path runScript() { return RUN; }
}
