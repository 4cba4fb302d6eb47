package io.iisfarm.operator.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrinterColumnsTest {

  @ParameterizedTest
  @CsvSource({"0, 0s", "119, 119s", "120, 2m", "200, 3m20s", "600, 10m", "10799, 179m", "10800, 3h",
      "11100, 3h5m", "28800, 8h", "172800, 2d", "176400, 2d1h", "691200, 8d"})
  void agesReadAsKubectlShowsThem(long seconds, String shown) {
    assertThat(PrinterColumns.humanAge(Duration.ofSeconds(seconds))).isEqualTo(shown);
  }

  @Test
  void evaluatesTheCrdColumnsAgainstAnObject() throws Exception {
    JsonNode farm = new ObjectMapper().readTree("""
        {"metadata": {"name": "shop", "creationTimestamp": "2026-11-24T10:00:00Z"},
         "status": {"mode": "Enforce", "inSync": "4/4",
                    "conditions": [{"type": "Progressing", "status": "False"}, {"type": "Ready", "status": "True"}]}}
        """);
    PrinterColumns columns = PrinterColumns.fromGeneratedCrd();
    Instant now = Instant.parse("2026-11-24T10:05:00Z");

    assertThat(columns.columns()).extracting(PrinterColumns.Column::name)
        .containsExactly("Ready", "In Sync", "Mode", "Age");
    assertThat(columns.columns()).extracting(c -> columns.cell(c, farm, now))
        .containsExactly("True", "4/4", "Enforce", "5m");
  }

  @Test
  void missingValuesGiveEmptyCells() throws Exception {
    JsonNode fresh = new ObjectMapper().readTree("{\"metadata\": {\"name\": \"new\"}}");
    PrinterColumns columns = PrinterColumns.fromGeneratedCrd();
    assertThat(columns.columns()).extracting(c -> columns.cell(c, fresh, Instant.now()))
        .containsOnly("");
  }
}
