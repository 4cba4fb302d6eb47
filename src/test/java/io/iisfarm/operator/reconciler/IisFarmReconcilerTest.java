package io.iisfarm.operator.reconciler;

import static io.iisfarm.operator.reconciler.ReconcilerWorld.KEY_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.iisfarm.operator.api.HostStatus;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmStatus;
import io.iisfarm.operator.api.InFlightStep;
import io.iisfarm.operator.api.MaintenanceWindowSpec;
import io.iisfarm.operator.api.Mode;
import io.iisfarm.operator.api.PlannedStep;
import io.iisfarm.operator.api.SiteSpec;
import io.iisfarm.operator.api.Transport;
import io.iisfarm.operator.api.ValidationAlgorithm;
import io.iisfarm.operator.api.Weekday;
import io.iisfarm.operator.reconciler.ReconcilerWorld.Reconciled;
import io.iisfarm.operator.simulator.windows.DriftAction;
import io.iisfarm.operator.simulator.windows.SiteView;
import io.iisfarm.operator.simulator.windows.WindowsHost;
import io.iisfarm.operator.testing.InProcessHosts;
import io.iisfarm.operator.testing.SecretScan;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reconciler, called directly, over the sample farm's emulated Windows hosts in this process and a Kubernetes
 * side kept in memory ({@link ReconcilerWorld}). One row per behaviour: what the world is like (arrange), one
 * reconcile, and what it must have done: status, Events, when to look again, and the commands each host ran.
 * The integration tests prove the same on a real API server over real WinRM, one or two per behaviour.
 */
class IisFarmReconcilerTest {
  private static final Duration RESYNC = Duration.ofSeconds(60);
  /** certutil's answer when it cannot write the target file. */
  private static final String CERTUTIL_DENIED = "CertUtil: -decode command FAILED: 0x80070005 (WIN32: 5"
      + " ERROR_ACCESS_DENIED)\r\nCertUtil: Access is denied.\r\n";

  /** One behaviour: the world before, and what one reconcile must do in it. */
  record Case(String name, Consumer<ReconcilerWorld> arrange, Expectation expect) {
    @Override
    public String toString() {
      return name;
    }
  }

  @FunctionalInterface
  interface Expectation {
    void check(ReconcilerWorld world, Reconciled reconciled);
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("an enforced farm converges, one host at a time, and looks again at the resync", w -> {}, (w, r) -> {
          assertCondition(r.status(), "Ready", "True", "InSync");
          assertThat(r.status().getInSync()).isEqualTo("4/4");
          assertThat(r.status().getInFlight()).isNullOrEmpty();
          w.byName.values().forEach(h -> assertSitesRight(h.name(), h.windows()));
          assertEveryManagedFileHoldsTheFarmKey(w);
          assertThat(r.commandLines("web02")).anyMatch(IisFarmReconcilerTest::readsOrWritesAConfigFile);
          assertThat(r.messages("ChangeApplied")).extracting(m -> m.substring(0, 5))
              .containsExactlyInAnyOrder("web01", "web02", "web03", "web04");
          assertThat(r.requeue()).contains(RESYNC);
        }),

        new Case("an invalid spec touches no host and waits for a new spec",
            w -> w.spec(s -> s.setSites(List.of(new SiteSpec("Shop", 2L), new SiteSpec("SHOP", 3L)))), (w, r) -> {
              assertCondition(r.status(), "Ready", "False", "InvalidSpec").contains("spec.sites", "case-insensitively");
              assertNoHostContacted(r);
              assertThat(r.reasons()).containsExactly("InvalidSpec");
              assertThat(r.requeue()).as("no retry, no resync: only a new spec can fix it").isEmpty();
            }),

        new Case("a v4.0-only algorithm meeting a v2.0 runtime is an invalid spec: hosts are read, none changed",
            w -> w.spec(s -> s.getMachineKey().setValidation(ValidationAlgorithm.HMACSHA256)), (w, r) -> {
              assertCondition(r.status(), "Ready", "False", "InvalidSpec").contains("HMACSHA256");
              assertThat(r.commandLines("web01")).isNotEmpty();
              assertNoHostChanged(r);
              assertThat(r.events()).anyMatch(e -> e.reason().equals("InvalidSpec") && e.message().contains("web01"));
            }),

