package io.iisfarm.operator.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.iisfarm.operator.api.IisFarmSpec;
import io.iisfarm.operator.api.SiteSpec;
import io.iisfarm.operator.model.MachineKeySetting;

/**
 * The {@code farm} section of a transcript: what the audit wanted, so that a replay can write an IisFarm that asks
 * the same of the replayed hosts. Sites, the machineKey's algorithms and scope, the session state, whether keys
 * may cross plain http, and the stand-ins of the farm's key (the same stand-ins the hosts' copies of that key got).
 * No address, credential or Secret name.
 */
public final class FarmSection {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FarmSection() {}

  static ObjectNode of(IisFarmSpec spec, MachineKeySetting desiredKey, StandIns standIns, Anonymizer names) {
    ObjectNode farm = JsonNodeFactory.instance.objectNode();
    var sites = farm.putArray("sites");
    if (spec.getSites() != null) {
      for (SiteSpec site : spec.getSites()) {
        sites.addObject().put("name", names == null ? site.getName() : names.apply(site.getName(), null))
            .put("id", site.getId());
      }
    }
    if (spec.getMachineKey() != null) {
      ObjectNode key = JSON.valueToTree(spec.getMachineKey());
      key.remove("secretRef");
      key.remove("generate");
      if (key.hasNonNull("adoptFrom") && names != null) {
        key.put("adoptFrom", names.apply(key.get("adoptFrom").asText(), null));
      }
      removeNulls(key);
      farm.set("machineKey", key);
      if (desiredKey != null && desiredKey.isExplicit()) {
        farm.putObject("key")
            .put("validationKey", standIns.key(desiredKey.validationKey().key().reveal()))
            .put("decryptionKey", standIns.key(desiredKey.decryptionKey().key().reveal()));
      }
    }
    if (spec.getSessionState() != null) {
      ObjectNode session = JSON.valueToTree(spec.getSessionState());
      removeNulls(session);
      if (names != null && session.hasNonNull("stateConnectionString")) {
        session.put("stateConnectionString", names.apply(session.get("stateConnectionString").asText(), null));
      }
      farm.set("sessionState", session);
    }
    farm.put("allowKeyTransferOverHttp", spec.getWinrm() != null
        && Boolean.TRUE.equals(spec.getWinrm().getAllowKeyTransferOverHttp()));
    return farm;
  }

  /** The names the spec holds, for the anonymization to replace. */
  static void discover(IisFarmSpec spec, Anonymizer names) {
    if (spec.getSites() != null) {
      spec.getSites().forEach(s -> names.site(s.getName()));
    }
    if (spec.getMachineKey() != null && spec.getMachineKey().getAdoptFrom() != null) {
      names.dns(spec.getMachineKey().getAdoptFrom());
    }
    spec.getHosts().forEach(h -> names.dns(h.getName()));
    if (spec.getSessionState() != null && spec.getSessionState().getStateConnectionString() != null) {
      String v = spec.getSessionState().getStateConnectionString().replaceFirst("(?i)^\\s*tcpip\\s*=\\s*", "");
      int colon = v.lastIndexOf(':');
      names.dns(colon > 0 ? v.substring(0, colon) : v);
    }
  }

  /** The spec fields of {@code farm} ({@code sites}, {@code machineKey}, {@code sessionState}) as IisFarm JSON. */
  public static ObjectNode spec(JsonNode farm) {
    ObjectNode spec = JsonNodeFactory.instance.objectNode();
    for (String field : new String[] {"sites", "machineKey", "sessionState"}) {
      if (farm.hasNonNull(field)) {
        spec.set(field, farm.get(field).deepCopy());
      }
    }
    return spec;
  }

  /** The farm key's stand-in value ({@code validationKey} or {@code decryptionKey}), or null. */
  public static String key(JsonNode farm, String field) {
    JsonNode value = farm.path("key").get(field);
    return value instanceof TextNode t ? t.asText() : null;
  }

  private static void removeNulls(ObjectNode node) {
    var fields = node.fieldNames();
    java.util.List<String> empty = new java.util.ArrayList<>();
    fields.forEachRemaining(f -> {
      if (node.get(f).isNull()) {
        empty.add(f);
      }
    });
    empty.forEach(node::remove);
  }
}
