package io.iisfarm.operator.transcript;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the secrets, and with {@code --anonymize} the names, out of one command line or output, keeping every
 * other byte. Key values, cipher values and passwords go wherever they are: in the console text, in the config
 * files inside certutil blocks (decoded, changed in their XML, encoded again in certutil's layout), in comments.
 * Names go where the host prints them as values: XML attribute values, quoted text, the {@code hostname} part, and
 * inside config files attribute values, text and comments.
 */
final class Scrubber {
  private static final Pattern MARKER = Pattern.compile("==iisfarm:([^=\\r\\n]+)==");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"\\r\\n]*)\"");
  private static final Pattern FOR_ITEMS = Pattern.compile("for %([a-z]) in \\((.*?)\\) do");

  private final StandIns standIns;
  private final Anonymizer names;
  private final SecretRules secrets;

  /**
   * @param names the names to replace, or null to keep them
   * @param passwords the WinRM passwords of the recording, masked should one ever appear
   */
  Scrubber(StandIns standIns, Anonymizer names, List<String> passwords) {
    this.standIns = standIns;
    this.names = names;
    this.secrets = new SecretRules(standIns, passwords);
  }

  /** What one output or command line became, and what was replaced in it. */
  record Result(byte[] bytes, String text, List<Transcript.Redaction> items) {}

  Result line(int command, String line) {
    SecretRules.Tally tally = new SecretRules.Tally(command, "line");
    String out = secrets.inText(line, "command line", tally);
    out = quoted(out, null, "command line", tally);
    out = secrets.maskPasswords(out, null, "command line", tally);
    return new Result(out.getBytes(StandardCharsets.UTF_8), out, tally.items());
  }

  Result output(int command, String commandLine, String stream, byte[] raw, int codePage) {
    SecretRules.Tally tally = new SecretRules.Tally(command, stream);
    Charset charset = CodePages.charset(codePage);
    String text = CodePages.roundTrip(raw, charset);
    Charset view = null;
    if (text == null) {
      text = new String(raw, StandardCharsets.ISO_8859_1);
      view = charset;
    }
    StringBuilder out = new StringBuilder(text.length());
    Matcher marker = MARKER.matcher(text);
    Map<String, Integer> seen = new LinkedHashMap<>();
    String part = "(output)";
    boolean hostname = false;
    int from = 0;
    while (marker.find()) {
      out.append(segment(text.substring(from, marker.start()), part, hostname, view, tally));
      out.append(marker.group());
      from = marker.end();
      if (!marker.group(1).startsWith("@")) {
        String name = marker.group(1);
        int k = seen.merge(name, 1, Integer::sum);
        part = label(name, k, commandLine);
        hostname = name.equals("hostname");
      }
    }
    out.append(segment(text.substring(from), part, hostname, view, tally));
    String result = secrets.maskPasswords(out.toString(), view, part, tally);
    byte[] bytes = view == null ? result.getBytes(charset) : result.getBytes(StandardCharsets.ISO_8859_1);
    return new Result(bytes, result, tally.items());
  }

  /** A part's text: certutil blocks as files, the rest as console text; all of it a name in the hostname part. */
  private String segment(String text, String part, boolean hostname, Charset view, SecretRules.Tally tally) {
    if (hostname && names != null) {
      String mapped = names.apply(text, view);
      if (!mapped.equals(text)) {
        tally.add(part, "anonymized host name");
      }
      return mapped;
    }
    StringBuilder out = new StringBuilder(text.length());
    Matcher block = CertutilBlocks.BLOCK.matcher(text);
    int from = 0;
    while (block.find()) {
      out.append(console(text.substring(from, block.start()), part, view, tally));
      byte[] file = CertutilBlocks.decode(block);
      byte[] scrubbed = file == null ? null : file(file, part, tally);
      out.append(scrubbed == null || Arrays.equals(file, scrubbed) ? block.group() : CertutilBlocks.encode(block, scrubbed));
      from = block.end();
    }
    out.append(console(text.substring(from), part, view, tally));
    return out.toString();
  }

  private String console(String text, String part, Charset view, SecretRules.Tally tally) {
    if (text.isEmpty()) {
      return text;
    }
    return XmlRewrite.apply(text, secretRules(part, view, tally, t -> quoted(t, view, part, tally)));
  }

  /** Secrets replaced in attributes, CipherValues, text and comments; {@code rest} treats the text left over. */
  private XmlRewrite.Rules secretRules(String part, Charset view, SecretRules.Tally tally,
      java.util.function.UnaryOperator<String> rest) {
    return new XmlRewrite.Rules() {
      @Override
      public String attribute(String element, String name, String raw, char quote) {
        return anonymizeValue(secrets.attribute(name, raw, part, tally), quote, view, part, tally);
      }

      @Override
      public String text(String element, String t) {
        if ("ciphervalue".equals(element)) {
          tally.add(part, "CipherValue");
          return standIns.cipher(t);
        }
        return rest.apply(secrets.inText(t, part, tally));
      }

      @Override
      public String comment(String t) {
        return rest.apply(secrets.inText(t, part, tally));
      }
    };
  }

  /** A config file's bytes with its secrets (and names) replaced; every other byte kept. */
  private byte[] file(byte[] bytes, String part, SecretRules.Tally tally) {
    boolean utf16 = bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
        || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF));
    Charset utf16Charset = utf16 && bytes[0] == (byte) 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
    String text = utf16 ? CodePages.roundTrip(Arrays.copyOfRange(bytes, 2, bytes.length), utf16Charset) : null;
    Charset view = text == null ? StandardCharsets.UTF_8 : null;
    if (text == null) {
      text = new String(bytes, StandardCharsets.ISO_8859_1);
    }
    String out = XmlRewrite.apply(text, secretRules(part, view, tally, t -> anonymizeText(t, view, part, tally)));
    out = secrets.maskPasswords(out, view, part, tally);
    if (view == null) {
      byte[] body = out.getBytes(utf16Charset);
      byte[] all = new byte[body.length + 2];
      all[0] = bytes[0];
      all[1] = bytes[1];
      System.arraycopy(body, 0, all, 2, body.length);
      return all;
    }
    return out.getBytes(StandardCharsets.ISO_8859_1);
  }

  private String anonymizeValue(String raw, char quote, Charset view, String part, SecretRules.Tally tally) {
    if (names == null) {
      return raw;
    }
    String value = XmlRewrite.unescape(raw);
    String mapped = names.apply(value, view);
    if (mapped.equals(value)) {
      return raw;
    }
    tally.add(part, "anonymized names");
    return XmlRewrite.escape(mapped, quote);
  }

  private String anonymizeText(String text, Charset view, String part, SecretRules.Tally tally) {
    if (names == null) {
      return text;
    }
    String mapped = names.apply(text, view);
    if (!mapped.equals(text)) {
      tally.add(part, "anonymized names");
    }
    return mapped;
  }

  /** Names inside double quotes only: console text quotes the values it prints, and its other words are the tool's. */
  private String quoted(String text, Charset view, String part, SecretRules.Tally tally) {
    if (names == null) {
      return text;
    }
    return SecretRules.replaceAll(QUOTED, text, m -> "\"" + anonymizeText(m.group(1), view, part, tally) + "\"");
  }

  private String label(String name, int k, String commandLine) {
    String path = null;
    Matcher loop = FOR_ITEMS.matcher(commandLine);
    if ((name.equals("file") || name.equals("siteconfig")) && loop.find()) {
      List<String> items = QUOTED.matcher(loop.group(2)).results().map(r -> r.group(1)).toList();
      if (k <= items.size()) {
        path = items.get(k - 1) + (name.equals("siteconfig") ? "\\web.config" : "");
      }
    } else if (name.equals("redirection")) {
      Matcher m = Pattern.compile("==iisfarm:redirection== & \\(if exist \"([^\"]+)\"").matcher(commandLine);
      path = m.find() ? m.group(1) : null;
    }
    String label = "part " + name + (k > 1 ? " #" + k : "") + (path == null ? "" : " (" + path + ")");
    return names == null ? label : names.apply(label, null);
  }

}
