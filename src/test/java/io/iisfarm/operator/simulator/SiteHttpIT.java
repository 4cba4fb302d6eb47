package io.iisfarm.operator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.simulator.windows.DriftAction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Simulated hosts serve their sites over HTTP on loopback, one port per binding port, routed by Host header:
 * 200 from a started site, 404 once it is stopped, 500 while ASP.NET cannot load its configuration, 400 for a
 * name no binding takes. Requests are written by hand, so no HTTP client's habits are assumed.
 */
class SiteHttpIT {
  private static final String FARM = """
      hosts:
        - name: web10
          os: server2019
          winrm: {transport: http, password: sim-only-10}
          http: {}
          frameworks: [{runtime: v4.0, bitness: 64}]
          sites:
            - {name: Default Web Site, id: 1, bindings: ["http/*:8080:"]}
            - {name: Shop, id: 2, bindings: ["http/*:80:shop.example.com"]}
            - {name: Api, id: 3, bindings: ["http/*:80:api.example.com", "https/*:443:api.example.com"]}
        - name: web06
          os: server2003
          winrm: {transport: http, password: sim-only-06}
          frameworks: [{runtime: v2.0, bitness: 32}]
          sites:
            - {name: Shop, id: 2, bindings: ["http/*:80:shop.example.com"]}
      """;

  private static SimulatedFarm farm;

  @BeforeAll
  static void start() {
    farm = SimulatedFarm.fromYaml(FARM);
  }

  @AfterAll
  static void stop() {
    farm.close();
  }

  @Test
  void eachHttpBindingPortIsServedOnItsOwnLoopbackPortOnlyWhereTheFileAsks() {
    SimulatedHost web10 = farm.host("web10");

    assertThat(web10.httpPorts()).containsOnlyKeys(80, 8080);
    assertThat(web10.httpPorts().get(80)).isNotEqualTo(web10.httpPorts().get(8080)).isPositive();
    assertThat(farm.host("web06").httpPorts()).isEmpty();
  }

  @Test
  void theHostHeaderPicksTheSite() throws IOException {
    SimulatedHost web10 = farm.host("web10");
    int port80 = web10.httpPorts().get(80);

    assertThat(get(port80, "shop.example.com")).startsWith("HTTP/1.1 200 OK").contains("<title>Shop</title>");
    assertThat(get(port80, "API.example.com:80")).startsWith("HTTP/1.1 200 OK").contains("<title>Api</title>");
    assertThat(get(port80, "www.example.com")).startsWith("HTTP/1.1 400 Bad Request")
        .contains("The request hostname is invalid").contains("Server: Microsoft-HTTPAPI/2.0");
    // a binding without a host name takes every name on its port
    assertThat(get(web10.httpPorts().get(8080), "anything")).startsWith("HTTP/1.1 200 OK")
        .contains("Default Web Site").contains("Server: Microsoft-IIS/10.0");
  }

  @Test
  void aStoppedSiteIsNotFoundAndAStartedOneAnswersAgain() throws IOException {
    SimulatedHost web10 = farm.host("web10");
    int port80 = web10.httpPorts().get(80);

    web10.windows().applyDrift(DriftAction.fromYaml("{kind: siteState, site: Api, state: Stopped}"));
    String stopped = get(port80, "api.example.com");
    web10.windows().applyDrift(DriftAction.fromYaml("{kind: siteState, site: Api, state: Started}"));

    assertThat(stopped).startsWith("HTTP/1.1 404 Not Found").contains("HTTP Error 404");
    assertThat(get(port80, "api.example.com")).startsWith("HTTP/1.1 200 OK");
  }

  @Test
  void sitesAnswer500WhileAspNetCannotLoadItsConfiguration() throws IOException {
    SimulatedHost web10 = farm.host("web10");
    int port80 = web10.httpPorts().get(80);
    String machineConfig = web10.windows().configPath("v4.0", 64, false);
    String marker = "<system.web>";
    assertThat(new String(web10.windows().readFile(machineConfig).orElseThrow(), StandardCharsets.ISO_8859_1))
        .contains(marker);

    web10.windows().aspNetConfigurationFault(marker);
    String broken = get(port80, "shop.example.com");
    boolean brokenFlag = web10.windows().aspNetConfigurationBroken("Shop");
    web10.windows().aspNetConfigurationFault(null);

    assertThat(brokenFlag).isTrue();
    assertThat(broken).startsWith("HTTP/1.1 500 Internal Server Error").contains("Configuration Error");
    assertThat(web10.windows().aspNetConfigurationBroken("Shop")).isFalse();
    assertThat(get(port80, "shop.example.com")).startsWith("HTTP/1.1 200 OK");
  }

  /** One GET written byte by byte; returns the whole response. */
  private static String get(int port, String host) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET /health HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
