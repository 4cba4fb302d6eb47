package io.iisfarm.operator.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.model.ObservedApplication;
import io.iisfarm.operator.model.ObservedSite;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Iis6AppRootsTest {

  @Test
  void appRootsFollowTheNewIdWithUpperCaseRootAndKeepChildNames() {
    ObservedSite site = new ObservedSite("Shop", 1734577, "Started", "D:\\shop", "/LM/W3SVC/1734577/Root",
        List.of(new ObservedApplication("W3SVC/1734577/Root/Checkout", "/LM/W3SVC/1734577/Root/Checkout"),
            new ObservedApplication("W3SVC/1734577/ROOT/api/v2", "/LM/W3SVC/1734577/ROOT/api/v2")));
    assertThat(Iis6Driver.expectedAppRoots(site, 3)).containsExactly(
        Map.entry("W3SVC/3/ROOT", "/LM/W3SVC/3/ROOT"),
        Map.entry("W3SVC/3/Root/Checkout", "/LM/W3SVC/3/ROOT/Checkout"),
        Map.entry("W3SVC/3/ROOT/api/v2", "/LM/W3SVC/3/ROOT/api/v2"));
  }

  @Test
  void aSiteWhoseRootIsNoApplicationGetsNoRootAppRoot() {
    ObservedSite site = new ObservedSite("Static", 7, "Stopped", "D:\\static", null, List.of());
    assertThat(Iis6Driver.expectedAppRoots(site, 8)).isEmpty();
  }
}
