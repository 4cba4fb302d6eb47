package io.iisfarm.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.api.ClrRuntime;
import io.iisfarm.operator.api.CompatibilityMode;
import io.iisfarm.operator.api.HostSpec;
import io.iisfarm.operator.api.IisFarmSpec;
import io.iisfarm.operator.api.MachineKeySpec;
import io.iisfarm.operator.api.SecretRef;
import io.iisfarm.operator.api.SiteSpec;
import io.iisfarm.operator.api.ValidationAlgorithm;
import io.iisfarm.operator.api.WinRmSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SpecValidatorTest {

  static IisFarmSpec validSpec() {
    IisFarmSpec spec = new IisFarmSpec();
    WinRmSpec winrm = new WinRmSpec();
    winrm.setCredentialsSecretRef(new SecretRef("winrm-creds"));
    spec.setWinrm(winrm);
    spec.setHosts(new ArrayList<>(List.of(new HostSpec("web1", "web1.example.com"),
        new HostSpec("web2", "10.0.0.2:5985"), new HostSpec("web3", "[fe80::1]:5986"))));
    spec.setSites(new ArrayList<>(List.of(new SiteSpec("Shop", 2), new SiteSpec("Api", 4294967295L))));
    MachineKeySpec key = new MachineKeySpec();
    key.setSecretRef(new SecretRef("farm-key"));
    spec.setMachineKey(key);
    return spec;
  }

  private static List<SpecProblem> problemsAfter(Consumer<IisFarmSpec> change) {
    IisFarmSpec spec = validSpec();
    change.accept(spec);
    return SpecValidator.validate(spec);
  }

  private static SpecProblem onlyProblem(Consumer<IisFarmSpec> change) {
    List<SpecProblem> problems = problemsAfter(change);
    assertThat(problems).hasSize(1);
    return problems.get(0);
  }

  @Test
  void validSpecHasNoProblems() {
    assertThat(SpecValidator.validate(validSpec())).isEmpty();
  }

  @Test
  void duplicateSiteNamesCaseInsensitively() {
    SpecProblem p = onlyProblem(s -> s.getSites().add(new SiteSpec("SHOP", 7)));
    assertThat(p.field()).isEqualTo("spec.sites[2].name");
    assertThat(p.message()).contains("spec.sites[0]", "case-insensitively");
  }

  @Test
  void duplicateSiteIds() {
    SpecProblem p = onlyProblem(s -> s.getSites().add(new SiteSpec("Blog", 2)));
    assertThat(p.field()).isEqualTo("spec.sites[2].id");
    assertThat(p.message()).contains("ID 2", "own ID");
  }

  @Test
  void siteIdOutOfRange() {
    assertThat(onlyProblem(s -> s.getSites().add(new SiteSpec("Blog", 0))).message()).contains("1..4294967295");
    assertThat(onlyProblem(s -> s.getSites().add(new SiteSpec("Blog", 4294967296L))).field()).isEqualTo("spec.sites[2].id");
  }

  @Test
  void siteNameWithForbiddenCharacters() {
    assertThat(onlyProblem(s -> s.getSites().add(new SiteSpec("a\"b", 9))).field()).isEqualTo("spec.sites[2].name");
  }

  @Test
  void duplicateHostNamesAndAddresses() {
    List<SpecProblem> problems = problemsAfter(s -> s.getHosts().add(new HostSpec("web1", "WEB1.example.com")));
    assertThat(problems).extracting(SpecProblem::field).containsExactly("spec.hosts[3].name", "spec.hosts[3].address");
  }

  @Test
  void addressPortOutOfRangeAndSchemeRejected() {
    assertThat(onlyProblem(s -> s.getHosts().get(0).setAddress("web1:70000")).message()).contains("70000", "1..65535");
    assertThat(onlyProblem(s -> s.getHosts().get(0).setAddress("https://web1")).message()).contains("without scheme");
  }

  @Test
  void winrmPortRange() {
    assertThat(onlyProblem(s -> s.getWinrm().setPort(0)).field()).isEqualTo("spec.winrm.port");
  }

  @Test
  void v4OnlyAlgorithmWithExplicitV2Runtime() {
    SpecProblem p = onlyProblem(s -> {
      s.getMachineKey().setValidation(ValidationAlgorithm.HMACSHA256);
      s.getMachineKey().setRuntimes(List.of(ClrRuntime.V2_0, ClrRuntime.V4_0));
    });
    assertThat(p.message()).contains("HMACSHA256", "v2.0", "SHA1");
  }

  @Test
  void framework45WithV2IsValidBecauseCompatibilityModeGoesIntoV4FilesOnly() {
    assertThat(problemsAfter(s -> {
      s.getMachineKey().setCompatibilityMode(CompatibilityMode.FRAMEWORK45);
      s.getMachineKey().setRuntimes(List.of(ClrRuntime.V2_0, ClrRuntime.V4_0));
    })).isEmpty();
  }

  @Test
  void v4OnlyAlgorithmWithoutRuntimesIsLeftToThePlanner() {
    assertThat(problemsAfter(s -> s.getMachineKey().setValidation(ValidationAlgorithm.HMACSHA512))).isEmpty();
    assertThat(problemsAfter(s -> {
      s.getMachineKey().setValidation(ValidationAlgorithm.HMACSHA512);
      s.getMachineKey().setRuntimes(List.of(ClrRuntime.V4_0));
    })).isEmpty();
  }

  @Test
  void generateAndAdoptFromAreExclusive() {
    SpecProblem p = onlyProblem(s -> {
      s.getMachineKey().setGenerate(true);
      s.getMachineKey().setAdoptFrom("web1");
    });
    assertThat(p.message()).contains("mutually exclusive");
  }

  @Test
  void adoptFromMustNameAHost() {
    SpecProblem p = onlyProblem(s -> s.getMachineKey().setAdoptFrom("web9"));
    assertThat(p.field()).isEqualTo("spec.machineKey.adoptFrom");
    assertThat(p.message()).contains("web9", "web1", "web2", "web3");
  }

  @Test
  void bitnessMustBe32Or64() {
    assertThat(onlyProblem(s -> s.getMachineKey().setBitness(List.of(16))).field()).isEqualTo("spec.machineKey.bitness");
  }

  @Test
  void durationsParseAndResyncIsAtLeastFiveSeconds() {
    assertThat(problemsAfter(s -> s.setResyncInterval("1h30m"))).isEmpty();
    assertThat(problemsAfter(s -> s.setResyncInterval("5s"))).isEmpty();
    assertThat(onlyProblem(s -> s.setResyncInterval("4s")).message()).contains("at least 5s");
    assertThat(onlyProblem(s -> s.setResyncInterval("4999ms")).field()).isEqualTo("spec.resyncInterval");
    assertThat(onlyProblem(s -> s.setResyncInterval("1 minute")).message()).contains("1h30m");
    assertThat(onlyProblem(s -> s.getWinrm().setOperationTimeout("0s")).field()).isEqualTo("spec.winrm.operationTimeout");
    assertThat(onlyProblem(s -> s.getWinrm().setConnectTimeout("ten")).field()).isEqualTo("spec.winrm.connectTimeout");
  }

  @Test
  void maxUnavailableAtLeastOne() {
    SpecProblem p = onlyProblem(s -> s.getRollout().setMaxUnavailable(0));
    assertThat(p.field()).isEqualTo("spec.rollout.maxUnavailable");
    assertThat(p.message()).contains("at least 1");
  }

  @Test
  void missingRequiredParts() {
    assertThat(problemsAfter(s -> s.setWinrm(null))).extracting(SpecProblem::field).containsExactly("spec.winrm");
    assertThat(problemsAfter(s -> s.setHosts(List.of()))).extracting(SpecProblem::field)
        .containsExactly("spec.hosts");
    assertThat(problemsAfter(s -> s.getMachineKey().setSecretRef(null))).extracting(SpecProblem::field)
        .containsExactly("spec.machineKey.secretRef");
    assertThat(SpecValidator.validate(null)).hasSize(1);
  }

  @Test
  void reportsEveryProblemAtOnce() {
    List<SpecProblem> problems = problemsAfter(s -> {
      s.setResyncInterval("1s");
      s.getRollout().setMaxUnavailable(0);
      s.getSites().add(new SiteSpec("shop", 2));
    });
    assertThat(problems).hasSize(4);
    assertThat(SpecValidator.summary(problems)).contains("spec.resyncInterval: ", "; spec.rollout.maxUnavailable: ");
  }
}
