package io.iisfarm.operator.replay;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.transcript.Transcript;
import io.iisfarm.operator.transcript.TranscriptException;
import io.iisfarm.operator.transcript.TranscriptFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recorded hosts served over WinRM: one simulated listener per transcript, on 127.0.0.1, speaking the transport the
 * host was recorded over (https with Basic, or http with NTLM's sealed messages) so that the operator sends the
 * same commands it sent then.
 */
public final class ReplayFarm {
  private ReplayFarm() {}

  /** The transcripts of {@code dir} ({@code *.transcript.yaml}). */
  public static List<Path> files(Path dir) throws IOException {
    List<Path> files = TranscriptFile.list(dir);
    if (files.isEmpty()) {
      throw new TranscriptException(dir + " holds no transcript (*" + TranscriptFile.SUFFIX + ")");
    }
    return files;
  }

  /**
   * Starts one listener per transcript.
   *
   * @throws TranscriptException when a transcript cannot be read, or two name the same host
   */
  public static SimulatedFarm start(List<Path> files) {
    List<Transcript> transcripts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ArrayNode hosts = root.putArray("hosts");
    for (Path file : files) {
      Transcript t = TranscriptFile.read(file);
      String name = t.header().host().name();
      if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        throw new TranscriptException(file + ": a second transcript of host " + name + "; replay one per host");
      }
      ObjectNode host = hosts.addObject();
      host.put("name", name);
      host.put("transcript", transcripts.size());
      ObjectNode winrm = host.putObject("winrm");
      boolean https = t.header().host().https();
      winrm.put("transport", https ? "https" : "http");
      winrm.putArray("auth").add(https ? "basic" : "ntlm");
      winrm.putArray("tlsProtocols").add("TLSv1.2");
      transcripts.add(t);
      names.add(file.getFileName().toString());
    }
    String yaml;
    try {
      yaml = new YAMLMapper().writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException("a farm tree always serializes", e);
    }
    return SimulatedFarm.fromYaml(yaml, keys -> {
      int i = keys.path("transcript").asInt();
      return new ReplayBackend(transcripts.get(i), names.get(i));
    });
  }
}
