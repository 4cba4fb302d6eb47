package io.iisfarm.operator.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CmdTest {

  @Test
  void lengthCountsVariablesAtTheirLongestExpansion() {
    assertThat(Cmd.expandedLength("type \"%TEMP%\\a.b64\"")).isEqualTo("type \"\\a.b64\"".length() + 120);
    assertThat(Cmd.expandedLength("%windir%\\x")).isEqualTo(2 + 32);
    assertThat(Cmd.expandedLength("echo 100% sure")).isEqualTo("echo 100% sure".length());
  }

  @Test
  void packFillsLinesUpToTheLimitAndEndsEachWithTheTail() {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      parts.add("del \"%TEMP%\\iisfarm-" + i + "-" + "x".repeat(80) + ".b64\"");
    }
    List<String> lines = Cmd.pack(parts, "echo ==iisfarm:end==");
    assertThat(lines.size()).isBetween(2, 4);
    assertThat(lines).allMatch(Cmd::fits).allMatch(l -> l.endsWith(" & echo ==iisfarm:end=="));
    assertThat(String.join(" & ", lines).split("del ", -1)).hasSize(101);
  }

  @Test
  void quotesPathsAndRefusesQuotesInThem() {
    assertThat(Cmd.quote("D:\\web sites\\shop")).isEqualTo("\"D:\\web sites\\shop\"");
    assertThatThrownBy(() -> Cmd.quote("D:\\a\"b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tooLongALineIsRefused() {
    assertThatThrownBy(() -> Cmd.checked("echo " + "a".repeat(8200))).isInstanceOf(IllegalStateException.class);
  }
}
