package io.iisfarm.operator.plan;

import io.iisfarm.operator.api.DrainSpec;
import io.iisfarm.operator.api.HealthCheckSpec;
import io.iisfarm.operator.api.MaintenanceWindowSpec;
import io.iisfarm.operator.api.RolloutSpec;
import io.iisfarm.operator.api.SiteHealthCheckSpec;
import io.iisfarm.operator.api.WebhookDrainSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The checks of spec.rollout's windows, drain and health checks that the schema cannot make. */
final class RolloutRules {
  private RolloutRules() {}

  static void check(List<SpecProblem> out, RolloutSpec rollout) {
    SpecValidator.duration(out, "spec.rollout.expectedStepDuration", rollout.getExpectedStepDuration(),
        Duration.ofSeconds(1));
    List<MaintenanceWindowSpec> windows = rollout.getWindows() == null ? List.of() : rollout.getWindows();
    for (int i = 0; i < windows.size(); i++) {
      window(out, "spec.rollout.windows[" + i + "]", windows.get(i));
    }
    drain(out, rollout.getDrain());
    health(out, rollout.getHealthCheck());
  }

  private static void window(List<SpecProblem> out, String path, MaintenanceWindowSpec w) {
    if (w == null) {
      out.add(new SpecProblem(path, "empty entry: give days, start and end"));
      return;
    }
    if (w.getDays() == null || w.getDays().isEmpty() || w.getDays().stream().anyMatch(d -> d == null)) {
      out.add(new SpecProblem(path + ".days", "name the days the window opens on: Mon, Tue, Wed, Thu, Fri, Sat,"
          + " Sun"));
    }
    boolean times = time(out, path + ".start", w.getStart()) & time(out, path + ".end", w.getEnd());
    if (times && w.getStart().equals(w.getEnd())) {
      out.add(new SpecProblem(path, "start and end are both " + w.getStart() + ": give the window a length (an"
          + " end before the start closes on the next day, e.g. 22:00 to 02:00)"));
    }
    if (w.getTimeZone() != null) {
      try {
        ZoneId.of(w.getTimeZone());
      } catch (DateTimeException e) {
        out.add(new SpecProblem(path + ".timeZone", "'" + w.getTimeZone() + "' is not an IANA time zone: use e.g."
            + " Europe/Berlin, America/New_York or UTC"));
      }
    }
  }

  private static boolean time(List<SpecProblem> out, String path, String text) {
    if (text == null || !text.matches(MaintenanceWindowSpec.TIME_PATTERN)) {
      out.add(new SpecProblem(path, "'" + text + "' is not a 24-hour time: write HH:MM, e.g. 22:00"));
      return false;
    }
    return true;
  }

  private static void drain(List<SpecProblem> out, DrainSpec drain) {
    if (drain == null) {
      return;
    }
    if (drain.getNlb() != null) {
      SpecValidator.duration(out, "spec.rollout.drain.nlb.timeout", drain.getNlb().getTimeout(),
          Duration.ofSeconds(1));
      SpecValidator.duration(out, "spec.rollout.drain.nlb.pollInterval", drain.getNlb().getPollInterval(),
          Duration.ofMillis(100));
    }
    SpecValidator.duration(out, "spec.rollout.drain.delay", drain.getDelay(), Duration.ZERO);
    WebhookDrainSpec webhook = drain.getWebhook();
    if (webhook != null) {
      String url = webhook.getUrl();
      if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("https://")) {
        out.add(new SpecProblem("spec.rollout.drain.webhook.url", "'" + url + "' is not an https URL: the"
            + " webhook is called over TLS only, e.g. https://lb-controller.corp.example/iisfarm"));
      } else {
        try {
          URI uri = new URI(url);
          if (uri.getHost() == null) {
            throw new URISyntaxException(url, "no host");
          }
        } catch (URISyntaxException e) {
          out.add(new SpecProblem("spec.rollout.drain.webhook.url", "'" + url + "' is not a URL with a host"));
        }
      }
      SpecValidator.secretRef(out, "spec.rollout.drain.webhook.caSecretRef", webhook.getCaSecretRef(), false,
          "the Secret holding ca.crt, the CA of the webhook's certificate");
      SpecValidator.secretRef(out, "spec.rollout.drain.webhook.tokenSecretRef", webhook.getTokenSecretRef(), false,
          "the Secret holding the bearer token");
      SpecValidator.duration(out, "spec.rollout.drain.webhook.timeout", webhook.getTimeout(),
          Duration.ofMillis(100));
      if (webhook.getRetries() != null && (webhook.getRetries() < 0 || webhook.getRetries() > 10)) {
        out.add(new SpecProblem("spec.rollout.drain.webhook.retries", webhook.getRetries() + " is out of range:"
            + " use 0..10"));
      }
    }
  }

  private static void health(List<SpecProblem> out, HealthCheckSpec health) {
    if (health == null) {
      return;
    }
    SpecValidator.duration(out, "spec.rollout.healthCheck.timeout", health.getTimeout(), Duration.ofMillis(100));
    SpecValidator.duration(out, "spec.rollout.healthCheck.interval", health.getInterval(), Duration.ZERO);
    if (health.getAttempts() != null && (health.getAttempts() < 1 || health.getAttempts() > 10)) {
      out.add(new SpecProblem("spec.rollout.healthCheck.attempts", health.getAttempts() + " is out of range: use"
          + " 1..10"));
    }
    List<SiteHealthCheckSpec> sites = health.getSites() == null ? List.of() : health.getSites();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < sites.size(); i++) {
      String path = "spec.rollout.healthCheck.sites[" + i + "]";
      SiteHealthCheckSpec site = sites.get(i);
      if (site == null || site.getSite() == null || site.getSite().isBlank()) {
        out.add(new SpecProblem(path + ".site", "missing: name the IIS site to check"));
        continue;
      }
      if (!seen.add(site.getSite().toLowerCase(Locale.ROOT))) {
        out.add(new SpecProblem(path + ".site", "'" + site.getSite() + "' is checked twice: give each site one"
            + " check"));
      }
      if (site.getPath() != null && !site.getPath().startsWith("/")) {
        out.add(new SpecProblem(path + ".path", "'" + site.getPath() + "' must start with /"));
      }
      if (site.getExpectedStatus() != null) {
        if (site.getExpectedStatus().isEmpty()) {
          out.add(new SpecProblem(path + ".expectedStatus", "empty: list the status codes that count as healthy,"
              + " or leave it out for [200]"));
        }
        site.getExpectedStatus().stream().filter(c -> c == null || c < 100 || c > 599).findFirst().ifPresent(c ->
            out.add(new SpecProblem(path + ".expectedStatus", c + " is not an HTTP status code (100-599)")));
      }
    }
  }
}
