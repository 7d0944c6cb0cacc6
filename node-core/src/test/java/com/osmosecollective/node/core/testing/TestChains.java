package com.osmosecollective.node.core.testing;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockFactory;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionSigner;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Really signed blocks of signed v2 transfers, chained from a made-up genesis id. */
public final class TestChains {
  private TestChains() {}

  /** A v2 Schnorr transfer of {@code amount} from {@code sender} with the given nonce. */
  public static Transaction transfer(PrivateKey sender, long nonce, long amount, Random random) {
    byte[] recipientKey =
        PrivateKey.fromPassphrase("recipient " + random.nextInt(1000)).publicKey();
    Transaction unsigned =
        Transaction.builder()
            .version(2)
            .network(TestNetworks.PUB_KEY_HASH)
            .nonce(nonce)
            .senderPublicKey(Bytes.of(sender.publicKey()))
            .fee(100_000_000)
            .amount(amount)
            .asset(
                new Asset.Transfer(
                    0,
                    Bytes.of(
                        Address.payloadFromPublicKey(recipientKey, TestNetworks.PUB_KEY_HASH))))
            .build();
    return TransactionSigner.sign(unsigned, sender);
  }

  /** {@code count} blocks from height 2 on, each with up to {@code maxTxs} transfers. */
  public static List<Block> blocks(Network network, int count, int maxTxs, long seed) {
    Random random = new Random(seed);
    BlockFactory factory = new BlockFactory(new BlockCodec(network));
    PrivateKey generator = PrivateKey.fromPassphrase("generator " + seed);
    List<Block> blocks = new ArrayList<>();
    String previous = "12345678901234567890";
    long nonce = 1;
    PrivateKey sender = PrivateKey.fromPassphrase("sender " + seed);
    try {
      for (int i = 0; i < count; i++) {
        long height = 2 + i;
        List<Transaction> txs = new ArrayList<>();
        int n = maxTxs == 0 ? 0 : random.nextInt(maxTxs + 1);
        for (int t = 0; t < n; t++) {
          txs.add(transfer(sender, nonce++, 1 + random.nextInt(1_000_000), random));
        }
        Block block =
            factory.make(
                height,
                20 * height,
                previous,
                network.milestones().at(height).reward(),
                txs,
                generator);
        blocks.add(block);
        previous = block.id();
      }
    } catch (DecodeException e) {
      throw new IllegalStateException(e);
    }
    return blocks;
  }
}
