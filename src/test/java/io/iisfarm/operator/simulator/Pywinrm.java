package io.iisfarm.operator.simulator;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Drives a WinRM endpoint with pywinrm (Debian's python3-winrm, under Debian's own python3): a
 * client nobody here wrote, so passing means the simulator speaks WinRM, not just our client's
 * dialect.
 */
public final class Pywinrm {
  public static final String PYTHON = "/usr/bin/python3";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One command's outcome as pywinrm saw it. */
  public record Result(String command, int exitCode, byte[] stdoutBytes, byte[] stderrBytes) {
    public String stdout(Charset charset) {
      return new String(stdoutBytes, charset);
    }

    public String stderr(Charset charset) {
      return new String(stderrBytes, charset);
    }

    public String stdout() {
      return stdout(Charset.forName("IBM437"));
    }

    public String stderr() {
      return stderr(Charset.forName("IBM437"));
    }
  }

  /** The run: the shell pywinrm opened and each command's result. */
  public record Run(String shellId, List<Result> results) {}

  private Pywinrm() {}

  /**
   * Skips the calling test with a clear message when pywinrm is not installed, except under CI
   * ({@code CI=true}), where its absence is a failure.
   */
  public static void requireInstalled() {
    boolean installed;
    try {
      Process check = new ProcessBuilder(PYTHON, "-c", "import winrm").redirectErrorStream(true)
          .start();
      installed = check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0;
    } catch (IOException e) {
      installed = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      installed = false;
    }
    String message = "pywinrm is not installed: run `apt-get install -y python3-winrm` ("
        + PYTHON + " -c 'import winrm' failed)";
    if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message);
    }
    assumeTrue(installed, message);
  }

  /**
   * Runs {@code commands} in one shell.
   *
   * @param caPemFile the CA to trust over HTTPS, or null over HTTP
   */
  public static Run run(String endpoint, String username, String password, Path caPemFile,
      int codepage, String transport, List<String> commands) throws IOException {
    return run(endpoint, username, password, caPemFile, codepage, transport, 20, commands);
  }

  /** As {@link #run(String, String, String, Path, int, String, List)}, with pywinrm's operation timeout. */
  public static Run run(String endpoint, String username, String password, Path caPemFile,
      int codepage, String transport, int operationTimeoutSeconds, List<String> commands) throws IOException {
    ObjectNode spec = JSON.createObjectNode()
        .put("endpoint", endpoint)
        .put("username", username)
        .put("password", password)
        .put("transport", transport)
        .put("codepage", codepage)
        .put("operationTimeout", operationTimeoutSeconds);
    if (caPemFile != null) {
      spec.put("ca", caPemFile.toAbsolutePath().toString());
    }
    commands.forEach(spec.putArray("commands")::add);
    ProcessBuilder builder = new ProcessBuilder(PYTHON, script().toString())
        .redirectError(ProcessBuilder.Redirect.PIPE);
    // NTLM hashes passwords with MD4, which OpenSSL 3 keeps in its legacy provider; Debian's python3 uses it
    builder.environment().put("OPENSSL_CONF", legacyProviderConfig().toString());
    Process process = builder.start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(JSON.writeValueAsBytes(spec));
    }
    byte[] stdout = process.getInputStream().readAllBytes();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("pywinrm did not finish");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted waiting for pywinrm", e);
    }
    if (process.exitValue() != 0) {
      throw new PywinrmFailed(process.exitValue(), stderr);
    }
    JsonNode out = JSON.readTree(stdout);
    List<Result> results = new ArrayList<>();
    for (JsonNode r : out.get("results")) {
      results.add(new Result(r.get("command").asText(), r.get("exitCode").asInt(),
          Base64.getDecoder().decode(r.get("stdout").asText()),
          Base64.getDecoder().decode(r.get("stderr").asText())));
    }
    return new Run(out.get("shellId").asText(), results);
  }

  private static Path legacyConfig;

  /** An OpenSSL configuration that activates the default and legacy providers, written once per JVM. */
  private static synchronized Path legacyProviderConfig() throws IOException {
    if (legacyConfig == null) {
      Path file = Files.createTempFile("pywinrm-openssl-", ".cnf");
      file.toFile().deleteOnExit();
      Files.writeString(file, "openssl_conf = openssl_init\n[openssl_init]\nproviders = provider_sect\n"
          + "[provider_sect]\ndefault = default_sect\nlegacy = legacy_sect\n[default_sect]\nactivate = 1\n"
          + "[legacy_sect]\nactivate = 1\n");
      legacyConfig = file;
    }
    return legacyConfig;
  }

  private static Path script() throws IOException {
    try {
      Path path = Path.of(Pywinrm.class.getResource("/simulator/pywinrm_run.py").toURI());
      if (!Files.isRegularFile(path)) {
        throw new IOException("pywinrm script missing: " + path);
      }
      return path;
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }

  /** pywinrm exited with an error; its traceback is in {@link #getMessage()}. */
  public static final class PywinrmFailed extends IOException {
    private final int exitCode;

    PywinrmFailed(int exitCode, String stderr) {
      super("pywinrm exited " + exitCode + ": " + stderr);
      this.exitCode = exitCode;
    }

    public int exitCode() {
      return exitCode;
    }
  }
}
