package io.iisfarm.operator.transcript;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The file form of a {@link Transcript}: YAML, one file per host (docs/transcripts.md). Each output is kept as its
 * text in the shell's code page, one list item per line (the items joined by CR LF give the text back, so a
 * line ending in a bare LF or CR shows as {@code \n} or {@code \r}), with its byte count and SHA-256: reading
 * checks that the text gives back exactly those bytes. Output that the code page cannot carry through text
 * (never for 437) is kept as base64 instead.
 */
public final class TranscriptFile {
  /** Transcripts in a folder: {@code <host>.transcript.yaml}. */
  public static final String SUFFIX = ".transcript.yaml";
  static final String CRLF = "\r\n";
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .build());
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TranscriptFile() {}

  public static Transcript read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    } catch (IOException e) {
      throw new TranscriptException(file + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }

  public static void write(Transcript transcript, Path file) throws IOException {
    Files.writeString(file, format(transcript), StandardCharsets.UTF_8);
  }

  /** The transcripts of a folder, by file name. */
  public static List<Path> list(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
    }
  }

  /** The file text: a comment saying what the file is and what was redacted, then the YAML. */
  public static String format(Transcript transcript) {
    Transcript.Header header = transcript.header();
    ObjectNode root = NODES.objectNode();
    root.put("format", Transcript.FORMAT);
    root.put("tool", header.tool());
    root.put("recordedAt", header.recordedAt());
    ObjectNode source = root.putObject("source");
    source.put("kind", header.source().kind());
    source.put("description", header.source().description());
    ArrayNode references = source.putArray("references");
    header.source().references().forEach(references::add);
    ObjectNode host = root.putObject("host");
    host.put("name", header.host().name());
    host.put("transport", header.host().transport());
    host.put("auth", header.host().auth());
    host.put("codePage", header.host().codePage());
    root.set("facts", header.facts());
    root.set("farm", header.farm());
    ObjectNode redactions = root.putObject("redactions");
    redactions.put("anonymized", header.redactions().anonymized());
    ArrayNode rules = redactions.putArray("rules");
    header.redactions().rules().forEach(rules::add);
    ArrayNode items = redactions.putArray("items");
    for (Transcript.Redaction r : header.redactions().items()) {
      ObjectNode item = items.addObject();
      item.put("command", r.command());
      item.put("stream", r.stream());
      item.put("where", r.where());
      item.put("what", r.what());
      item.put("count", r.count());
    }
    ArrayNode commands = root.putArray("commands");
    Charset charset = CodePages.charset(header.host().codePage());
    for (Transcript.Command c : transcript.commands()) {
      ObjectNode command = commands.addObject();
      command.put("line", c.line());
      if (c.changes()) {
        command.put("changes", true);
      }
      command.put("exitCode", c.exitCode());
      command.set("stdout", output(c.stdout(), charset));
      command.set("stderr", output(c.stderr(), charset));
    }
    try {
      return comment(transcript) + YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a transcript tree always serializes", e);
    }
  }

  private static ObjectNode output(byte[] bytes, Charset charset) {
    ObjectNode node = NODES.objectNode();
    node.put("bytes", bytes.length);
    node.put("sha256", CommandKey.sha256(bytes));
    if (bytes.length == 0) {
      return node;
    }
    String text = CodePages.roundTrip(bytes, charset);
    if (text != null) {
      ArrayNode lines = node.putArray("lines");
      for (String line : text.split(CRLF, -1)) {
        lines.add(line);
      }
    } else {
      ArrayNode lines = node.putArray("base64");
      String all = Base64.getEncoder().encodeToString(bytes);
      for (int i = 0; i < all.length(); i += 76) {
        lines.add(all.substring(i, Math.min(all.length(), i + 76)));
      }
    }
    return node;
  }

  private static String comment(Transcript transcript) {
    Transcript.Header header = transcript.header();
    StringBuilder out = new StringBuilder();
    out.append("# IIS Farm Operator transcript of host ").append(header.host().name())
        .append(": every command the operator sent and what the host printed (docs/transcripts.md).\n");
    out.append("# Source: ").append(header.source().kind()).append(": ").append(oneLine(header.source().description()))
        .append('\n');
    for (String reference : header.source().references()) {
      out.append("#   ").append(oneLine(reference)).append('\n');
    }
    out.append("# Redacted before writing:\n");
    for (String rule : header.redactions().rules()) {
      out.append("#   - ").append(oneLine(rule)).append('\n');
    }
    out.append("# Anonymized: ").append(header.redactions().anonymized()
        ? "yes; the mapping to the real names stayed with whoever recorded it"
        : "no; host, domain, site and user names, IP addresses and paths are as the host printed them").append('\n');
    out.append("# Each output is its bytes as text in code page ").append(header.host().codePage())
        .append(", one item per line (joined by CR LF); sha256 checks the bytes.\n");
    return out.toString();
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replace("\r", " ").replace("\n", " ");
  }

  /**
   * @param where the file name, for messages
   * @throws TranscriptException naming the file and what is wrong
   */
  public static Transcript parse(String yaml, String where) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new TranscriptException(where + ": not YAML (" + e.getOriginalMessage() + ")", e);
    }
    if (root == null || !root.isObject()) {
      throw new TranscriptException(where + ": not a transcript (no YAML mapping)");
    }
    String format = root.path("format").asText("");
    if (!Transcript.FORMAT.equals(format)) {
      throw new TranscriptException(where + ": format \"" + format + "\" is not " + Transcript.FORMAT
          + " (a newer operator wrote it, or it is not a transcript)");
    }
    JsonNode host = required(root, "host", where);
    Transcript.Host hostInfo = new Transcript.Host(required(host, "name", where).asText(),
        host.path("transport").asText("https"), host.path("auth").asText("basic"), host.path("codePage").asInt(437));
    JsonNode source = root.path("source");
    List<String> references = new ArrayList<>();
    source.path("references").forEach(r -> references.add(r.asText()));
    JsonNode redactions = root.path("redactions");
    List<String> rules = new ArrayList<>();
    redactions.path("rules").forEach(r -> rules.add(r.asText()));
    List<Transcript.Redaction> items = new ArrayList<>();
    for (JsonNode item : redactions.path("items")) {
      items.add(new Transcript.Redaction(item.path("command").asInt(), item.path("stream").asText(),
          item.path("where").asText(), item.path("what").asText(), item.path("count").asInt()));
    }
    Transcript.Header header = new Transcript.Header(root.path("tool").asText("unknown"),
        root.path("recordedAt").asText(""), new Transcript.Source(source.path("kind").asText("recorded"),
            source.path("description").asText(""), references), hostInfo,
        root.path("facts").isObject() ? (ObjectNode) root.get("facts") : null,
        root.path("farm").isObject() ? (ObjectNode) root.get("farm") : null,
        new Transcript.Redactions(redactions.path("anonymized").asBoolean(false), rules, items));
    Charset charset = CodePages.charset(hostInfo.codePage());
    List<Transcript.Command> commands = new ArrayList<>();
    int n = 0;
    for (JsonNode command : required(root, "commands", where)) {
      n++;
      String at = where + ": command " + n;
      commands.add(new Transcript.Command(required(command, "line", at).asText(),
          required(command, "exitCode", at).asInt(), bytes(command.path("stdout"), charset, at + " stdout"),
          bytes(command.path("stderr"), charset, at + " stderr"), command.path("changes").asBoolean(false)));
    }
    return new Transcript(header, commands);
  }

  private static byte[] bytes(JsonNode output, Charset charset, String where) {
    byte[] bytes;
    if (output.has("lines")) {
      List<String> lines = new ArrayList<>();
      output.get("lines").forEach(l -> lines.add(l.asText()));
      bytes = String.join(CRLF, lines).getBytes(charset);
    } else if (output.has("base64")) {
      StringBuilder all = new StringBuilder();
      output.get("base64").forEach(l -> all.append(l.asText()));
      try {
        bytes = Base64.getDecoder().decode(all.toString());
      } catch (IllegalArgumentException e) {
        throw new TranscriptException(where + ": base64 is invalid");
      }
    } else {
      bytes = new byte[0];
    }
    int count = output.path("bytes").asInt(-1);
    String sha256 = output.path("sha256").asText("");
    if (count != bytes.length || !CommandKey.sha256(bytes).equals(sha256)) {
      throw new TranscriptException(where + ": its text gives " + bytes.length + " bytes with SHA-256 "
          + CommandKey.sha256(bytes).substring(0, 12) + "..., but the transcript recorded " + count + " bytes with "
          + (sha256.length() >= 12 ? sha256.substring(0, 12) + "..." : "\"" + sha256 + "\"")
          + ": the file was edited or re-encoded (line endings, code page); record it again or restore it");
    }
    return bytes;
  }

  private static JsonNode required(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new TranscriptException(where + ": \"" + field + "\" is missing");
    }
    return value;
  }
}
