package com.osmosecollective.node.consensus.pool;

import static com.osmosecollective.node.consensus.pool.PoolFixture.TRANSFER_FEE;
import static com.osmosecollective.node.consensus.pool.PoolFixture.key;
import static com.osmosecollective.node.consensus.pool.PoolFixture.pk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TxContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeping the pool across a restart. */
class PoolFileTest {
  private final PrivateKey alice = key("alice");
  private final PrivateKey bob = key("bob");

  @Test
  void restartKeepsThePoolAndItsOrder(@TempDir Path dir) throws Exception {
    PoolFixture before = new PoolFixture(PoolConfig.defaults());
    before.wallets.fund(pk(alice), 100 * TRANSFER_FEE);
    before.wallets.fund(pk(bob), 100 * TRANSFER_FEE);
    Transaction a1 = before.transfer(alice, 1);
    Transaction b1 = before.transfer(bob, 1);
    Transaction a2 = before.transfer(alice, 2);
    before.add(a1, b1, a2);
    Path file = dir.resolve("pool.bin");
    PoolFile.write(file, before.pool.snapshot());

    PoolFixture after = new PoolFixture(PoolConfig.defaults());
    after.wallets.fund(pk(alice), 100 * TRANSFER_FEE);
    after.wallets.fund(pk(bob), 100 * TRANSFER_FEE);
    List<StoredTransaction> stored = PoolFile.read(file, TxContext.of(after.network, 11));
    assertThat(stored).extracting(StoredTransaction::heightAdded).containsOnly(10L);
    assertThat(after.pool.restore(stored)).isEmpty();
    assertThat(after.pool.inForgingOrder()).containsExactlyElementsOf(before.pool.inForgingOrder());
  }

  @Test
  void restoredTransactionsAreCheckedAgain(@TempDir Path dir) throws Exception {
    PoolFixture f = new PoolFixture(PoolConfig.defaults());
    f.wallets.fund(pk(alice), 100 * TRANSFER_FEE);
    Transaction good = f.transfer(alice, 1);
    Transaction tampered = f.transfer(alice, 2).toBuilder().amount(99).build();
    List<Transaction> dropped =
        f.pool.restore(
            List.of(new StoredTransaction(good, 10), new StoredTransaction(tampered, 10)));
    assertThat(dropped).containsExactly(tampered);
    assertThat(f.pool.inForgingOrder()).containsExactly(good);
    assertThat(PoolFile.read(dir.resolve("absent"), TxContext.of(f.network, 11))).isEmpty();
  }

  @Property(tries = 200)
  void damagedFilesFailOnlyWithDecodeException(
      @ForAll @IntRange(min = 0, max = 400) int cut, @ForAll @IntRange(min = 0, max = 255) int b)
      throws Exception {
    PoolFixture f = new PoolFixture(PoolConfig.defaults());
    Path dir = Files.createTempDirectory("poolfile");
    try {
      Path file = dir.resolve("pool.bin");
      PoolFile.write(
          file,
          List.of(
              new StoredTransaction(f.transfer(alice, 1), 10),
              new StoredTransaction(f.transfer(bob, 1), 10)));
      byte[] data = Files.readAllBytes(file);
      byte[] damaged = Arrays.copyOf(data, Math.min(cut, data.length));
      if (cut < damaged.length) {
        damaged[cut] = (byte) b;
      } else if (damaged.length > 0) {
        damaged[damaged.length / 2] ^= (byte) b;
      }
      try {
        PoolFile.decode(damaged, TxContext.of(f.network, 11));
      } catch (DecodeException expected) {
        // refused cleanly
      }
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }

  @Test
  void hugeCountsAreRefusedBeforeAllocating() {
    byte[] data = new byte[16];
    System.arraycopy(
        "OSMPOOL1".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, data, 0, 8);
    data[8] = (byte) 0xff;
    data[9] = (byte) 0xff;
    data[10] = (byte) 0xff;
    data[11] = (byte) 0x7f;
    assertThatThrownBy(() -> PoolFile.decode(data, TxContext.of(PoolFixture.DEVNET, 11)))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("does not fit");
  }
}
