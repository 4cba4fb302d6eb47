package io.iisfarm.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The argocd-cm patch users apply carries exactly the health check that ArgoCdHealthIT runs. */
class ArgoCdHealthCheckTest {

  @Test
  void theConfigMapPatchHoldsTheTestedScript() throws Exception {
    var patch = new YAMLMapper().readTree(Path.of("docs/argocd/argocd-cm.yaml").toFile());

    assertThat(patch.at("/data/resource.customizations.health.iisfarm.io_IisFarm").asText())
        .isEqualTo(Files.readString(Path.of("docs/argocd/iisfarm-health.lua")));
  }
}