        new Case("a missing key Secret touches no host and says how to fix it", w -> w.deleteSecret(KEY_SECRET),
            (w, r) -> {
              assertCondition(r.status(), "Ready", "False", "SecretMissing").contains(KEY_SECRET, "generate");
              assertNoHostContacted(r);
              assertThat(r.requeue()).contains(RESYNC);
            }),

        new Case("a malformed key Secret is reported without its value, and no host is touched",
            w -> w.putSecret(KEY_SECRET, Map.of("validationKey", "00112233445566778899AABBCCDDEEFF00112233",
                "decryptionKey", "Z0112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF")), (w, r) -> {
              assertCondition(r.status(), "Ready", "False", "SecretInvalid").contains(KEY_SECRET)
                  .doesNotContain("00112233445566778899");
              assertNoHostContacted(r);
            }),

        new Case("a host's missing WinRM Secret blocks the farm before any host is contacted",
            w -> w.deleteSecret(ReconcilerWorld.winrmSecret("web03")), (w, r) -> {
              assertCondition(r.status(), "Ready", "False", "SecretMissing")
                  .contains(ReconcilerWorld.winrmSecret("web03"));
              assertNoHostContacted(r);
            }),

        new Case("adoptFrom a host that cannot be read: nothing is adopted or changed until it answers", w -> {
          w.deleteSecret(KEY_SECRET);
          w.spec(s -> s.getMachineKey().setAdoptFrom("web03"));
          w.host("web03").down(true);
        }, (w, r) -> {
          assertCondition(r.status(), "Ready", "False", "SecretMissing").contains("web03", "could not be read");
          assertThat(r.commandLines("web01")).as("the other hosts are read").isNotEmpty();
          assertNoHostChanged(r);
          assertThat(w.createdSecrets()).isEmpty();
          assertThat(r.status().getHosts()).extracting(HostStatus::message)
              .containsOnly("Not read in this check (SecretMissing).");
        }),

        new Case("adoptFrom a host holding AutoGenerate keys adopts nothing and says why",
            w -> {
              w.deleteSecret(KEY_SECRET);
              w.spec(s -> s.getMachineKey().setAdoptFrom("web01"));
            }, (w, r) -> {
              assertCondition(r.status(), "Ready", "False", "SecretMissing").contains("web01", "AutoGenerate");
              assertNoHostChanged(r);
              assertThat(w.createdSecrets()).isEmpty();
            }),

        new Case("adoptFrom copies that host's key into a new Secret and rolls it out", w -> {
          w.deleteSecret(KEY_SECRET);
          w.spec(s -> s.getMachineKey().setAdoptFrom("web03"));
        }, (w, r) -> {
          assertThat(w.createdSecrets()).containsExactly("web/" + KEY_SECRET + " (adopted from web03 v4.0/64"
              + " machine.config)");
          assertThat(w.secret(KEY_SECRET).orElseThrow().get("validationKey"))
              .isEqualTo(FarmFiles.validationKey(w.initialConfig("web03", "v4.0", 64)));
          assertCondition(r.status(), "Ready", "True", "InSync");
          assertEveryManagedFileHoldsTheFarmKey(w);
        }),

        new Case("generate creates the key Secret once and rolls it out", w -> {
          w.deleteSecret(KEY_SECRET);
          w.spec(s -> s.getMachineKey().setGenerate(true));
        }, (w, r) -> {
          assertThat(w.createdSecrets()).containsExactly("web/" + KEY_SECRET + " (generated)");
          assertThat(w.secret(KEY_SECRET).orElseThrow().get("validationKey")).matches("[0-9A-F]{128}");
          assertCondition(r.status(), "Ready", "True", "InSync");
          assertEveryManagedFileHoldsTheFarmKey(w);
        }),

