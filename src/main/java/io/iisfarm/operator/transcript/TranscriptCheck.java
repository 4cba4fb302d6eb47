package io.iisfarm.operator.transcript;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code audit --check DIR}: what a folder of transcripts would show if shared. Each transcript must read (its
 * bytes check out); must hold none of the secrets given (in its text, its outputs, or the config files inside
 * them, decoded), nor any real name of the mapping given; and every machineKey value in it must be one its header
 * lists as replaced. The names it shows are listed, for the user to read before attaching it.
 */
public final class TranscriptCheck {
  private static final Pattern KEY = Pattern.compile("(?i)(?:validationKey|decryptionKey)\\s*=\\s*([\"'])(.*?)\\1");
  private static final Pattern KEYWORD = Pattern.compile("(?i)AutoGenerate|IsolateApps|IsolateByAppId");

  /** What the check says, line by line, and how many problems it found. */
  public record Report(List<String> lines, int problems) {}

  private TranscriptCheck() {}

  /**
   * @param secrets values that must not appear (passwords, keys), e.g. those of the audit's Secrets
   * @param mapping the real names of an anonymized recording, or empty
   */
  public static Report run(Path dir, Collection<String> secrets, List<MappingFile.Entry> mapping) throws IOException {
    List<String> lines = new ArrayList<>();
    int problems = 0;
    List<Path> files = TranscriptFile.list(dir);
    if (files.isEmpty()) {
      return new Report(List.of(dir + " holds no transcript (*" + TranscriptFile.SUFFIX + ")"), 1);
    }
    Anonymizer real = Anonymizer.of(mapping);
    boolean allAnonymized = true;
    for (Path file : files) {
      String name = file.getFileName().toString();
      Transcript t;
      try {
        t = TranscriptFile.read(file);
      } catch (TranscriptException e) {
        lines.add(name + ": PROBLEM: " + e.getMessage());
        problems++;
        continue;
      }
      allAnonymized &= t.header().redactions().anonymized();
      List<String> texts = LeakScan.texts(t);
      List<String> found = new ArrayList<>();
      int leaked = LeakScan.count(texts, secrets);
      if (leaked > 0) {
        found.add("holds " + leaked + " of the secret values given (or a 16-character piece of one)");
      }
      List<Anonymizer.Entry> names = texts.stream().flatMap(s -> real.remaining(s).stream()).distinct().toList();
      if (!names.isEmpty()) {
        found.add("shows " + names.size() + " real names of the mapping (" + names.stream().map(e -> e.kind().label())
            .distinct().toList() + ")");
      }
      int keys = explicitKeys(texts.subList(1, texts.size()));
      int listed = t.header().redactions().items().stream().filter(r -> r.what().startsWith("machineKey"))
          .mapToInt(Transcript.Redaction::count).sum();
      if (keys > listed) {
        found.add("holds " + keys + " machineKey values but its header lists " + listed + " as replaced: it was edited,"
            + " or not written by audit --record; record it again");
      }
      String summary = t.commands().size() + " commands, bytes check out, " + listed + " machineKey values replaced, "
          + (t.header().redactions().anonymized() ? "anonymized" : "not anonymized");
      if (found.isEmpty()) {
        lines.add(name + ": ok (" + summary + ")");
      } else {
        problems += found.size();
        found.forEach(f -> lines.add(name + ": PROBLEM: " + f));
      }
      lines.add("  names it shows: " + inventory(t));
    }
    lines.add(problems == 0
        ? "Checked " + files.size() + " transcript(s): no problem found. Read the names above: they go with the"
            + " transcripts" + (allAnonymized ? "." : " (record with --anonymize to replace them).")
        : "Checked " + files.size() + " transcript(s): " + problems + " problem(s); do not share them as they are.");
    return new Report(lines, problems);
  }

  /** The explicit keys of every machineKey attribute in {@code texts} (the outputs and the decoded files). */
  private static int explicitKeys(List<String> texts) {
    int n = 0;
    for (String text : texts) {
      Matcher m = KEY.matcher(text);
      while (m.find()) {
        for (String token : m.group(2).split(",")) {
          if (!token.isBlank() && !KEYWORD.matcher(token.strip()).matches()) {
            n++;
          }
        }
      }
    }
    return n;
  }

  private static String inventory(Transcript t) {
    Anonymizer shown = new Anonymizer();
    shown.dns(t.header().host().name());
    for (Transcript.Command c : t.commands()) {
      String text = new String(c.stdout(), CodePages.charset(t.header().host().codePage()));
      Discovery.console(text, shown);
      Matcher block = CertutilBlocks.BLOCK.matcher(text);
      while (block.find()) {
        byte[] file = CertutilBlocks.decode(block);
        if (file != null) {
          Discovery.config(LeakScan.decodeFile(file), shown);
        }
      }
    }
    Map<String, TreeSet<String>> byKind = new TreeMap<>();
    for (Anonymizer.Entry e : shown.entries()) {
      byKind.computeIfAbsent(e.kind().label(), k -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER)).add(e.original());
    }
    if (byKind.isEmpty()) {
      return "none";
    }
    List<String> parts = new ArrayList<>();
    byKind.forEach((kind, values) -> parts.add(kind + " " + String.join(", ", values)));
    return String.join("; ", parts);
  }
}
