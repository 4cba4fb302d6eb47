package io.iisfarm.operator.simulator.windows;

import io.iisfarm.operator.simulator.windows.SiteView.ApplicationView;
import java.util.ArrayList;
import java.util.List;

/** Builds the read-only {@link SiteView}s from either IIS model. */
final class Views {
  private Views() {}

  static List<SiteView> iis7(ApplicationHostConfig config) {
    List<SiteView> out = new ArrayList<>();
    for (ApplicationHostConfig.Site s : config.sites()) {
      String rootPath = null;
      List<ApplicationView> apps = new ArrayList<>();
      for (ApplicationHostConfig.App a : s.apps) {
        String physical = a.vdirs.isEmpty() ? null : a.vdirs.get(0).physicalPath();
        if (a.path.equals("/")) {
          rootPath = physical;
        } else {
          apps.add(new ApplicationView(a.path, physical, null));
        }
      }
      out.add(new SiteView(s.name, s.id, s.started ? "Started" : "Stopped", s.bindings, rootPath, null, apps));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static List<SiteView> iis6(Metabase mb) {
    List<SiteView> out = new ArrayList<>();
    for (Metabase.Key site : mb.sites()) {
      long id;
      try {
        id = Long.parseLong(site.name);
      } catch (NumberFormatException e) {
        continue;
      }
      List<String> bindings = new ArrayList<>();
      addBindings(bindings, "http", (List<String>) site.value("ServerBindings"));
      addBindings(bindings, "https", (List<String>) site.value("SecureBindings"));
      Metabase.Key root = site.child("ROOT").orElse(null);
      List<ApplicationView> apps = new ArrayList<>();
      if (root != null) {
        collectApps(root, "", apps);
      }
      out.add(new SiteView(Metabase.siteName(site), id, Metabase.started(site) ? "Started" : "Stopped", bindings,
          root == null ? null : (String) root.value("Path"), root == null ? null : (String) root.value("AppRoot"),
          apps));
    }
    return out;
  }

  private static void addBindings(List<String> out, String protocol, List<String> bindings) {
    if (bindings == null) {
      return;
    }
    for (String b : bindings) {
      out.add(protocol + "/" + (b.startsWith(":") ? "*" + b : b));
    }
  }

  private static void collectApps(Metabase.Key parent, String prefix, List<ApplicationView> out) {
    for (Metabase.Key child : parent.children) {
      String path = prefix + "/" + child.name;
      if (child.value("AppRoot") != null) {
        out.add(new ApplicationView(path, (String) child.value("Path"), (String) child.value("AppRoot")));
      }
      collectApps(child, path, out);
    }
  }
}