        new Case("a host an older IisFarm names is left to it: not even read", w -> w.addFarm(olderFarmWith("web02")),
            (w, r) -> {
              assertThat(r.commandLines("web02")).isEmpty();
              assertThat(row(r.status(), "web02").message()).contains("HostClaimedElsewhere", "web/legacy");
              assertThat(r.status().getInSync()).isEqualTo("3/4");
              Stream.of("web01", "web03", "web04").forEach(h -> assertSitesRight(h, w.host(h).windows()));
            }),

        new Case("Audit reads every host, lists the plan and changes nothing, not even a backup",
            w -> w.spec(s -> s.setMode(Mode.AUDIT)), (w, r) -> {
              assertCondition(r.status(), "Ready", "False", "DriftDetected");
              assertCondition(r.status(), "Progressing", "False", "AuditMode");
              assertThat(r.status().getMode()).isEqualTo("Audit");
              assertThat(r.status().getPlannedSteps()).extracting(PlannedStep::host)
                  .contains("web01", "web02", "web04");
              assertNoHostChanged(r);
              r.commands().keySet().forEach(h -> assertThat(r.commandLines(h)).as(h)
                  .isNotEmpty().noneMatch(l -> l.contains("add backup") || l.contains("iisback")));
              assertThat(r.reasons()).contains("DriftDetected").doesNotContain("ChangeApplied");
            }),

        new Case("suspend observes and reports only", w -> w.spec(s -> s.setSuspend(true)), (w, r) -> {
          assertCondition(r.status(), "Progressing", null, "Suspended");
          assertThat(r.status().getMode()).isEqualTo("Suspended");
          assertThat(r.status().getHosts()).hasSize(4).allMatch(h -> Boolean.TRUE.equals(h.reachable()));
          assertThat(r.status().getPlannedSteps()).isNotEmpty();
          assertNoHostChanged(r);
        }),

        new Case("a step the previous operator left unfinished is resumed first, from its own backup", w -> {
          // the operator dies once web02 has moved a site: the step is on record, the host half-changed
          w.host("web02").killOperatorAfter("appcmd(\\.exe)? set site");
          assertThatThrownBy(w::reconcile).hasRootCauseInstanceOf(InProcessHosts.OperatorKilled.class);
          assertThat(w.status().getInFlight()).extracting(InFlightStep::host).containsExactly("web02");
          w.startOperator();
        }, (w, r) -> {
          List<String> web02 = r.commandLines("web02");
          assertThat(web02).as("web02 resumed with the backup taken before the kill")
              .noneMatch(l -> l.contains("add backup"));
          assertThat(r.changes("web02")).isNotEmpty();
          assertThat(r.status().getInFlight()).isNullOrEmpty();
          assertCondition(r.status(), "Ready", "True", "InSync");
          w.byName.values().forEach(h -> assertSitesRight(h.name(), h.windows()));
        }),

        new Case("a command failing half-way restores the backup, stops the rollout and retries soon", w ->
            w.host("web04").failCommands("certutil -f -decode", -2147024891, CERTUTIL_DENIED), (w, r) -> {
              assertCondition(r.status(), "Degraded", "True", "RolledBack");
              assertThat(row(r.status(), "web04").inSync()).isFalse();
              assertThat(r.commandLines("web04")).anyMatch(l -> l.contains("appcmd") && l.contains("restore backup"));
              assertThat(siteIds(w.host("web04").windows())).isEqualTo(w.initialSiteIds("web04"));
              FarmFiles.configs(w.host("web04").windows()).forEach((path, bytes) -> assertThat(bytes)
                  .as("%s restored byte for byte", path).isEqualTo(w.initialConfigs("web04").get(path)));
              assertThat(r.events()).anyMatch(e -> e.reason().equals("RolledBack") && e.message().startsWith("web04"));
              assertThat(r.status().getInFlight()).isNullOrEmpty();
              assertThat(r.requeue()).get().matches(d -> d.compareTo(RESYNC) < 0, "sooner than the resync");
            }),

