package io.iisfarm.operator.cli.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iisfarm.operator.api.IisFarm;

/** The legacy discovery documents kubectl reads (kubectl falls back to them from aggregated discovery). */
final class DiscoveryDocuments {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] ALL_VERBS = {"create", "delete", "deletecollection", "get", "list", "patch",
      "update", "watch"};

  private DiscoveryDocuments() {}

  static ObjectNode version() {
    ObjectNode v = JSON.createObjectNode();
    v.put("major", "1").put("minor", "32").put("gitVersion", "v1.32.0").put("platform", "linux/amd64");
    return v;
  }

  static ObjectNode coreVersions() {
    ObjectNode v = JSON.createObjectNode();
    v.put("kind", "APIVersions");
    v.putArray("versions").add("v1");
    v.putArray("serverAddressByClientCIDRs");
    return v;
  }

  static ObjectNode coreResources() {
    ObjectNode list = resourceList("v1");
    ArrayNode resources = (ArrayNode) list.get("resources");
    addResource(resources, "namespaces", "namespace", false, "Namespace", "ns");
    addResource(resources, "secrets", "secret", true, "Secret", null);
    addResource(resources, "events", "event", true, "Event", "ev");
    addResource(resources, "configmaps", "configmap", true, "ConfigMap", "cm");
    return list;
  }

  static ObjectNode groups() {
    ObjectNode list = JSON.createObjectNode();
    list.put("kind", "APIGroupList").put("apiVersion", "v1");
    ArrayNode groups = list.putArray("groups");
    addGroup(groups, IisFarm.GROUP, IisFarm.VERSION);
    addGroup(groups, "coordination.k8s.io", "v1");
    return list;
  }

  static ObjectNode iisFarmResources() {
    ObjectNode list = resourceList(IisFarm.GROUP + "/" + IisFarm.VERSION);
    ArrayNode resources = (ArrayNode) list.get("resources");
    ObjectNode farms = addResource(resources, "iisfarms", "iisfarm", true, "IisFarm", "iisf");
    farms.putArray("categories").add("all");
    ObjectNode status = resources.addObject();
    status.put("name", "iisfarms/status").put("singularName", "").put("namespaced", true).put("kind", "IisFarm");
    status.putArray("verbs").add("get").add("patch").add("update");
    return list;
  }

  /** Leases, for leader election; the group is listed in {@link #groups()}, so kubectl reads it. */
  static ObjectNode coordinationResources() {
    ObjectNode list = resourceList("coordination.k8s.io/v1");
    addResource((ArrayNode) list.get("resources"), "leases", "lease", true, "Lease", null);
    return list;
  }

  private static ObjectNode resourceList(String groupVersion) {
    ObjectNode list = JSON.createObjectNode();
    list.put("kind", "APIResourceList").put("apiVersion", "v1").put("groupVersion", groupVersion);
    list.putArray("resources");
    return list;
  }

  private static ObjectNode addResource(ArrayNode resources, String name, String singular, boolean namespaced,
      String kind, String shortName) {
    ObjectNode r = resources.addObject();
    r.put("name", name).put("singularName", singular).put("namespaced", namespaced).put("kind", kind);
    ArrayNode verbs = r.putArray("verbs");
    for (String verb : ALL_VERBS) {
      verbs.add(verb);
    }
    if (shortName != null) {
      r.putArray("shortNames").add(shortName);
    }
    return r;
  }

  private static void addGroup(ArrayNode groups, String name, String version) {
    ObjectNode group = groups.addObject();
    group.put("name", name);
    ObjectNode gv = JSON.createObjectNode().put("groupVersion", name + "/" + version).put("version", version);
    group.putArray("versions").add(gv);
    group.set("preferredVersion", gv.deepCopy());
  }
}
