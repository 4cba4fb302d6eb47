package io.iisfarm.operator.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A Dockerfile read as its instructions: comments dropped, continuation lines joined. */
record Dockerfile(List<Instruction> instructions) {
  record Instruction(String keyword, String arguments) {}

  static Dockerfile read(Path file) throws IOException {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String line : Files.readAllLines(file)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      pending.append(trimmed);
      String text = pending.toString().strip();
      pending.setLength(0);
      if (!text.isEmpty()) {
        String[] parts = text.split("\\s+", 2);
        instructions.add(new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""));
      }
    }
    return new Dockerfile(instructions);
  }

  /** The ARGs declared before the first FROM (those a FROM may use), name to default value. */
  Map<String, String> globalArgs() {
    Map<String, String> args = new LinkedHashMap<>();
    for (Instruction instruction : instructions) {
      if (instruction.keyword().equals("FROM")) {
        break;
      }
      if (instruction.keyword().equals("ARG")) {
        String[] nameValue = instruction.arguments().split("=", 2);
        args.put(nameValue[0].strip(), nameValue.length > 1 ? nameValue[1].strip() : "");
      }
    }
    return args;
  }

  /** The instructions of each stage, from its FROM on. */
  List<List<Instruction>> stages() {
    List<List<Instruction>> stages = new ArrayList<>();
    for (Instruction instruction : instructions) {
      if (instruction.keyword().equals("FROM")) {
        stages.add(new ArrayList<>());
      }
      if (!stages.isEmpty()) {
        stages.get(stages.size() - 1).add(instruction);
      }
    }
    return stages;
  }
}