        new Case("a change that does not verify (someone else moved a site meanwhile) is rolled back", w ->
            w.host("web03").afterCommand("certutil -f -decode", () -> w.host("web03").windows()
                .applyDrift(DriftAction.fromYaml("{kind: siteId, site: Shop, id: 7}"))), (w, r) -> {
              assertCondition(r.status(), "Degraded", "True", "RolledBack");
              assertThat(r.messages("RolledBack")).singleElement().asString().startsWith("web03")
                  .contains("verification failed", "Shop");
              assertThat(r.commandLines("web03")).anyMatch(l -> l.contains("restore backup"));
              assertThat(siteIds(w.host("web03").windows())).isEqualTo(w.initialSiteIds("web03"));
              FarmFiles.configs(w.host("web03").windows()).forEach((path, bytes) -> assertThat(bytes)
                  .as("%s restored byte for byte", path).isEqualTo(w.initialConfigs("web03").get(path)));
              assertThat(r.changes("web04")).as("no host after the failed one is changed").isEmpty();
            }),

        new Case("a change after which ASP.NET no longer loads its configuration is rolled back", w ->
            // another hand puts the farm key into web03's root web.config as the operator writes machine.config,
            // with an attribute .NET does not know: the files read back hold the farm key, but ASP.NET stops
            w.host("web03").afterCommand("certutil -f -decode", () -> w.host("web03").windows().applyDrift(
                DriftAction.fromYaml("{kind: configText, runtime: v4.0, bitness: 64, file: rootWebConfig, find:"
                    + " '<authorization>', replace: '<machineKey validationKey=\"" + w.farmKey("validationKey")
                    + "\" decryptionKey=\"" + w.farmKey("decryptionKey") + "\" validation=\"SHA1\""
                    + " decryption=\"AES\" bogusAttribute=\"1\" /> <authorization>'}"))), (w, r) -> {
              assertCondition(r.status(), "Degraded", "True", "RolledBack")
                  .contains("the ASP.NET configuration no longer loads", "bogusAttribute");
              assertThat(r.commandLines("web03")).anyMatch(l -> l.contains("appcmd.exe list config"));
              assertThat(w.host("web03").windows().readFile(w.host("web03").windows().configPath("v4.0", 64, false)))
                  .as("machine.config restored byte for byte")
                  .hasValueSatisfying(b -> assertThat(b).isEqualTo(w.initialConfig("web03", "v4.0", 64)));
              assertThat(r.changes("web04")).isEmpty();
            }),

        new Case("after a rolled-back change, the next reconcile converges once the host lets it", w -> {
          w.host("web04").failCommands("certutil -f -decode", -2147024891, CERTUTIL_DENIED);
          assertCondition(w.reconcile().status(), "Degraded", "True", "RolledBack");
          w.host("web04").clear();
        }, (w, r) -> {
          assertCondition(r.status(), "Ready", "True", "InSync");
          assertCondition(r.status(), "Degraded", "False", "NoFailures");
          assertSitesRight("web04", w.host("web04").windows());
          assertThat(r.requeue()).contains(RESYNC);
        }),

        new Case("drift made by hand is found at the next check and corrected on that host only", w -> {
          w.reconcile();
          w.host("web03").windows().applyDrift(DriftAction.fromYaml("{kind: siteId, site: Shop, id: 7}"));
        }, (w, r) -> {
          assertThat(r.messages("DriftCorrected")).singleElement().asString().startsWith("web03").contains("Shop");
          Stream.of("web01", "web02", "web04").forEach(h -> assertThat(r.changes(h)).as(h).isEmpty());
          assertThat(w.host("web03").windows().site("Shop").orElseThrow().id()).isEqualTo(2);
          assertCondition(r.status(), "Ready", "True", "InSync");
        }),

        new Case("outside the maintenance windows nothing changes, and the next look is as the window opens", w -> {
          w.spec(s -> s.getRollout().setWindows(List.of(window("12:31", "13:30"))));
        }, (w, r) -> {
          assertCondition(r.status(), "Ready", "False", "WaitingForMaintenanceWindow");
          assertNoHostChanged(r);
          assertThat(r.reasons()).contains("MaintenanceWindowWait");
          // the reconcile runs at 12:01; the window opens at 12:31, after the resync
          assertThat(r.requeue()).contains(RESYNC);
        }),

