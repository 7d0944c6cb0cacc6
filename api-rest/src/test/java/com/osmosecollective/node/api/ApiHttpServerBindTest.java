package com.osmosecollective.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.osmosecollective.node.storage.ChainStore;
import com.osmosecollective.node.storage.StoreOptions;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A port already taken: the start fails with the {@link BindException} (Netty rethrows it
 * undeclared) and leaves none of the API's threads behind, so a node that reports the failure and
 * goes on (or retries on another port) does not keep idle event loops alive.
 */
class ApiHttpServerBindTest {
  @TempDir Path dir;

  @Test
  void aTakenPortFailsWithBindExceptionAndLeavesNoApiThreads() throws Exception {
    try (ChainStore store =
            ChainStore.open(StoreOptions.defaults(dir), ArkSamples.testnet().nethash());
        ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ApiServices services = TestServices.readOnly(ArkSamples.testnet(), store);
      InetSocketAddress address =
          new InetSocketAddress(InetAddress.getLoopbackAddress(), taken.getLocalPort());

      java.util.Set<Thread> before = java.util.Set.copyOf(Thread.getAllStackTraces().keySet());

      assertThatThrownBy(
              () ->
                  ApiHttpServer.start(
                      address, new RestApi(services), TestServices.settings(), services))
          .isInstanceOf(BindException.class);

      // event loops stop asynchronously after shutdownGracefully's future completes
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(apiThreadsStartedSince(before)).isEmpty());
    }
  }

  /** The API's threads (named by ApiHttpServer) alive now that were not before. */
  private static List<String> apiThreadsStartedSince(java.util.Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(t -> !before.contains(t))
        .map(Thread::getName)
        .filter(
            name ->
                name.startsWith("api-accept")
                    || name.startsWith("api-io")
                    || name.startsWith("api-worker"))
        .toList();
  }
}
