package io.iisfarm.operator.simulator.wsman;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.simulator.Winrm4j;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Many commands on one shell leave no threads, commands or memory behind. */
class SequentialCommandsIT {
  private static final int COMMANDS = 200;

  @Test
  void twoHundredCommandsOnOneShellLeakNothing() throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    TlsIdentity tls = TlsIdentity.generate(List.of());
    try (WsmanRuntime runtime = WsmanRuntime.create();
        WsmanServer server = new WsmanServer(WsmanServerConfig.https("WEB01", "Administrator", "pw"),
            new ScriptedWindows(), runtime, tls).start();
        Winrm4j client = Winrm4j.connect(server.endpoint(), "Administrator", "pw", tls.caPem(),
            Duration.ofSeconds(20))) {
      // warm up: connections, TLS session, class loading, JIT
      for (int i = 0; i < 20; i++) {
        assertThat(client.run("echo warm " + i).exitCode()).isZero();
      }
      int threadsBefore = threads.getThreadCount();
      long heapBefore = usedHeapAfterGc(memory);

      for (int i = 0; i < COMMANDS; i++) {
        Winrm4j.Output out = client.run("echo line " + i);
        assertThat(out.stdout()).isEqualTo("line " + i + "\r\n");
      }

      int threadsAfter = threads.getThreadCount();
      long heapAfter = usedHeapAfterGc(memory);
      assertThat(threadsAfter).isLessThanOrEqualTo(threadsBefore + 2);
      // 200 commands' worth of journal entries is a few KB; a leak of per-command state is more
      assertThat(heapAfter - heapBefore).isLessThan(16L * 1024 * 1024);
      assertThat(server.commandsHeld()).isZero();
      assertThat(server.openShells()).isEqualTo(1);
      assertThat(server.counters().shellsCreated()).isEqualTo(1);
      // ~660 requests over a handful of kept-alive connections
      assertThat(server.counters().connectionsAccepted()).isLessThanOrEqualTo(4);
      assertThat(server.journal().size()).isEqualTo(COMMANDS + 20);
    }
  }

  private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
