package io.iisfarm.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The API server fills schema defaults into what it stores; the operator's Java types fill their own
 * field initialisers when a field is absent. Both must say the same, or a farm behaves differently
 * depending on whether it was read from the API server or from a file ({@code audit FILE}). That the server
 * really stores these defaults is {@code IisFarmSchemaIT}'s to show.
 */
class SchemaDefaultsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void schemaDefaultsMatchJavaFieldDefaults() throws Exception {
    Map<String, String> compared = new TreeMap<>();
    List<String> mismatches = new ArrayList<>();

    compare(GeneratedCrd.openApiSchema().path("properties").path("spec"),
        JSON.constructType(IisFarmSpec.class), "spec", compared, mismatches);

    assertThat(mismatches).isEmpty();
    // the walk reached every declared default, not just a few
    assertThat(compared).containsKeys("spec.mode", "spec.suspend", "spec.resyncInterval",
        "spec.rollout.maxUnavailable", "spec.rollout.backupsToKeep", "spec.winrm.transport", "spec.winrm.auth",
        "spec.winrm.insecureSkipTlsVerify", "spec.winrm.allowKeyTransferOverHttp", "spec.winrm.allowLegacyTls",
        "spec.winrm.connectTimeout", "spec.winrm.operationTimeout", "spec.machineKey.validation",
        "spec.machineKey.decryption", "spec.machineKey.generate");
    assertThat(compared).containsEntry("spec.resyncInterval", "\"60s\"")
        .containsEntry("spec.rollout.maxUnavailable", "1")
        .containsEntry("spec.mode", "\"Enforce\"");
  }



  private static void compare(JsonNode schema, JavaType type, String path, Map<String, String> compared,
      List<String> mismatches) throws Exception {
    JsonNode javaDefaults = JSON.valueToTree(type.getRawClass().getDeclaredConstructor().newInstance());
    BeanDescription bean = JSON.getSerializationConfig().introspect(type);
    for (BeanPropertyDefinition property : bean.findProperties()) {
      String name = property.getName();
      String propertyPath = path + "." + name;
      JsonNode propertySchema = schema.path("properties").get(name);
      if (propertySchema == null) {
        mismatches.add(propertyPath + ": in the Java type but not in the schema");
        continue;
      }
      JsonNode javaDefault = javaDefaults.get(name);
      JsonNode schemaDefault = propertySchema.get("default");
      boolean javaHasScalarDefault = javaDefault != null && javaDefault.isValueNode() && !javaDefault.isNull();
      if (schemaDefault != null || javaHasScalarDefault) {
        compared.put(propertyPath, String.valueOf(schemaDefault));
        if (schemaDefault == null) {
          mismatches.add(propertyPath + ": Java default " + javaDefault + " is not declared in the schema");
        } else if (!javaHasScalarDefault || !sameValue(schemaDefault, javaDefault)) {
          mismatches.add(propertyPath + ": schema default " + schemaDefault + ", Java default " + javaDefault);
        }
      }
      JavaType propertyType = property.getPrimaryType();
      JsonNode objectSchema = propertySchema;
      if (propertyType.isCollectionLikeType()) {
        propertyType = propertyType.getContentType();
        objectSchema = propertySchema.path("items");
      }
      if (objectSchema.has("properties") && !propertyType.isEnumType()) {
        compare(objectSchema, propertyType, propertyPath, compared, mismatches);
      }
    }
  }

  private static boolean sameValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }
}
