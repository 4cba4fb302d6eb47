package io.iisfarm.operator.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.iisfarm.operator.simulator.windows.CommandResult;
import io.iisfarm.operator.simulator.windows.DriftAction;
import io.iisfarm.operator.simulator.windows.HostDefinition;
import io.iisfarm.operator.simulator.windows.SharedConfigurationStores;
import io.iisfarm.operator.simulator.windows.SiteStateListener;
import io.iisfarm.operator.simulator.windows.SiteView;
import io.iisfarm.operator.simulator.windows.WindowsHost;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default {@link HostBackendFactory}: the Windows/IIS emulation of package {@code windows}. */
final class WindowsBackends {
  private WindowsBackends() {}

  /** A factory for one farm: hosts of the farm naming the same shared configuration store share it. */
  static HostBackendFactory factory() {
    SharedConfigurationStores stores = new SharedConfigurationStores();
    return keys -> new WindowsHostBackend(WindowsHost.create(HostDefinition.fromTree(keys), Clock.systemUTC(), stores));
  }

  /** A {@link WindowsHost} seen as a farm host. */
  static final class WindowsHostBackend implements HostBackend {
    private static final Logger LOG = LoggerFactory.getLogger(WindowsHostBackend.class);

    private final WindowsHost host;

    WindowsHostBackend(WindowsHost host) {
      this.host = host;
    }

    WindowsHost windowsHost() {
      return host;
    }

    @Override
    public CommandResult run(String commandLine) {
      return host.run(commandLine);
    }

    @Override
    public CommandResult run(String commandLine, int codePage) {
      return host.run(commandLine, codePage);
    }

    @Override
    public int oemCodePage() {
      return host.oemCodePage();
    }

    @Override
    public io.iisfarm.operator.simulator.windows.ProgramFaults programFaults() {
      return host.programFaults();
    }

    @Override
    public String hostname() {
      return host.hostname();
    }

    @Override
    public String iisVersion() {
      return host.iisVersion();
    }

    @Override
    public String osName() {
      return host.os().displayName();
    }

    @Override
    public void addSiteStateListener(SiteStateListener listener) {
      host.addSiteStateListener(listener);
    }

    @Override
    public Runnable drift(JsonNode change) {
      DriftAction action = DriftAction.fromTree(change);
      return () -> {
        try {
          host.applyDrift(action);
        } catch (IllegalArgumentException e) {
          LOG.warn("drift on {} does not fit the host: {}", host.hostname(), e.getMessage());
          throw e;
        }
      };
    }

    @Override
    public boolean siteStarted(String siteName) {
      return host.site(siteName).map(SiteView::started).orElse(false);
    }

    @Override
    public List<Integer> httpBindingPorts() {
      return host.httpBindingPorts();
    }

    @Override
    public io.iisfarm.operator.simulator.windows.HttpAnswer answerHttp(int bindingPort, String hostHeader) {
      return host.answerHttp(bindingPort, hostHeader);
    }

    @Override
    public List<String> siteNames() {
      return host.sites().stream().map(SiteView::name).toList();
    }
  }
}
