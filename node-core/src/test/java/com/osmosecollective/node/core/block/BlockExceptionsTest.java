package com.osmosecollective.node.core.block;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.crypto.BouncyCastleVerifier;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.testing.TestChains;
import com.osmosecollective.node.core.testing.TestNetworks;
import com.osmosecollective.node.core.tx.Transaction;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Network exceptions in block verification and ids (crypto spec §3.8, ARK's isException). */
class BlockExceptionsTest {
  private static final PrivateKey GENERATOR = PrivateKey.fromPassphrase("exceptions generator");
  private static final PrivateKey SENDER = PrivateKey.fromPassphrase("exceptions sender");

  /** A transfer whose signature was made by the sender over another transaction. */
  private static Transaction badlySigned() {
    Transaction good = TestChains.transfer(SENDER, 1, 5_000, new Random(1));
    Transaction other = TestChains.transfer(SENDER, 1, 5_001, new Random(1));
    return good.toBuilder().signature(other.signature()).build();
  }

  private static Block blockWith(Network network, Transaction tx) throws Exception {
    return new BlockFactory(new BlockCodec(network))
        .make(
            2,
            40,
            "12345678901234567890",
            network.milestones().at(2).reward(),
            List.of(tx),
            GENERATOR);
  }

  private static BlockVerification verify(Network network, Block block) {
    return new BlockVerifier(network, new BouncyCastleVerifier(), Runnable::run)
        .verify(block, Long.MAX_VALUE / 2);
  }

  @Test
  void anExceptionTransactionSkipsSignatureAndSchemaChecks() throws Exception {
    Transaction bad = badlySigned();
    Network plain = TestNetworks.osm();
    BlockVerification refused = verify(plain, blockWith(plain, bad));
    assertThat(refused.verified()).isFalse();
    assertThat(refused.errors()).anyMatch(e -> e.contains("Invalid transaction " + bad.id()));

    Network excepting = TestNetworks.osm("{\"transactions\": [\"" + bad.id() + "\"]}");
    BlockVerification accepted = verify(excepting, blockWith(excepting, bad));
    assertThat(accepted.errors()).isEmpty();
    assertThat(accepted.verified()).isTrue();

    Network other = TestNetworks.osm("{\"transactions\": [\"" + "0".repeat(64) + "\"]}");
    assertThat(verify(other, blockWith(other, bad)).verified()).isFalse();
  }

  @Test
  void theOutlookTableRenamesABlockAndItsSuccessorChainsToTheNewName() throws Exception {
    Network plain = TestNetworks.osm();
    Block block = TestChains.blocks(plain, 1, 0, 3).get(0);
    Network renaming = TestNetworks.osm("{\"outlookTable\": {\"" + block.id() + "\": \"42\"}}");
    BlockCodec codec = new BlockCodec(renaming);

    Block decoded = codec.decode(new BlockCodec(plain).serialize(block));

    assertThat(decoded.id()).isEqualTo("42");
    assertThat(decoded.idHex()).isEqualTo("000000000000002a");
    Block next =
        new BlockFactory(codec)
            .make(3, 60, decoded.id(), renaming.milestones().at(3).reward(), List.of(), GENERATOR);
    assertThat(codec.decode(codec.serialize(next)).previousBlock()).isEqualTo("42");
    // ids not in the table stay as computed
    assertThat(codec.decode(codec.serialize(next)).id()).isEqualTo(next.id()).isNotEqualTo("42");
  }
}
