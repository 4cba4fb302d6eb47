package io.iisfarm.operator.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iisfarm.operator.host.NlbControl.State;
import io.iisfarm.operator.winrm.CommandOutput;
import org.junit.jupiter.api.Test;

/** Reading nlb.exe query by its state word, whatever the exit code and the words around it. */
class NlbControlTest {

  private static State parse(int exit, String stdout) {
    return NlbControl.parse("web01:5986", new CommandOutput(exit, stdout, "", null));
  }

  @Test
  void theStateWordDecidesNotTheExitCode() {
    assertThat(parse(1007, "Host 2 converged with the following host(s) as part of the cluster:\r\n1, 2\r\n"))
        .isEqualTo(State.CONVERGED);
    assertThat(parse(0, "Host 1 converged as DEFAULT with the following host(s) as part of the cluster:\r\n1\r\n"))
        .isEqualTo(State.CONVERGED);
    assertThat(parse(1009, "Host 1 is draining: it stops cluster operations when ...")).isEqualTo(State.DRAINING);
    assertThat(parse(0, "Host 1 is stopped: cluster operations are stopped on this host.")).isEqualTo(State.STOPPED);
    assertThat(parse(1013, "Host 1 is suspended: cluster operations are suspended")).isEqualTo(State.SUSPENDED);
  }

  @Test
  void aConvergedHostThatMentionsItsConvergencesIsConverged() {
    String answer = "Host 1 has entered a converging state 3 time(s) since joining the cluster\r\n"
        + "  and the last convergence completed at approximately: 11/24/2026 10:00:00 PM\r\n"
        + "Host 1 converged as DEFAULT with the following host(s) as part of the cluster:\r\n1, 2\r\n";

    assertThat(parse(1008, answer)).isEqualTo(State.CONVERGED);
    assertThat(parse(1006, "Host 1 ... is currently still in a state of convergence.")).isEqualTo(State.CONVERGING);
  }

  @Test
  void aHostWithoutNlbSaysWhatToInstall() {
    CommandOutput missing = new CommandOutput(9009, "", "'\"%windir%\\system32\\nlb.exe\"' is not recognized as an"
        + " internal or external command,\r\noperable program or batch file.\r\n", null);

    assertThatThrownBy(() -> NlbControl.parse("web01:5986", missing)).isInstanceOf(NlbException.class)
        .hasMessageContaining("install the Network Load Balancing feature");
  }

  @Test
  void anAnswerWithoutAStateIsAnError() {
    assertThatThrownBy(() -> parse(1102, "The Network Load Balancing driver could not be reached."))
        .isInstanceOf(NlbException.class).hasMessageContaining("exit code 1102");
  }

  @Test
  void theProgramIsCalledByItsFullPath() {
    assertThat(NlbControl.command("drainstop")).isEqualTo("\"%windir%\\system32\\nlb.exe\" drainstop");
  }
}
