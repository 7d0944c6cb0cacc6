package com.osmosecollective.node.core.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.crypto.BouncyCastleVerifier;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.testing.TestChains;
import com.osmosecollective.node.core.testing.TestNetworks;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Blocks round-trip; random and mutated block bytes only ever fail with DecodeException. */
class BlockPropertiesTest {
  private static final Network NETWORK = TestNetworks.osm();
  private static final BlockCodec CODEC = new BlockCodec(NETWORK);
  private static final List<Block> CHAIN = TestChains.blocks(NETWORK, 12, 6, 7);

  @Test
  void aChainAcrossTheIdSwitchRoundTripsAndVerifies() throws Exception {
    BlockVerifier verifier = new BlockVerifier(NETWORK, new BouncyCastleVerifier(), Runnable::run);
    for (Block block : CHAIN) {
      Block decoded = CODEC.decode(CODEC.serialize(block));
      assertThat(decoded).isEqualTo(block);
      assertThat(verifier.verify(block, Long.MAX_VALUE / 2).errors()).isEmpty();
      boolean full = block.height() >= TestNetworks.FULL_SHA256_FROM;
      assertThat(block.id()).hasSize(full ? 64 : block.id().length());
      assertThat(BlockIds.hasShape(block.id(), full)).isTrue();
    }
    // the block at the switch height has a full id but still an 8-byte previousBlock field
    Block switchBlock = CHAIN.get(TestNetworks.FULL_SHA256_FROM - 2);
    assertThat(switchBlock.height()).isEqualTo(TestNetworks.FULL_SHA256_FROM);
    assertThat(switchBlock.previousBlock()).hasSizeLessThanOrEqualTo(20);
    assertThat(CHAIN.get(TestNetworks.FULL_SHA256_FROM - 1).previousBlock()).hasSize(64);
  }

  @Property(tries = 500)
  void randomBytesOnlyFailWithDecodeException(@ForAll @Size(max = 600) byte[] bytes) {
    decodeOnlyFailsCleanly(bytes);
  }

  @Property(tries = 1500)
  void mutatedBlocksOnlyFailWithDecodeException(
      @ForAll @IntRange(min = 0, max = 11) int index, @ForAll long seed) throws Exception {
    Random r = new Random(seed);
    byte[] bytes = CODEC.serialize(CHAIN.get(index));
    byte[] mutated =
        switch (r.nextInt(3)) {
          case 0 -> {
            byte[] m = bytes.clone();
            for (int i = 1 + r.nextInt(4); i > 0; i--) {
              m[r.nextInt(m.length)] ^= (byte) (1 + r.nextInt(255));
            }
            yield m;
          }
          case 1 -> Arrays.copyOf(bytes, r.nextInt(bytes.length));
          default -> {
            byte[] m = Arrays.copyOf(bytes, bytes.length + 1 + r.nextInt(64));
            // a huge transaction count or length must be refused, not allocated
            int at = r.nextInt(Math.max(1, m.length - 4));
            m[at] = (byte) 0xff;
            m[at + 1] = (byte) 0xff;
            yield m;
          }
        };
    decodeOnlyFailsCleanly(mutated);
  }

  private static void decodeOnlyFailsCleanly(byte[] bytes) {
    try {
      Block block = CODEC.decode(bytes);
      assertThat(CODEC.serialize(block)).isNotNull();
    } catch (DecodeException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    } catch (Throwable t) {
      fail("decoder threw " + t + " instead of DecodeException", t);
    }
  }
}
