package io.iisfarm.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.api.DrainSpec;
import io.iisfarm.operator.api.HealthCheckSpec;
import io.iisfarm.operator.api.IisFarmSpec;
import io.iisfarm.operator.api.MaintenanceWindowSpec;
import io.iisfarm.operator.api.SiteHealthCheckSpec;
import io.iisfarm.operator.api.WebhookDrainSpec;
import io.iisfarm.operator.api.Weekday;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** spec.rollout's windows, drain and health checks: what the schema cannot check, the validator does. */
class RolloutRulesTest {

  private static SpecProblem onlyProblem(Consumer<IisFarmSpec> change) {
    IisFarmSpec spec = SpecValidatorTest.validSpec();
    change.accept(spec);
    List<SpecProblem> problems = SpecValidator.validate(spec);
    assertThat(problems).hasSize(1);
    return problems.get(0);
  }

  private static void window(IisFarmSpec spec, String start, String end, String zone) {
    spec.getRollout().setWindows(new ArrayList<>(List.of(
        new MaintenanceWindowSpec(List.of(Weekday.SAT), start, end, zone))));
  }

  @Test
  void aWindowCrossingMidnightInAKnownZoneIsValid() {
    IisFarmSpec spec = SpecValidatorTest.validSpec();
    window(spec, "22:00", "02:00", "Europe/Berlin");

    assertThat(SpecValidator.validate(spec)).isEmpty();
  }

  @Test
  void aWindowWithoutLengthIsRefused() {
    SpecProblem p = onlyProblem(s -> window(s, "22:00", "22:00", "UTC"));

    assertThat(p.field()).isEqualTo("spec.rollout.windows[0]");
    assertThat(p.message()).contains("give the window a length");
  }

  @Test
  void anUnknownTimeZoneIsRefused() {
    SpecProblem p = onlyProblem(s -> window(s, "22:00", "02:00", "Europe/Atlantis"));

    assertThat(p.field()).isEqualTo("spec.rollout.windows[0].timeZone");
    assertThat(p.message()).contains("IANA", "Europe/Berlin");
  }

  @Test
  void aWindowTimeOutsideTheDayIsRefused() {
    SpecProblem p = onlyProblem(s -> window(s, "24:00", "02:00", "UTC"));

    assertThat(p.field()).isEqualTo("spec.rollout.windows[0].start");
  }

  @Test
  void theWebhookMustBeHttps() {
    SpecProblem p = onlyProblem(s -> {
      DrainSpec drain = new DrainSpec();
      WebhookDrainSpec webhook = new WebhookDrainSpec();
      webhook.setUrl("http://lb.example/drain");
      drain.setWebhook(webhook);
      s.getRollout().setDrain(drain);
    });

    assertThat(p.field()).isEqualTo("spec.rollout.drain.webhook.url");
    assertThat(p.message()).contains("https");
  }

  @Test
  void aDrainDelayMustBeADuration() {
    SpecProblem p = onlyProblem(s -> {
      DrainSpec drain = new DrainSpec();
      drain.setDelay("30");
      s.getRollout().setDrain(drain);
    });

    assertThat(p.field()).isEqualTo("spec.rollout.drain.delay");
  }

  @Test
  void healthChecksNeedRealStatusCodesAndOneCheckPerSite() {
    IisFarmSpec spec = SpecValidatorTest.validSpec();
    HealthCheckSpec health = new HealthCheckSpec();
    SiteHealthCheckSpec shop = new SiteHealthCheckSpec();
    shop.setSite("Shop");
    shop.setExpectedStatus(List.of(200, 700));
    SiteHealthCheckSpec again = new SiteHealthCheckSpec();
    again.setSite("SHOP");
    health.setSites(List.of(shop, again));
    spec.getRollout().setHealthCheck(health);

    assertThat(SpecValidator.validate(spec)).extracting(SpecProblem::field).containsExactly(
        "spec.rollout.healthCheck.sites[0].expectedStatus", "spec.rollout.healthCheck.sites[1].site");
  }
}
