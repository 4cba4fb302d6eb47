package io.iisfarm.operator.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.cli.TextTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** IisFarms as {@code kubectl get iisfarms} prints them: NAME, then the CRD's printer columns of priority 0. */
public final class FarmGetTable {
  private FarmGetTable() {}

  public static List<String> render(List<IisFarm> farms, PrinterColumns printerColumns, Instant now) {
    List<PrinterColumns.Column> columns = printerColumns.columns().stream().filter(c -> c.priority() == 0).toList();
    List<String> headers = new ArrayList<>(List.of("NAME"));
    columns.forEach(c -> headers.add(c.name().toUpperCase(Locale.ROOT)));
    TextTable table = TextTable.get(headers.toArray(String[]::new));
    for (IisFarm farm : farms) {
      JsonNode object = Serialization.jsonMapper().valueToTree(farm);
      List<String> cells = new ArrayList<>(List.of(farm.getMetadata().getName()));
      columns.forEach(c -> cells.add(printerColumns.cell(c, object, now)));
      table.row(cells.toArray(String[]::new));
    }
    return table.lines();
  }
}
