package io.iisfarm.operator.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.api.IisFarmSpec;
import io.iisfarm.operator.secrets.MachineKeySecret;
import io.iisfarm.operator.simulator.SimulatedFarm;
import io.iisfarm.operator.simulator.SimulatedHost;
import io.iisfarm.operator.transcript.FarmSection;
import io.iisfarm.operator.replay.ReplayBackend;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What {@code simulate --replay --farm-out/--secrets-out} writes: an IisFarm for the replayed hosts that wants what
 * the recorded audit wanted (the transcripts' {@code farm} section), and its Secrets, the machineKey Secret holding
 * the stand-ins of the recorded farm key, so that an audit of the replay compares what the recorded one compared.
 */
public final class ReplayManifests {
  static final String NAME = "replay";

  private ReplayManifests() {}

  /**
   * @param notes where to say that the transcripts disagree on what the farm wants
   * @throws IllegalArgumentException when the hosts cannot share one IisFarm
   */
  public static FarmFileManifests.Manifests of(SimulatedFarm farm, List<String> notes) {
    JsonNode wanted = null;
    for (SimulatedHost host : farm.hosts()) {
      JsonNode section = ((ReplayBackend) host.backend()).transcript().header().farm();
      if (wanted == null) {
        wanted = section;
      } else if (!wanted.equals(section)) {
        notes.add("the transcript of " + host.name() + " wants another farm than the first one; the IisFarm follows"
            + " the first");
      }
    }
    IisFarmSpec spec = Serialization.unmarshal(FarmSection.spec(wanted).toString(), IisFarmSpec.class);
    SimulatedFarmManifests manifests = SimulatedFarmManifests.of(farm, farm.hosts(), "default", NAME, spec);
    IisFarm iisFarm = manifests.farm();
    iisFarm.getSpec().getWinrm().setAllowKeyTransferOverHttp(wanted.path("allowKeyTransferOverHttp").asBoolean(false));
    String validationKey = FarmSection.key(wanted, "validationKey");
    String decryptionKey = FarmSection.key(wanted, "decryptionKey");
    List<Secret> secrets = new ArrayList<>();
    for (Secret secret : manifests.secrets()) {
      if (secret.getMetadata().getName().equals(manifests.keySecretName())) {
        if (validationKey == null || decryptionKey == null) {
          continue;
        }
        secret = new SecretBuilder(secret).withData(java.util.Map.of(
            MachineKeySecret.VALIDATION_KEY, base64(validationKey),
            MachineKeySecret.DECRYPTION_KEY, base64(decryptionKey))).build();
      }
      secrets.add(secret);
    }
    return new FarmFileManifests.Manifests(iisFarm, secrets);
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
