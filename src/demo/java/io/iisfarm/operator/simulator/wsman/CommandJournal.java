package io.iisfarm.operator.simulator.wsman;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/** The commands one simulated host ran, oldest first; keeps the newest {@value #CAPACITY}. */
public final class CommandJournal {
  /** Bounds memory in long benchmarks; tests look at far fewer. */
  public static final int CAPACITY = 10_000;

  private final Deque<JournalEntry> entries = new ArrayDeque<>();

  public synchronized void record(JournalEntry entry) {
    if (entries.size() == CAPACITY) {
      entries.removeFirst();
    }
    entries.addLast(entry);
  }

  public synchronized List<JournalEntry> entries() {
    return List.copyOf(entries);
  }

  public synchronized List<String> commandLines() {
    return entries.stream().map(JournalEntry::commandLine).toList();
  }

  /** The entries whose command changed the host: what an Audit-mode test expects to be empty. */
  public List<JournalEntry> changes() {
    return matching(JournalEntry::changedHost);
  }

  public synchronized List<JournalEntry> matching(Predicate<JournalEntry> predicate) {
    return entries.stream().filter(predicate).toList();
  }

  public synchronized int size() {
    return entries.size();
  }

  public synchronized void clear() {
    entries.clear();
  }
}
