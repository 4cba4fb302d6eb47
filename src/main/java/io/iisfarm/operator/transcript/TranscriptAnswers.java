package io.iisfarm.operator.transcript;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which recorded command answers a command line (docs/transcripts.md, "Replay"). Command lines match by
 * {@link CommandKey}. The changing commands of a transcript cut it into epochs: a read is answered from the
 * reads recorded since the last changing command answered (the n-th time a line is asked, by its n-th recording
 * there, the last one again after that); a changing command is answered only when it is the next one recorded,
 * which starts the next epoch. A transcript of reads alone is one epoch: any read, in any order, any number of
 * times. Anything else is not recorded. Thread-safe.
 */
public final class TranscriptAnswers {
  private final Transcript transcript;
  private final List<Map<String, List<Transcript.Command>>> reads = new ArrayList<>();
  private final List<Transcript.Command> changes = new ArrayList<>();
  private final List<String> keys = new ArrayList<>();
  private final Map<String, Integer> asked = new HashMap<>();
  private int epoch;

  public TranscriptAnswers(Transcript transcript) {
    this.transcript = transcript;
    reads.add(new LinkedHashMap<>());
    for (Transcript.Command command : transcript.commands()) {
      String key = CommandKey.of(command.line());
      keys.add(key);
      if (command.changes()) {
        changes.add(command);
        reads.add(new LinkedHashMap<>());
      } else {
        reads.get(reads.size() - 1).computeIfAbsent(key, k -> new ArrayList<>()).add(command);
      }
    }
  }

  /** The recorded answer to {@code commandLine} now, or empty when it was not recorded (at this point). */
  public synchronized Optional<Transcript.Command> answer(String commandLine) {
    String key = CommandKey.of(commandLine);
    List<Transcript.Command> recorded = reads.get(epoch).get(key);
    int n = asked.getOrDefault(key, 0);
    if (recorded != null && n < recorded.size()) {
      asked.put(key, n + 1);
      return Optional.of(recorded.get(n));
    }
    if (epoch < changes.size() && CommandKey.of(changes.get(epoch).line()).equals(key)) {
      Transcript.Command change = changes.get(epoch);
      epoch++;
      asked.clear();
      return Optional.of(change);
    }
    if (recorded != null) {
      return Optional.of(recorded.get(recorded.size() - 1));
    }
    return Optional.empty();
  }

  /**
   * The message a command the transcript does not hold gets: it names the command's program and length, never the
   * whole line (a changing command may carry key material in base64).
   */
  public String notRecorded(String commandLine) {
    return "replay: not recorded: host " + transcript.header().host().name() + " was sent "
        + CommandKey.describe(commandLine) + ", which its transcript does not hold; " + whyNotRecorded(commandLine)
        + ". A replay answers only what was recorded (docs/transcripts.md, \"Replay\")";
  }

  /**
   * Why {@code commandLine} has no answer, without quoting it (it may carry key material): how many commands the
   * transcript holds, where the replay stands, and where the nearest recorded command first differs.
   */
  synchronized String whyNotRecorded(String commandLine) {
    String key = CommandKey.of(commandLine);
    int nearest = -1;
    int common = -1;
    for (int i = 0; i < keys.size(); i++) {
      int same = commonPrefix(keys.get(i), key);
      if (same > common) {
        common = same;
        nearest = i;
      }
    }
    String where = changes.isEmpty() ? "" : "; " + epoch + " of its " + changes.size() + " changing commands answered";
    String near = nearest < 0 ? "" : "; the nearest recorded command, #" + (nearest + 1) + ", first differs at character "
        + (common + 1);
    if (nearest >= 0 && common == key.length() && common == keys.get(nearest).length()) {
      near = "; recorded as #" + (nearest + 1) + ", but not at this point of the replay (it follows a changing command"
          + " not yet sent, or precedes one already answered)";
    }
    return "the transcript holds " + keys.size() + " commands" + where + near;
  }

  private static int commonPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      if (a.charAt(i) != b.charAt(i)) {
        return i;
      }
    }
    return n;
  }
}