        new Case("a window opening before the resync is when the operator looks again", w -> w.spec(s -> {
          s.setResyncInterval("10m");
          s.getRollout().setWindows(List.of(window("12:05", "13:00")));
        }), (w, r) -> {
          assertNoHostChanged(r);
          // the reconcile runs at 12:01; a second after the window opens
          assertThat(r.requeue()).contains(Duration.ofMinutes(4).plusSeconds(1));
        }),

        new Case("the emergency annotation overrides closed windows, and says so", w -> {
          w.spec(s -> s.getRollout().setWindows(List.of(window("22:00", "05:00"))));
          w.annotate(IisFarm.EMERGENCY_ROLLOUT_ANNOTATION, "key leaked in ticket 4711");
        }, (w, r) -> {
          assertCondition(r.status(), "Ready", "True", "InSync");
          assertThat(r.events()).anyMatch(e -> e.reason().equals("EmergencyRollout")
              && e.message().contains("key leaked in ticket 4711"));
          assertThat(r.reasons()).contains("EmergencyRolloutCompleted");
        }),

        new Case("the emergency override is spent once every host is in sync: later drift waits for a window", w -> {
          w.spec(s -> s.getRollout().setWindows(List.of(window("22:00", "05:00"))));
          w.annotate(IisFarm.EMERGENCY_ROLLOUT_ANNOTATION, "key leaked in ticket 4711");
          assertCondition(w.reconcile().status(), "Ready", "True", "InSync");
          w.host("web03").windows().applyDrift(DriftAction.fromYaml("{kind: siteId, site: Shop, id: 7}"));
        }, (w, r) -> {
          assertCondition(r.status(), "Progressing", "False", "WaitingForMaintenanceWindow");
          assertNoHostChanged(r);
          assertThat(w.host("web03").windows().site("Shop").orElseThrow().id()).isEqualTo(7);
          assertThat(r.status().getEmergencyRollout().completedAt()).isNotNull();
          assertThat(r.reasons()).doesNotContain("EmergencyRollout");
        }),

        new Case("over plain http without allowKeyTransferOverHttp: site IDs are managed, config files never read",
            w -> w.spec(s -> s.getWinrm().setTransport(Transport.HTTP)), (w, r) -> {
              assertCondition(r.status(), "MachineKeysInSync", "Unknown", "InsecureTransport");
              assertCondition(r.status(), "SiteIdsInSync", "True", "SiteIdsMatch");
              w.byName.values().forEach(h -> assertSitesRight(h.name(), h.windows()));
              r.commands().keySet().forEach(h -> assertThat(r.commandLines(h)).as(h).isNotEmpty()
                  .noneMatch(IisFarmReconcilerTest::readsOrWritesAConfigFile));
            }),

