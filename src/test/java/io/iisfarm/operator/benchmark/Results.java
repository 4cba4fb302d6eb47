package io.iisfarm.operator.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a benchmark run measured: sections of figures for results.json, and rows for the closing table. */
final class Results {
  /** One line of the closing table: what, the figure, the §7 target, and whether it is met (null: no target). */
  record Row(String section, String figure, String measured, String target, Boolean met) {}

  private final Map<String, Object> json = new LinkedHashMap<>();
  private final List<Row> rows = new ArrayList<>();

  void put(String key, Object value) {
    json.put(key, value);
  }

  void row(String section, String figure, String measured, String target, Boolean met) {
    rows.add(new Row(section, figure, measured, target, met));
  }

  void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Map<String, Object> out = new LinkedHashMap<>(json);
    List<Map<String, Object>> table = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("section", r.section());
      row.put("figure", r.figure());
      row.put("measured", r.measured());
      row.put("target", r.target());
      row.put("met", r.met());
      table.add(row);
    }
    out.put("summary", table);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), out);
  }

  void printTable(PrintStream out) {
    String format = "%-18s %-52s %-26s %-24s %s%n";
    out.printf(format, "SECTION", "FIGURE", "MEASURED", "TARGET", "MET");
    for (Row r : rows) {
      out.printf(format, r.section(), r.figure(), r.measured(), r.target() == null ? "-" : r.target(),
          r.met() == null ? "-" : r.met() ? "yes" : "NO");
    }
  }

  static String ms(double millis) {
    return millis >= 10_000 ? String.format("%.1f s", millis / 1000) : String.format("%.0f ms", millis);
  }

  static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
