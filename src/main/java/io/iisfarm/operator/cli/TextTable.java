package io.iisfarm.operator.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Text columns aligned the way kubectl's tabwriter aligns them: each column as wide as its widest cell,
 * {@code gap} spaces apart, trailing spaces trimmed.
 */
public final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private final int gap;
  private final boolean rule;

  private TextTable(int gap, boolean rule, String... headers) {
    this.gap = gap;
    this.rule = rule;
    rows.add(headers.clone());
  }

  /** As {@code kubectl get} prints: upper-case headers, three spaces apart. */
  public static TextTable get(String... headers) {
    return new TextTable(3, false, headers);
  }

  /** Plain columns, two spaces apart, no rule under the headers. */
  public static TextTable plain(String... headers) {
    return new TextTable(2, false, headers);
  }

  /** As {@code kubectl describe} prints its tables: headers underlined with dashes, two spaces apart. */
  public static TextTable describe(String... headers) {
    return new TextTable(2, true, headers);
  }

  public TextTable row(String... cells) {
    if (cells.length != rows.get(0).length) {
      throw new IllegalArgumentException("expected " + rows.get(0).length + " cells, got " + cells.length);
    }
    rows.add(Arrays.stream(cells).map(c -> c == null ? "" : c).toArray(String[]::new));
    return this;
  }

  public List<String> lines() {
    List<String[]> all = new ArrayList<>(rows);
    if (rule) {
      all.add(1, Arrays.stream(rows.get(0)).map(h -> "-".repeat(h.length())).toArray(String[]::new));
    }
    int[] widths = new int[rows.get(0).length];
    for (String[] row : all) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (String[] row : all) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]);
        if (i < row.length - 1) {
          line.append(" ".repeat(widths[i] - row[i].length() + gap));
        }
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }
}
