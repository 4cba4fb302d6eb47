package io.iisfarm.operator.winrm;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudsoft.winrm4j.client.WinRmClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.http.client.config.AuthSchemes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WinRmClientPoolTest {
  private static final WinRmEndpoint HOST_A = WinRmEndpoint.http("10.0.0.1").auth(WinRmEndpoint.Auth.BASIC).build();
  private static final WinRmEndpoint HOST_B = WinRmEndpoint.http("10.0.0.2").auth(WinRmEndpoint.Auth.BASIC).build();
  private static final WinRmCredentials DEPLOY = WinRmCredentials.of("deploy", "pw");
  private static WinRmClient first;
  private static WinRmClient second;

  private final AtomicLong now = new AtomicLong();
  private final WinRmClientPool pool = new WinRmClientPool(now::get);

  @BeforeAll
  static void clients() {
    first = client();
    second = client();
  }

  @AfterAll
  static void close() {
    first.close();
    second.close();
  }

  private static WinRmClient client() {
    return WinRmClient.builder("http://127.0.0.1:1/wsman").authenticationScheme(AuthSchemes.BASIC)
        .credentials("deploy", "pw").build();
  }

  @Test
  void aClientReturnedForOneHostServesTheNextSessionToThatHostOnly() {
    pool.give(new WinRmClientPool.Key(HOST_A, DEPLOY), first);

    assertThat(pool.take(new WinRmClientPool.Key(HOST_B, DEPLOY))).isNull();
    assertThat(pool.take(new WinRmClientPool.Key(HOST_A, WinRmCredentials.of("deploy", "other")))).isNull();
    assertThat(pool.take(new WinRmClientPool.Key(HOST_A, DEPLOY))).isSameAs(first);
    assertThat(pool.take(new WinRmClientPool.Key(HOST_A, DEPLOY))).as("lent out, not shared").isNull();
  }

  @Test
  void aClientIdleLongerThanTheLimitIsDropped() {
    WinRmClientPool.Key a = new WinRmClientPool.Key(HOST_A, DEPLOY);
    pool.give(a, first);
    now.addAndGet(WinRmClientPool.IDLE.plus(Duration.ofSeconds(1)).toNanos());

    assertThat(pool.take(a)).isNull();
  }

  @Test
  void returningAClientSweepsOutTheExpiredOnesOfOtherHosts() {
    pool.give(new WinRmClientPool.Key(HOST_A, DEPLOY), first);
    now.addAndGet(WinRmClientPool.IDLE.plus(Duration.ofSeconds(1)).toNanos());
    pool.give(new WinRmClientPool.Key(HOST_B, DEPLOY), second);

    assertThat(pool.size()).isEqualTo(1);
  }

  @Test
  void onlyTheMostRecentlyReturnedClientsAreKept() {
    for (int i = 0; i < WinRmClientPool.MAX_IDLE; i++) {
      pool.give(new WinRmClientPool.Key(WinRmEndpoint.http("10.1.0." + i).auth(WinRmEndpoint.Auth.BASIC).build(),
          DEPLOY), first);
    }
    pool.give(new WinRmClientPool.Key(HOST_B, DEPLOY), second);

    assertThat(pool.size()).isEqualTo(WinRmClientPool.MAX_IDLE);
    assertThat(pool.take(new WinRmClientPool.Key(WinRmEndpoint.http("10.1.0.0").auth(WinRmEndpoint.Auth.BASIC)
        .build(), DEPLOY))).as("the oldest was dropped").isNull();
    assertThat(pool.take(new WinRmClientPool.Key(HOST_B, DEPLOY))).isSameAs(second);
  }

  @Test
  void aClosedPoolKeepsNothing() {
    WinRmClientPool closing = new WinRmClientPool(now::get);
    closing.close();
    closing.give(new WinRmClientPool.Key(HOST_A, DEPLOY), client());

    assertThat(closing.size()).isZero();
  }
}
