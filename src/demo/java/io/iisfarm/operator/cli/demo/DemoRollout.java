package io.iisfarm.operator.cli.demo;

import io.iisfarm.operator.api.DrainSpec;
import io.iisfarm.operator.api.HealthCheckSpec;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.NlbDrainSpec;
import io.iisfarm.operator.api.SiteHealthCheckSpec;
import java.util.List;

/**
 * The demo's rollout as an admin of an NLB farm would write it: each host leaves NLB before its change, and
 * its sites must answer before it rejoins. Short waits, for a demo on loopback.
 */
public final class DemoRollout {
  private DemoRollout() {}

  public static IisFarm withDrainAndHealthChecks(IisFarm farm) {
    DrainSpec drain = new DrainSpec();
    NlbDrainSpec nlb = new NlbDrainSpec();
    nlb.setTimeout("30s");
    nlb.setPollInterval("500ms");
    drain.setNlb(nlb);
    HealthCheckSpec health = new HealthCheckSpec();
    health.setSites(List.of(site("Shop", "shop.example.com"), site("Api", "api.example.com")));
    health.setInterval("1s");
    farm.getSpec().getRollout().setDrain(drain);
    farm.getSpec().getRollout().setHealthCheck(health);
    return farm;
  }

  private static SiteHealthCheckSpec site(String name, String host) {
    SiteHealthCheckSpec check = new SiteHealthCheckSpec();
    check.setSite(name);
    check.setHost(host);
    check.setPath("/");
    return check;
  }
}
