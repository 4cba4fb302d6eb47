package io.iisfarm.operator.simulator.windows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The IIS Shared Configuration stores of one simulated farm, by UNC path ("Configuration Redirection
 * &lt;configurationRedirection&gt;", learn.microsoft.com/iis/configuration/configurationredirection): hosts whose
 * redirection.config points at the same path read and write one applicationHost.config, so a site ID changed on
 * one of them is changed on all. Modelled: the site list (names, IDs, bindings, applications) is one object for
 * all of them, and their command lines take one lock. Simplified: a site's started state is kept with the shared
 * site list too (Windows keeps it per host), and only the host that ran a command hears its site events.
 */
public final class SharedConfigurationStores {
  /** One store: its sites, and the lock every host sharing it runs its command lines under. */
  static final class Store {
    final List<ApplicationHostConfig.Site> sites = new ArrayList<>();
    final ReentrantLock lock = new ReentrantLock();
    boolean populated;
  }

  private final Map<String, Store> stores = new HashMap<>();

  /** The store at {@code path} (compared case-insensitively, as UNC paths are), made on first use. */
  synchronized Store join(String path) {
    return stores.computeIfAbsent(path.toLowerCase(Locale.ROOT), p -> new Store());
  }
}
