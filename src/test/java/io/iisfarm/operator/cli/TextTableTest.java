package io.iisfarm.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextTableTest {

  @Test
  void getColumnsAreAsWideAsTheirWidestCellThreeSpacesApart() {
    assertThat(TextTable.get("NAME", "READY", "MESSAGE").row("shop", "True", "").row("a-longer-name", "", "x").lines())
        .containsExactly(
            "NAME            READY   MESSAGE",
            "shop            True",
            "a-longer-name           x");
  }

  @Test
  void describeTablesUnderlineTheirHeadersTwoSpacesApart() {
    assertThat(TextTable.describe("Type", "Status").row("MachineKeysInSync", "True").lines())
        .containsExactly(
            "Type               Status",
            "----               ------",
            "MachineKeysInSync  True");
  }

  @Test
  void aRowMustFillEveryColumn() {
    assertThatThrownBy(() -> TextTable.get("A", "B").row("only one")).isInstanceOf(IllegalArgumentException.class);
  }
}
