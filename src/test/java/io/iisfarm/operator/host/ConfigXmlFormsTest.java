package io.iisfarm.operator.host;

import static io.iisfarm.operator.host.ConfigFixtures.crlf;
import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.api.ClrRuntime;
import io.iisfarm.operator.model.MachineKeyElement;
import org.junit.jupiter.api.Test;

/** Where and in what form a config file holds its machine-level machineKey, and what its runtime rejects. */
class ConfigXmlFormsTest {

  private static ConfigXml.Parsed parse(String xml, ClrRuntime runtime) {
    return ConfigXml.parse(crlf(xml), runtime);
  }

  @Test
  void aMachineKeyLockedInLocationPathDotIsTheMachineLevelKey() {
    ConfigXml.Parsed parsed = parse(ConfigFixtures.V2_MACHINE_CONFIG_LOCKED_KEY, ClrRuntime.V2_0);
    assertThat(parsed.machineKey()).as("read where it is, not taken for absent").isNotNull();
    assertThat(parsed.machineKey().validation()).isEqualTo("SHA1");
    assertThat(parsed.machineKey().validationKey().keyword()).isEqualTo("AutoGenerate,IsolateApps");
    assertThat(parsed.machineKeyElement()).isEqualTo(new MachineKeyElement(1, true, true, null, java.util.List.of()));
    assertThat(parsed.sessionState().mode()).isEqualTo("StateServer");
  }

  @Test
  void aLocationWithoutPathOrWithEmptyPathIsTheFilesOwnLevelToo() {
    for (String open : new String[] {"<location>", "<location path=\"\" overrideMode=\"Deny\">",
        "<location path=\" . \" allowOverride=\"true\">"}) {
      ConfigXml.Parsed parsed = parse("<configuration>" + open + "<system.web><machineKey validation=\"MD5\" />"
          + "</system.web></location></configuration>", ClrRuntime.V4_0);
      assertThat(parsed.machineKey()).as(open).isNotNull();
      assertThat(parsed.machineKeyElement().inLocation()).isTrue();
      assertThat(parsed.machineKeyElement().locked()).as(open).isEqualTo(open.contains("Deny"));
    }
  }

  @Test
  void aLocationNamingASiteIsNotMachineLevel() {
    ConfigXml.Parsed parsed = parse("<configuration><location path=\"Default Web Site\"><system.web>"
        + "<machineKey validation=\"MD5\" /></system.web></location></configuration>", ClrRuntime.V4_0);
    assertThat(parsed.machineKey()).isNull();
    assertThat(parsed.machineKeyElement()).isNull();
  }

  @Test
  void anEncryptedMachineKeyIsRecognisedAndNotTakenForAutoGenerate() {
    ConfigXml.Parsed parsed = parse(ConfigFixtures.V4_MACHINE_CONFIG_ENCRYPTED_KEY, ClrRuntime.V4_0);
    assertThat(parsed.machineKey()).as("no attributes to read: the key is inside EncryptedData").isNull();
    assertThat(parsed.machineKeyElement().encrypted()).isTrue();
    assertThat(parsed.machineKeyElement().protectionProvider()).isEqualTo("RsaProtectedConfigurationProvider");
    assertThat(parsed.machineKeyElement().rejected()).isFalse();
  }

  @Test
  void aSecondMachineKeyAtTheTopAndInsideLocationDotIsRejected() {
    String both = ConfigFixtures.V2_MACHINE_CONFIG_LOCKED_KEY.replace("<sessionState",
        "<machineKey validation=\"SHA1\" />\n        <sessionState");
    ConfigXml.Parsed parsed = parse(both, ClrRuntime.V2_0);
    assertThat(parsed.machineKey()).as("which one counts is not defined: ASP.NET refuses the file").isNull();
    assertThat(parsed.machineKeyElement().count()).isEqualTo(2);
    assertThat(parsed.machineKeyElement().problems()).singleElement()
        .satisfies(p -> assertThat(p).contains("2 machine-level <machineKey>", "Sections must only appear once"));
  }

  @Test
  void attributesAndValuesARuntimeDoesNotKnowAreProblemsOfThatRuntime() {
    String xml = "<configuration><system.web><machineKey validationKey=\"0123456789ABCDEF0123456789ABCDEF0123456789\""
        + " validation=\"HMACSHA256\" dataProtectorType=\"X\" compatibilityMode=\"Framework45\" /></system.web>"
        + "</configuration>";
    assertThat(parse(xml, ClrRuntime.V4_0).machineKeyElement().problems()).isEmpty();
    assertThat(parse(xml, ClrRuntime.V2_0).machineKeyElement().problems()).containsExactly(
        "attribute 'dataProtectorType' is not known to the .NET v2.0 configuration system (\"Unrecognized attribute\")",
        "validation=\"HMACSHA256\" is not a validation algorithm of .NET v2.0",
        "compatibilityMode=\"Framework45\" is not a value .NET v2.0 knows");
    assertThat(parse(xml.replace("dataProtectorType", "typo"), ClrRuntime.V4_0).machineKeyElement().problems())
        .singleElement().satisfies(p -> assertThat(p).contains("'typo'"));
  }

  @Test
  void compatibilityModeFromTwoPointZeroSp2IsAcceptedInAV2File() {
    String xml = "<configuration><system.web><machineKey validation=\"SHA1\" compatibilityMode=\"Framework20SP2\" />"
        + "</system.web></configuration>";
    assertThat(parse(xml, ClrRuntime.V2_0).machineKeyElement().rejected()).isFalse();
  }

  @Test
  void problemsNeverQuoteAKey() {
    String key = "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF";
    String xml = "<configuration><system.web><machineKey validation=\"" + key + "\" decryption=\"" + key + "\" />"
        + "</system.web></configuration>";
    assertThat(String.join(" ", parse(xml, ClrRuntime.V2_0).machineKeyElement().problems())).doesNotContain(key)
        .contains("(48 characters)");
  }
}
