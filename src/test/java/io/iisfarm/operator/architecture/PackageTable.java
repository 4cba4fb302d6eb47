package io.iisfarm.operator.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The package table of docs/architecture.md: {@code | `package` | owns | may use |}, where "may use"
 * names packages in backticks, or says "nothing of ours" or "everything below" (the rows after it).
 */
record PackageTable(Map<String, List<String>> mayUse) {
  static final String BASE = "io.iisfarm.operator";
  private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z]+)`\\s*\\|[^|]*\\|([^|]*)\\|\\s*$");
  private static final Pattern NAME = Pattern.compile("`([a-z]+)`");

  static PackageTable read(Path document) throws IOException {
    List<String> packages = new ArrayList<>();
    List<String> uses = new ArrayList<>();
    for (String line : Files.readAllLines(document)) {
      Matcher row = ROW.matcher(line.strip());
      if (row.matches()) {
        packages.add(row.group(1));
        uses.add(row.group(2).strip());
      }
    }
    Map<String, List<String>> mayUse = new LinkedHashMap<>();
    for (int i = 0; i < packages.size(); i++) {
      String use = uses.get(i);
      List<String> allowed = new ArrayList<>();
      if (use.equals("everything below")) {
        allowed.addAll(packages.subList(i + 1, packages.size()));
      } else if (!use.equals("nothing of ours")) {
        Matcher name = NAME.matcher(use);
        while (name.find()) {
          allowed.add(name.group(1));
        }
        if (allowed.isEmpty()) {
          throw new IllegalArgumentException(document + ": cannot read \"" + use + "\" for " + packages.get(i));
        }
      }
      if (!packages.containsAll(allowed)) {
        throw new IllegalArgumentException(document + ": " + packages.get(i) + " may use a package not in the table: "
            + allowed);
      }
      mayUse.put(packages.get(i), List.copyOf(allowed));
    }
    return new PackageTable(mayUse);
  }

  List<String> packages() {
    return List.copyOf(mayUse.keySet());
  }
}
