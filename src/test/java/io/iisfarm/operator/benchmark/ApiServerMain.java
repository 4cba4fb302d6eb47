package io.iisfarm.operator.benchmark;

import io.iisfarm.operator.cli.demo.EmbeddedApiServer;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded Kubernetes API server (fabric8's mock in CRUD mode) as a process of its own, so that the
 * operator's memory is measured without it: {@code ApiServerMain KUBECONFIG_FILE}. Serves until killed.
 */
public final class ApiServerMain {
  private ApiServerMain() {}

  public static void main(String[] args) throws Exception {
    EmbeddedApiServer api = EmbeddedApiServer.start(0);
    api.writeKubeconfig(Path.of(args[0]), "default");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      api.close();
      stopped.countDown();
    }, "api-shutdown"));
    System.out.println("API server ready at " + api.url());
    System.out.flush();
    stopped.await();
  }
}
