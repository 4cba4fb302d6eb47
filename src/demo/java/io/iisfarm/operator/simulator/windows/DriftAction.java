package io.iisfarm.operator.simulator.windows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.stream.Collectors;

/**
 * A change made to a host behind the operator's back, as an admin or a patch would make it.
 *
 * <ul>
 *   <li>{@code {kind: siteId, site: Shop, id: 7}}: IIS7+ changes the ID in place and stops the site;
 *       IIS6 moves the site key (copy then delete), so a running site ends up stopped and AppRoots
 *       keep naming the old path.
 *   <li>{@code {kind: siteState, site: Shop, state: Stopped}} (or {@code Started}).
 *   <li>{@code {kind: appRoot, site: Shop, appRoot: /LM/W3SVC/2/Root}} (IIS6; add {@code application:
 *       /checkout} for a child application).
 *   <li>{@code {kind: machineKey, runtime: v4.0, bitness: 64, validationKey: ..., decryptionKey: ...,
 *       validation: ..., decryption: ...}} edits the {@code <machineKey>} of machine.config, or of the
 *       root web.config with {@code file: rootWebConfig}; only the given attributes change.
 *   <li>{@code {kind: configText, runtime: v2.0, bitness: 32, file: rootWebConfig, find: "<machineKey ",
 *       replace: "<machineKey bogus=\"1\" "}} replaces the first occurrence of a text in machine.config (or the
 *       root web.config): a hand edit that may break the file (malformed XML, an attribute the runtime does not
 *       know).
 * </ul>
 * Key values never appear in {@code toString()}.
 */
public record DriftAction(String kind, String site, Long id, String state, String appRoot, String application,
    String runtime, Integer bitness, String file, String validationKey, String decryptionKey, String validation,
    String decryption, String find, String replace) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public static DriftAction fromYaml(String yaml) {
    try {
      return fromTree(YAML.readTree(yaml));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("drift action is not valid YAML: " + e.getOriginalMessage(), e);
    }
  }

  public static DriftAction fromTree(JsonNode node) {
    try {
      DriftAction action = YAML.treeToValue(node, DriftAction.class);
      if (action == null || action.kind() == null) {
        throw new IllegalArgumentException("drift action needs a kind (siteId, siteState, appRoot, machineKey, configText)");
      }
      return action;
    } catch (UnrecognizedPropertyException e) {
      throw new IllegalArgumentException("drift action: unknown key '" + e.getPropertyName() + "'; allowed keys: "
          + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")), e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("drift action: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "DriftAction[kind=" + kind + ", site=" + site + ", id=" + id + ", state=" + state + ", appRoot=" + appRoot
        + ", application=" + application + ", runtime=" + runtime + ", bitness=" + bitness + ", file=" + file
        + ", validation=" + validation + ", decryption=" + decryption + "]";
  }
}
