package io.iisfarm.operator.simulator.windows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes a request on a binding port to a site as HTTP.sys does for IIS: among the started sites with an http
 * binding on that port, the one whose binding names the Host header wins over one with an empty host name
 * (which takes every name). A request only a stopped site's binding matches is answered by HTTP.sys with 404
 * (a stopped site removes its URL registration; public captures of IIS6 and IIS7 show 404 then); a host name
 * no binding takes gets HTTP.sys's 400 "Invalid Hostname". A started site answers 200, or, while ASP.NET
 * cannot load its configuration, ASP.NET's 500 "Configuration Error". Page contents are not modelled: every
 * path of a healthy site answers 200. https bindings are not served.
 */
final class HttpSys {
  private static final Pattern BINDING = Pattern.compile("(?i)(https?)/([^:]*|\\[[^\\]]*\\]):(\\d{1,5}):(.*)");
  static final String HTTPSYS = "Microsoft-HTTPAPI/2.0";

  private HttpSys() {}

  /** The ports of the sites' http bindings, in order. */
  static List<Integer> httpPorts(List<SiteView> sites) {
    TreeSet<Integer> ports = new TreeSet<>();
    for (SiteView site : sites) {
      for (String b : site.bindings()) {
        Matcher m = BINDING.matcher(b);
        if (m.matches() && m.group(1).equalsIgnoreCase("http")) {
          ports.add(Integer.parseInt(m.group(3)));
        }
      }
    }
    return new ArrayList<>(ports);
  }

  /**
   * @param hostHeader the request's Host header, with or without a port; null when absent
   * @param configurationBroken whether ASP.NET cannot load the configuration of the named site
   */
  static HttpAnswer answer(List<SiteView> sites, int port, String hostHeader,
      Predicate<String> configurationBroken, String iisVersion) {
    String name = hostName(hostHeader);
    SiteView exact = null;
    SiteView wildcard = null;
    boolean stoppedMatch = false;
    for (SiteView site : sites) {
      for (String b : site.bindings()) {
        Matcher m = BINDING.matcher(b);
        if (!m.matches() || !m.group(1).equalsIgnoreCase("http") || Integer.parseInt(m.group(3)) != port) {
          continue;
        }
        String bound = m.group(4);
        boolean named = !bound.isEmpty() && bound.equalsIgnoreCase(name);
        if (!named && !bound.isEmpty()) {
          continue;
        }
        if (!site.started()) {
          stoppedMatch = true;
        } else if (named && exact == null) {
          exact = site;
        } else if (!named && wildcard == null) {
          wildcard = site;
        }
      }
    }
    SiteView site = exact != null ? exact : wildcard;
    if (site == null) {
      return stoppedMatch ? notFound() : invalidHostname();
    }
    String server = "Microsoft-IIS/" + iisVersion;
    if (configurationBroken.test(site.name())) {
      return new HttpAnswer(500, "Internal Server Error", configurationError(), site.name(), server);
    }
    return new HttpAnswer(200, "OK", "<!DOCTYPE html>\r\n<html><head><title>" + site.name() + "</title></head>"
        + "<body>" + site.name() + "</body></html>\r\n", site.name(), server);
  }

  /** Whether any machine.config or root web.config of the host holds {@code text}. Under the host's lock. */
  static boolean configurationHolds(HostRuntime host, String text) {
    for (String framework : new String[] {"Framework", "Framework64"}) {
      for (String version : new String[] {"v2.0.50727", "v4.0.30319"}) {
        for (String file : new String[] {"machine.config", "web.config"}) {
          String path = host.windir() + "\\Microsoft.NET\\" + framework + "\\" + version + "\\CONFIG\\" + file;
          if (host.fs.isFile(path) && new String(host.fs.read(path), StandardCharsets.ISO_8859_1).contains(text)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static String hostName(String header) {
    if (header == null) {
      return "";
    }
    String h = header.strip();
    if (h.startsWith("[")) {
      int close = h.indexOf(']');
      return close < 0 ? h : h.substring(0, close + 1);
    }
    int colon = h.indexOf(':');
    return (colon < 0 ? h : h.substring(0, colon)).toLowerCase(Locale.ROOT);
  }

  private static HttpAnswer notFound() {
    return new HttpAnswer(404, "Not Found", page("Not Found", "HTTP Error 404. The requested resource is not found."),
        null, HTTPSYS);
  }

  private static HttpAnswer invalidHostname() {
    return new HttpAnswer(400, "Bad Request", page("Bad Request - Invalid Hostname",
        "HTTP Error 400. The request hostname is invalid."), null, HTTPSYS);
  }

  private static String page(String title, String text) {
    return "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\"\"http://www.w3.org/TR/html4/strict.dtd\">\r\n"
        + "<HTML><HEAD><TITLE>" + title + "</TITLE>\r\n"
        + "<META HTTP-EQUIV=\"Content-Type\" Content=\"text/html; charset=us-ascii\"></HEAD>\r\n"
        + "<BODY><h2>" + title + "</h2>\r\n<hr><p>" + text + "</p>\r\n</BODY></HTML>\r\n";
  }

  private static String configurationError() {
    return "<html><head><title>Configuration Error</title></head><body>\r\n"
        + "<h1>Server Error in '/' Application.</h1>\r\n<h2><i>Configuration Error</i></h2>\r\n"
        + "<b>Description: </b>An error occurred during the processing of a configuration file required to service"
        + " this request.\r\n</body></html>\r\n";
  }
}
