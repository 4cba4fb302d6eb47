package io.iisfarm.operator.transcript;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iisfarm.operator.model.ConfigFile;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.MachineKeySetting;
import io.iisfarm.operator.model.ObservedApplication;
import io.iisfarm.operator.model.ObservedSite;
import io.iisfarm.operator.model.SiteWebConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a read means, in a form two reads can be compared by: the live read of a host and the read of its
 * transcript must have the same shape. Keys compare by which files share one (their fingerprints differ, the keys
 * being stand-ins); names compare only when they were not anonymized.
 */
public final class ObservationShape {
  private ObservationShape() {}

  static List<String> of(HostObservation o, boolean withNames) {
    List<String> shape = new ArrayList<>();
    shape.add("os " + o.osVersion() + " iis " + o.iisVersion());
    shape.add("runtimes " + o.installed());
    shape.add("configsRead " + o.configsRead() + ", shared configuration " + (o.sharedConfiguration() != null));
    if (withNames) {
      shape.add("hostname " + o.hostname() + ", shared configuration " + o.sharedConfiguration());
    }
    for (ObservedSite s : o.sites()) {
      shape.add("site " + (withNames ? s.name() + " " + s.physicalPath() + " " : "") + s.id() + " " + s.state() + " "
          + s.appRoot() + " " + s.applications().stream().map(ObservedApplication::appRoot).toList());
    }
    Map<String, Integer> keys = new LinkedHashMap<>();
    for (ConfigFile f : o.configFiles()) {
      shape.add("file " + f.location().label() + " key " + key(f.machineKey(), keys) + " element "
          + (f.machineKeyElement() == null ? null : f.machineKeyElement().where() + f.machineKeyElement().encrypted()
              + f.machineKeyElement().problems()) + " session " + session(f.sessionState() == null ? null
              : f.sessionState().mode(), withNames ? f.sessionState() : null));
    }
    for (SiteWebConfig c : o.siteConfigs()) {
      shape.add("site config " + (withNames ? c.site() + " " + c.path() + " " : "") + "key " + key(c.machineKey(), keys)
          + " unreadable " + c.isUnreadable() + " session " + session(c.sessionState() == null ? null
              : c.sessionState().mode(), withNames ? c.sessionState() : null));
    }
    return shape;
  }

  private static String key(MachineKeySetting key, Map<String, Integer> seen) {
    if (key == null) {
      return "none";
    }
    if (!key.isExplicit()) {
      return "AutoGenerate " + key.validation() + "/" + key.decryption() + "/" + key.compatibilityMode();
    }
    return "#" + seen.computeIfAbsent(key.fingerprint(), f -> seen.size() + 1) + " " + key.validation() + "/"
        + key.decryption() + "/" + key.compatibilityMode();
  }

  private static String session(String mode, Object detail) {
    return mode + (detail == null ? "" : " " + detail);
  }

  /** The facts a transcript's header shows: what reading it finds. */
  public static ObjectNode facts(HostObservation o) {
    ObjectNode facts = JsonNodeFactory.instance.objectNode();
    facts.put("hostname", o.hostname());
    facts.put("os", o.osVersion());
    facts.put("osName", o.osName());
    facts.put("iis", o.iisVersion() == null ? null : o.iisVersion().toString());
    facts.put("consoleCodePage", o.consoleCodePage());
    ArrayNode runtimes = facts.putArray("runtimes");
    o.installed().forEach(r -> runtimes.add(r.runtime().wireName() + "/" + r.bitness().bits()));
    ArrayNode sites = facts.putArray("sites");
    o.sites().forEach(s -> sites.add(s.name() + " (ID " + s.id() + ", " + s.state() + ")"));
    facts.put("configsRead", o.configsRead());
    ArrayNode files = facts.putArray("configFiles");
    for (ConfigFile f : o.configFiles()) {
      files.add(f.location().label() + ": " + (f.machineKey() != null ? "machineKey " + f.machineKey().fingerprint()
          : f.machineKeyElement() == null ? "no machineKey" : f.machineKeyElement().encrypted() ? "machineKey encrypted"
              : "machineKey unreadable"));
    }
    facts.put("siteConfigs", o.siteConfigs().size());
    facts.put("sharedConfiguration", o.sharedConfiguration());
    return facts;
  }
}
