package io.iisfarm.operator.simulator.windows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Hosts the tests run commands on. */
final class TestHosts {
  private TestHosts() {}

  static final String IIS10 = """
      name: web10
      os: server2019
      user: farmadmin
      frameworks:
        - runtime: v4.0
          bitness: 32
          machineConfig: {machineKey: {validationKey: "AutoGenerate,IsolateApps", decryptionKey: "AutoGenerate,IsolateApps"}}
        - runtime: v4.0
          bitness: 64
          machineConfig: {bom: true}
      sites:
        - name: Default Web Site
          id: 1
          state: Stopped
          bindings: ["http/*:80:"]
        - name: Shop
          id: 3
          bindings: ["http/*:80:shop.example.com"]
          physicalPath: C:\\inetpub\\Shop
          applications:
            - path: /checkout
        - name: Api
          id: 2
          bindings: ["http/*:80:api.example.com"]
          physicalPath: C:\\inetpub\\Api
          appPool: Api
      """;

  static final String IIS6 = """
      name: web06
      os: server2003
      user: farmadmin
      frameworks:
        - runtime: v2.0
          bitness: 32
      sites:
        - name: Default Web Site
          id: 1
          state: Stopped
          bindings: ["http/*:80:"]
        - name: Shop
          id: 1739249713
          bindings: ["http/*:80:shop.example.com"]
          physicalPath: D:\\Sites\\Shop
          appRoot: /LM/W3SVC/1739249713/Root
          applications:
            - path: /checkout
              appRoot: /LM/W3SVC/1739249713/Root/checkout
        - name: Api
          id: 2
          bindings: ["http/*:80:api.example.com"]
          physicalPath: D:\\Sites\\Api
      """;

  static WindowsHost iis10() {
    return WindowsHost.create(HostDefinition.fromYaml(IIS10));
  }

  static WindowsHost iis6() {
    return WindowsHost.create(HostDefinition.fromYaml(IIS6));
  }

  /** The sample farm's host entries with the WinRM server's keys removed, as the farm runtime passes them. */
  static List<HostDefinition> sampleFarm() throws IOException {
    try (InputStream in = WindowsHost.class.getResourceAsStream("/simulator/sample-farm.yaml")) {
      JsonNode farm = new ObjectMapper(new YAMLFactory()).readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      List<HostDefinition> hosts = new ArrayList<>();
      for (JsonNode host : farm.get("hosts")) {
        ObjectNode copy = ((ObjectNode) host).deepCopy();
        HostDefinition.WINRM_SIDE_KEYS.forEach(copy::remove);
        hosts.add(HostDefinition.fromTree(copy));
      }
      return hosts;
    }
  }
}
