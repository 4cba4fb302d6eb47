package io.iisfarm.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.host.HostTarget;
import io.iisfarm.operator.model.KeyMaterial;
import io.iisfarm.operator.secrets.KeyGenerator;
import io.iisfarm.operator.status.Blocker;
import io.iisfarm.operator.winrm.WinRmEndpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FarmResolverTest {
  private static final String PASSWORD = "farm-Pa55word!";
  private static final String WEB02_PASSWORD = "web02-Pa55word!";
  private static final String VALIDATION = "A".repeat(128);
  private static final String DECRYPTION = "B".repeat(64);

  private final Map<String, Map<String, String>> secrets = new HashMap<>();
  private final List<String> created = new ArrayList<>();
  private boolean createSucceeds = true;

  private final FarmResolver resolver = new FarmResolver(
      (ns, name) -> Optional.ofNullable(secrets.get(ns + "/" + name)),
      (ns, name, farm, source, validation, decryption) -> {
        created.add(ns + "/" + name + " for " + farm + " (" + source + ") " + validation.byteLength() + "/"
            + decryption.byteLength());
        if (createSucceeds) {
          secrets.put(ns + "/" + name, Map.of("validationKey", validation.reveal(), "decryptionKey",
              decryption.reveal()));
        }
        return createSucceeds;
      },
      new KeyGenerator());

  FarmResolverTest() {
    secrets.put("web/shop-winrm", Map.of("username", "CORP\\svc-iisfarm", "password", PASSWORD));
    secrets.put("web/web02-winrm", Map.of("username", "WEB02\\Administrator", "password", WEB02_PASSWORD));
    secrets.put("web/shop-machinekey", Map.of("validationKey", VALIDATION, "decryptionKey", DECRYPTION));
  }

  private static IisFarm farm(String machineKeyExtra) {
    return Serialization.unmarshal("""
        apiVersion: iisfarm.io/v1alpha1
        kind: IisFarm
        metadata: {name: shop, namespace: web}
        spec:
          winrm: {transport: https, auth: ntlm, credentialsSecretRef: {name: shop-winrm}}
          hosts:
            - {name: web01, address: web01.corp.example}
            - {name: web02, address: "10.20.0.12:5999", credentialsSecretRef: {name: web02-winrm}}
            - {name: web03, address: "[fd00::3]"}
          sites: [{name: Shop, id: 2}]
          machineKey: {secretRef: {name: shop-machinekey}, validation: SHA1, decryption: AES%s}
        """.formatted(machineKeyExtra), IisFarm.class);
  }

  @Test
  void hostsGetTheFarmCredentialsUnlessTheyNameTheirOwn() {
    FarmResolver.Resolution r = resolver.resolve(farm(""));
    assertThat(r.blockers()).isEmpty();
    assertThat(r.targets()).extracting(HostTarget::name).containsExactly("web01", "web02", "web03");
    assertThat(r.targets().get(0).credentials().username()).isEqualTo("CORP\\svc-iisfarm");
    assertThat(r.targets().get(1).credentials().username()).isEqualTo("WEB02\\Administrator");
    assertThat(r.targets().get(1).credentials().revealPassword()).isEqualTo(WEB02_PASSWORD);
    assertThat(r.desired().machineKey().setting().validationKey().key()).isEqualTo(KeyMaterial.ofHex(VALIDATION));
    assertThat(r.desired().sites()).extracting("name", "id").containsExactly(org.assertj.core.groups.Tuple.tuple("Shop", 2L));
  }

  @Test
  void addressesTakeThePortOfTheTransportUnlessTheyNameOne() {
    List<WinRmEndpoint> endpoints = resolver.resolve(farm("")).targets().stream().map(HostTarget::endpoint).toList();
    assertThat(endpoints).extracting(WinRmEndpoint::host).containsExactly("web01.corp.example", "10.20.0.12", "fd00::3");
    assertThat(endpoints).extracting(WinRmEndpoint::port).containsExactly(5986, 5999, 5986);
    assertThat(endpoints).allMatch(WinRmEndpoint::isHttps).extracting(WinRmEndpoint::auth)
        .containsOnly(WinRmEndpoint.Auth.NTLM);
  }

  @Test
  void aMissingCredentialsSecretBlocksEveryHostAndNamesTheSecret() {
    secrets.remove("web/web02-winrm");
    FarmResolver.Resolution r = resolver.resolve(farm(""));
    assertThat(r.targets()).isEmpty();
    assertThat(r.blockers()).singleElement().satisfies(b -> {
      assertThat(b.kind()).isEqualTo(Blocker.Kind.SECRET_MISSING);
      assertThat(b.message()).contains("web/web02-winrm").doesNotContain(PASSWORD);
    });
  }

  @Test
  void aKeyOfTheWrongLengthIsInvalidAndItsValueIsNeverShown() {
    secrets.put("web/shop-machinekey", Map.of("validationKey", "C0FFEE".repeat(4), "decryptionKey", DECRYPTION));
    FarmResolver.Resolution r = resolver.resolve(farm(""));
    assertThat(r.blockers()).singleElement().satisfies(b -> {
      assertThat(b.kind()).isEqualTo(Blocker.Kind.SECRET_INVALID);
      assertThat(b.message()).contains("shop-machinekey").doesNotContain("C0FFEE", DECRYPTION.substring(0, 16));
    });
  }

  @Test
  void generateCreatesAMissingKeySecretSizedForTheAlgorithms() {
    secrets.remove("web/shop-machinekey");
    FarmResolver.Resolution r = resolver.resolve(farm(", generate: true"));
    assertThat(r.blockers()).isEmpty();
    // SHA1 validation: a 64-byte key; AES decryption: 32 bytes (AES-256)
    assertThat(created).containsExactly("web/shop-machinekey for shop (generated) 64/32");
    assertThat(r.desired().machineKey()).isNotNull();
  }

  @Test
  void generateNeverReplacesAnExistingSecret() {
    FarmResolver.Resolution r = resolver.resolve(farm(", generate: true"));
    assertThat(created).isEmpty();
    assertThat(r.desired().machineKey().setting().validationKey().key()).isEqualTo(KeyMaterial.ofHex(VALIDATION));
  }

  @Test
  void whenAnotherWriterCreatedTheSecretFirstItsKeyIsUsed() {
    secrets.remove("web/shop-machinekey");
    createSucceeds = false;
    String theirs = "D".repeat(128);
    FarmResolver winnerElsewhere = new FarmResolver(
        (ns, name) -> Optional.ofNullable(secrets.get(ns + "/" + name)),
        (ns, name, farm, source, v, d) -> {
          secrets.put(ns + "/" + name, Map.of("validationKey", theirs, "decryptionKey", DECRYPTION));
          return false;
        },
        new KeyGenerator());
    FarmResolver.Resolution r = winnerElsewhere.resolve(farm(", generate: true"));
    assertThat(r.desired().machineKey().setting().validationKey().key()).isEqualTo(KeyMaterial.ofHex(theirs));
  }

  @Test
  void adoptFromWaitsForTheHostToBeReadBeforeCreatingAnything() {
    secrets.remove("web/shop-machinekey");
    FarmResolver.Resolution r = resolver.resolve(farm(", adoptFrom: web01"));
    assertThat(r.blockers()).isEmpty();
    assertThat(r.adoptFrom()).isEqualTo("web01");
    assertThat(r.desired().machineKey()).isNull();
    assertThat(created).isEmpty();
  }
}
