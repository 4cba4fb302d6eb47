package io.iisfarm.operator.transcript;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * Looks for secret values in everything a transcript shows: its file text, every output as text and every config
 * file inside a certutil block, decoded (a key in a file is only base64 in the transcript's text). A value longer
 * than 16 characters is also found by any 16-character piece of it, in any letter case.
 */
public final class LeakScan {
  static final int PIECE = 16;

  private LeakScan() {}

  /** Everything of {@code transcript} a reader could see, as text: the file, each output, each file decoded. */
  public static List<String> texts(Transcript transcript) {
    List<String> texts = new ArrayList<>();
    texts.add(TranscriptFile.format(transcript));
    Charset charset = CodePages.charset(transcript.header().host().codePage());
    for (Transcript.Command c : transcript.commands()) {
      for (byte[] bytes : List.of(c.stdout(), c.stderr())) {
        String text = new String(bytes, charset);
        texts.add(text);
        Matcher block = CertutilBlocks.BLOCK.matcher(text);
        while (block.find()) {
          byte[] file = CertutilBlocks.decode(block);
          if (file != null) {
            texts.add(decodeFile(file));
          }
        }
      }
    }
    return texts;
  }

  /** A config file's text: UTF-16 after its byte order mark, else UTF-8. */
  static String decodeFile(byte[] file) {
    if (file.length >= 2 && file[0] == (byte) 0xFF && file[1] == (byte) 0xFE) {
      return new String(Arrays.copyOfRange(file, 2, file.length), StandardCharsets.UTF_16LE);
    }
    if (file.length >= 2 && file[0] == (byte) 0xFE && file[1] == (byte) 0xFF) {
      return new String(Arrays.copyOfRange(file, 2, file.length), StandardCharsets.UTF_16BE);
    }
    return new String(file, StandardCharsets.UTF_8);
  }

  /** How many of {@code secrets} (or pieces of them) {@code texts} hold; never which. */
  public static int count(List<String> texts, Collection<String> secrets) {
    List<String> upper = texts.stream().map(t -> t.toUpperCase(Locale.ROOT)).toList();
    int found = 0;
    for (String secret : secrets) {
      if (secret == null || secret.length() < 3) {
        continue;
      }
      if (holds(upper, secret.toUpperCase(Locale.ROOT))) {
        found++;
      }
    }
    return found;
  }

  private static boolean holds(List<String> texts, String secret) {
    if (secret.length() <= PIECE) {
      return texts.stream().anyMatch(t -> t.contains(secret));
    }
    for (int i = 0; i + PIECE <= secret.length(); i++) {
      String piece = secret.substring(i, i + PIECE);
      if (texts.stream().anyMatch(t -> t.contains(piece))) {
        return true;
      }
    }
    return false;
  }
}
