package com.osmosecollective.node.storage.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.wallet.DelegateAttributes;
import com.osmosecollective.node.core.wallet.HtlcLock;
import com.osmosecollective.node.core.wallet.LastBlock;
import com.osmosecollective.node.core.wallet.MultiSignature;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.BlockCommit;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ColumnFamily;
import com.osmosecollective.node.storage.RoundDelegate;
import com.osmosecollective.node.storage.TxData;
import com.osmosecollective.node.storage.testing.RandomChain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CodecTest {
  static final String KEY = "02" + "ab".repeat(32);
  static final String KEY2 = "03" + "cd".repeat(32);

  static Wallet fullWallet() {
    return Wallet.empty("oFullWallet")
        .withPublicKey(KEY)
        .withBalance(-5)
        .withNonce(77)
        .withSecondPublicKey(KEY2)
        .withMultiSignature(new MultiSignature(2, List.of(KEY, KEY2), false))
        .withDelegate(
            new DelegateAttributes(
                "full", 123, 4, 5, 6, 7, 8, 9, new LastBlock(10, "ff".repeat(32), 11), false))
        .withVote(KEY2)
        .withIpfsHash("QmHash")
        .withHtlcLock(
            "11".repeat(32), new HtlcLock(500, "oRecipient", 12, "memo", "22".repeat(32), 1, 99))
        .withHtlcLock("33".repeat(32), new HtlcLock(1, "oOther", 13, null, "44".repeat(32), 2, 7));
  }

  @Test
  void walletRoundTripsWithEveryAttribute() throws DecodeException {
    WalletCodec codec = new WalletCodec();
    Wallet w = fullWallet();
    assertThat(w.htlcLockedBalance()).isEqualTo(501);
    assertThat(codec.decode(codec.encode(w))).isEqualTo(w);
    Wallet bare = Wallet.empty("oBare");
    assertThat(codec.decode(codec.encode(bare))).isEqualTo(bare);
  }

  @Test
  void generatedRecordsRoundTrip() throws DecodeException {
    RandomChain chain = new RandomChain(new RandomChain.Settings(5, 30, 6, 20, true));
    TxRecordCodec txCodec = new TxRecordCodec();
    BlockDataCodec blockCodec = new BlockDataCodec();
    WalletCodec walletCodec = new WalletCodec();
    for (int i = 0; i < 30; i++) {
      BlockCommit c = chain.next();
      BlockData b = blockCodec.decode(blockCodec.encode(c.block()));
      assertThat(b.id()).isEqualTo(c.block().id());
      assertThat(b.previousId()).isEqualTo(c.block().previousId());
      assertThat(b.generatorPublicKey()).isEqualTo(c.block().generatorPublicKey());
      assertThat(b.reward()).isEqualTo(c.block().reward());
      assertThat(b.serialized()).isEqualTo(c.block().serialized());
      for (TxData tx : c.transactions()) {
        TxRecord back = txCodec.decode(txCodec.encode(new TxRecord(9, "id", 3, tx)));
        assertThat(back.tx()).usingRecursiveComparison().isEqualTo(tx);
        assertThat(back.height()).isEqualTo(9);
      }
      c.walletChanges()
          .forEach(
              ch -> {
                try {
                  assertThat(walletCodec.decode(walletCodec.encode(ch.value())))
                      .isEqualTo(ch.value());
                } catch (DecodeException e) {
                  throw new AssertionError(e);
                }
              });
    }
  }

  @Test
  void roundAndUndoRoundTrip() throws DecodeException {
    RoundCodec rounds = new RoundCodec();
    List<RoundDelegate> list = List.of(new RoundDelegate(KEY, 10), new RoundDelegate(KEY2, 3));
    assertThat(rounds.decode(rounds.encode(list))).isEqualTo(list);
    UndoCodec undo = new UndoCodec(ColumnFamily.all().size());
    List<UndoEntry> entries =
        List.of(
            new UndoEntry(3, new byte[] {1, 2}, null),
            new UndoEntry(5, new byte[] {9}, new byte[0]));
    List<UndoEntry> back = undo.decode(undo.encode(entries));
    assertThat(back).hasSize(2);
    assertThat(back.get(0).prior()).isNull();
    assertThat(back.get(1).prior()).isEmpty();
    assertThat(back.get(1).key()).containsExactly(9);
    assertThatThrownBy(
            () -> undo.decode(undo.encode(List.of(new UndoEntry(200, new byte[1], null)))))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("unknown column 200");
  }

  @Test
  void keysSortNumericallyAndByAddressPrefix() {
    assertThat(Arrays.compareUnsigned(Keys.height(255), Keys.height(256))).isNegative();
    assertThat(Arrays.compareUnsigned(Keys.height(1L << 40), Keys.height((1L << 40) + 1)))
        .isNegative();
    byte[] shortAddress = Keys.prefixHeightPosition(Keys.addressPrefix("oAB"), Long.MAX_VALUE, 9);
    byte[] longer = Keys.prefixHeightPosition(Keys.addressPrefix("oABC"), 1, 0);
    assertThat(Arrays.equals(shortAddress, 0, 4, longer, 0, 4)).isFalse();
    assertThat(Keys.heightOfIndexKey(shortAddress)).isEqualTo(Long.MAX_VALUE);
    assertThat(Keys.positionOfIndexKey(shortAddress)).isEqualTo(9);
    assertThat(Arrays.compareUnsigned(Keys.ranking(false, 100, KEY), Keys.ranking(false, 99, KEY)))
        .isNegative();
    assertThat(Arrays.compareUnsigned(Keys.ranking(false, 0, KEY2), Keys.ranking(true, 500, KEY)))
        .isNegative();
    assertThat(Keys.blockId("ab".repeat(32))).hasSize(33).startsWith(1, 0xab);
    assertThat(Keys.blockId("12345678901234567890")).hasSize(21).startsWith(0, '1');
    assertThat(Keys.blockId("AB".repeat(32))).hasSize(65).startsWith(0);
    assertThat(Keys.prefixEnd(new byte[] {1, (byte) 0xff})).containsExactly(2);
    assertThat(Keys.prefixEnd(new byte[] {(byte) 0xff})).isNull();
  }

  /**
   * Random bytes, truncations and single-byte flips of valid values never escape as anything else.
   */
  @Test
  void malformedInputOnlyEverFailsWithDecodeException() {
    List<ValueCodec<?>> codecs =
        List.of(
            new WalletCodec(),
            new BlockDataCodec(),
            new TxRecordCodec(),
            new RoundCodec(),
            new UndoCodec(ColumnFamily.all().size()));
    RandomChain chain = new RandomChain(new RandomChain.Settings(9, 20, 4, 10, true));
    List<byte[]> valid = new ArrayList<>();
    valid.add(new WalletCodec().encode(fullWallet()));
    for (int i = 0; i < 5; i++) {
      BlockCommit c = chain.next();
      valid.add(new BlockDataCodec().encode(c.block()));
      c.transactions()
          .forEach(t -> valid.add(new TxRecordCodec().encode(new TxRecord(1, "x", 1, t))));
    }
    valid.add(new RoundCodec().encode(List.of(new RoundDelegate(KEY, 1))));
    Random random = new Random(1234);
    int rejected = 0;
    for (int round = 0; round < 3000; round++) {
      byte[] base = valid.get(random.nextInt(valid.size()));
      byte[] input;
      switch (round % 3) {
        case 0 -> input = Arrays.copyOf(base, random.nextInt(base.length + 1));
        case 1 -> {
          input = base.clone();
          input[random.nextInt(input.length)] = (byte) random.nextInt(256);
        }
        default -> {
          input = new byte[random.nextInt(64)];
          random.nextBytes(input);
        }
      }
      for (ValueCodec<?> codec : codecs) {
        try {
          codec.decode(input);
        } catch (DecodeException expected) {
          rejected++;
        } catch (RuntimeException e) {
          throw new AssertionError(
              codec.getClass().getSimpleName() + " threw " + e + " on " + Arrays.toString(input),
              e);
        }
      }
    }
    assertThat(rejected).isGreaterThan(10000);
  }

  @Test
  void lyingLengthsDoNotAllocate() {
    byte[] hugeCount = {1, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f};
    assertThatThrownBy(() -> new UndoCodec(30).decode(hugeCount))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("exceeds the record");
    assertThatThrownBy(() -> new RoundCodec().decode(new byte[] {(byte) 0xff, (byte) 0xff}))
        .isInstanceOf(DecodeException.class);
  }
}