        new Case("an unreachable host and a rejected account are reported each with its reason; the rest converge",
            w -> {
              w.host("web02").down(true);
              w.putSecret(ReconcilerWorld.winrmSecret("web04"), Map.of("username", "farmadmin", "password", "wrong"));
            }, (w, r) -> {
              assertThat(row(r.status(), "web02").message()).startsWith("HostUnreachable");
              assertThat(row(r.status(), "web04").message()).startsWith("AuthenticationFailed");
              assertCondition(r.status(), "HostsReachable", "False", "HostsUnreachable").contains("web02", "web04");
              assertThat(r.status().getInSync()).isEqualTo("2/4");
              assertThat(r.reasons()).contains("HostUnreachable", "AuthenticationFailed");
              assertThat(r.requeue()).get().matches(d -> d.compareTo(RESYNC) < 0, "sooner than the resync");
            }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reconcile(Case c) {
    try (ReconcilerWorld world = ReconcilerWorld.sample()) {
      c.arrange().accept(world);
      Reconciled reconciled = world.reconcile();
      try {
        c.expect().check(world, reconciled);
        String shown = Serialization.asYaml(reconciled.status()) + reconciled.events();
        SecretScan.assertClean("status and Events", shown, world.secretValues());
      } catch (AssertionError e) {
        // the summary of a failed build shows this line: name the row
        throw new AssertionError(c.name() + ": " + e.getMessage(), e);
      }
    }
  }

  private static org.assertj.core.api.AbstractStringAssert<?> assertCondition(IisFarmStatus status, String type,
      String value, String reason) {
    Condition c = status.getConditions().stream().filter(x -> x.getType().equals(type)).findFirst()
        .orElseThrow(() -> new AssertionError("no condition " + type + " in " + Serialization.asYaml(status)));
    if (value != null) {
      assertThat(c.getStatus()).as("%s status (%s)", type, c.getMessage()).isEqualTo(value);
    }
    assertThat(c.getReason()).as("%s reason (%s)", type, c.getMessage()).isEqualTo(reason);
    return assertThat(c.getMessage());
  }

  private static void assertNoHostContacted(Reconciled r) {
    r.commands().forEach((host, commands) -> assertThat(commands).as("commands sent to %s", host).isEmpty());
  }

  private static void assertNoHostChanged(Reconciled r) {
    r.commands().keySet().forEach(host -> assertThat(r.changes(host)).as("changes on %s", host).isEmpty());
  }

  /** A command segment that copies (certutil), prints (type) or writes a machine.config or web.config. */
  private static boolean readsOrWritesAConfigFile(String commandLine) {
    return Pattern.compile("(?i)(certutil|type|copy|move)[^&]*\\\\(machine|web)\\.config").matcher(commandLine).find();
  }

  private static HostStatus row(IisFarmStatus status, String host) {
    return status.getHosts().stream().filter(h -> h.name().equals(host)).findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + host));
  }

  static void assertSitesRight(String host, WindowsHost windows) {
    Map.of("Shop", 2L, "Api", 3L).forEach((name, id) -> {
      SiteView site = windows.site(name).orElseThrow();
      assertThat(site.id()).as("%s %s id", host, name).isEqualTo(id);
      assertThat(site.started()).as("%s %s started", host, name).isTrue();
    });
  }

  private static void assertEveryManagedFileHoldsTheFarmKey(ReconcilerWorld w) {
    String farmKey = w.secret(KEY_SECRET).orElseThrow().get("validationKey");
    w.byName.values().forEach(h -> FarmFiles.configs(h.windows()).forEach((path, bytes) -> {
      if (path.endsWith("machine.config")) {
        assertThat(FarmFiles.validationKey(bytes)).as("%s %s", h.name(), path).isEqualTo(farmKey);
      }
    }));
  }

  static Map<String, Long> siteIds(WindowsHost windows) {
    Map<String, Long> ids = new LinkedHashMap<>();
    windows.sites().forEach(s -> ids.put(s.name(), s.id()));
    return ids;
  }

  private static MaintenanceWindowSpec window(String start, String end) {
    MaintenanceWindowSpec window = new MaintenanceWindowSpec();
    window.setDays(List.of(Weekday.values()));
    window.setStart(start);
    window.setEnd(end);
    return window;
  }

  /** An IisFarm created before {@value ReconcilerWorld#FARM} that names {@code host}'s address too. */
  private static IisFarm olderFarmWith(String host) {
    return Serialization.unmarshal("""
        apiVersion: iisfarm.io/v1alpha1
        kind: IisFarm
        metadata: {name: legacy, namespace: web, creationTimestamp: "2025-01-01T00:00:00Z", generation: 1}
        spec:
          winrm: {transport: https, credentialsSecretRef: {name: legacy-winrm}}
          hosts: [{name: old-%1$s, address: %1$s.farm.test}]
          sites: [{name: Shop, id: 9}]
        """.formatted(host), IisFarm.class);
  }

  static Instant at(String time) {
    return Instant.parse("2026-03-04T" + time + "Z");
  }
}
