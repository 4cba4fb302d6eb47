package io.iisfarm.operator.cli.demo;

import io.iisfarm.operator.plan.AlignAppRoots;
import io.iisfarm.operator.plan.MoveSite;
import io.iisfarm.operator.plan.Step;
import io.iisfarm.operator.plan.WriteMachineKey;
import java.util.ArrayList;
import java.util.List;

/** A host's planned steps in one line, e.g. {@code 5 steps: 2 site moves, 2 AppRoot alignments, 1 machineKey write}. */
final class StepSummary {
  private StepSummary() {}

  static String of(List<Step> steps) {
    List<String> parts = new ArrayList<>();
    count(parts, steps.stream().filter(MoveSite.class::isInstance).count(), "site move");
    count(parts, steps.stream().filter(AlignAppRoots.class::isInstance).count(), "AppRoot alignment");
    count(parts, steps.stream().filter(WriteMachineKey.class::isInstance).count(), "machineKey write");
    return (steps.size() == 1 ? "1 step" : steps.size() + " steps") + ": " + String.join(", ", parts);
  }

  private static void count(List<String> parts, long n, String what) {
    if (n > 0) {
      parts.add(n + " " + what + (n == 1 ? "" : "s"));
    }
  }
}
