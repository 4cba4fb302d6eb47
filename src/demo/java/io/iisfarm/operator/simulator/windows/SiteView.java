package io.iisfarm.operator.simulator.windows;

import java.util.List;

/**
 * A site as a simulated host holds it, for tests, the benchmark and the demo.
 *
 * @param name the site name (on IIS6 the ServerComment)
 * @param state {@code Started} or {@code Stopped}
 * @param bindings in appcmd form, e.g. {@code http/*:80:shop.example.com} (IIS6 ServerBindings and
 *     SecureBindings are shown the same way)
 * @param physicalPath of the root virtual directory, as configured
 * @param appRoot IIS6 only: the AppRoot of the site's ROOT key, exactly as stored; null on IIS7+
 * @param applications child applications
 */
public record SiteView(String name, long id, String state, List<String> bindings, String physicalPath,
    String appRoot, List<ApplicationView> applications) {

  public SiteView {
    bindings = List.copyOf(bindings);
    applications = List.copyOf(applications);
  }

  public boolean started() {
    return "Started".equals(state);
  }

  /**
   * A child application of a site.
   *
   * @param path virtual path such as {@code /checkout}
   * @param appRoot IIS6 only, exactly as stored; null on IIS7+
   */
  public record ApplicationView(String path, String physicalPath, String appRoot) {}
}
