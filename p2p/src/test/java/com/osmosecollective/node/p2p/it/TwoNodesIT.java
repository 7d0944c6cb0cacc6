package com.osmosecollective.node.p2p.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.osmosecollective.node.consensus.pool.AdmissionResult;
import com.osmosecollective.node.consensus.pool.Submitted;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionSigner;
import com.osmosecollective.node.p2p.node.TestNetwork;
import com.osmosecollective.node.p2p.node.TestNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two in-process nodes on 127.0.0.1: handshake, sync, block relay and transaction relay. */
@Timeout(180)
class TwoNodesIT {
  private static final long FIRST_SLOT = 1000;

  @TempDir Path dir;

  @Test
  void aNewNodeSyncsThenFollowsBlocksAndTransactions() throws Exception {
    TestNetwork net = TestNetwork.create();
    try (TestNode a = TestNode.open(net, dir.resolve("a"))) {
      long slot = a.forgeUntil(300, FIRST_SLOT);
      a.startP2p(TestNode.settings("node-a"));
      try (TestNode b =
          TestNode.start(net, dir.resolve("b"), TestNode.settings("node-b", a.address()))) {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> b.height() == 300 && b.tip().id().equals(a.tip().id()));
        // both know each other: B dialled A, A accepted B from the port B's requests announce
        await().atMost(Duration.ofSeconds(20)).until(() -> a.p2p.peers().size() == 1);
        assertThat(b.p2p.peers().size()).isEqualTo(1);
        assertThat(b.p2p.networkView().networkHeight()).hasValue(300);
        assertThat(b.p2p.networkView().peers().get(0).version()).isEqualTo("3.9.1");

        // a block forged on A reaches B through postBlock
        slot = a.forgeUntil(301, slot);
        await().atMost(Duration.ofSeconds(20)).until(() -> b.height() == 301);
        assertThat(b.tip().id()).isEqualTo(a.tip().id());

        // a transaction admitted on B reaches A's pool; A forges it; B gets the block
        Transaction tx = transfer(net, 1);
        AdmissionResult admitted = b.pool.add(List.of(Submitted.decoded("0", tx))).join();
        assertThat(admitted.accept()).as(admitted.toJson().toString()).containsExactly("0");
        b.p2p.broadcastTransactions(admitted.broadcastTransactions());
        await().atMost(Duration.ofSeconds(20)).until(() -> a.pool.size() == 1);
        a.forgeUntil(302, slot);
        await().atMost(Duration.ofSeconds(20)).until(() -> b.height() == 302);
        assertThat(b.tip().transactions()).extracting(Transaction::id).containsExactly(tx.id());
        await().atMost(Duration.ofSeconds(10)).until(() -> b.pool.size() == 0);
      }
    }
  }

  static Transaction transfer(TestNetwork net, long nonce) {
    PrivateKey sender = net.plan.funded().get(1).key();
    byte[] recipient = PrivateKey.fromPassphrase("p2p test recipient").publicKey();
    Transaction unsigned =
        Transaction.builder()
            .version(2)
            .network(net.network.pubKeyHash())
            .nonce(nonce)
            .senderPublicKey(Bytes.of(sender.publicKey()))
            .fee(100_000_000)
            .amount(123_456_789)
            .asset(
                new Asset.Transfer(
                    0, Bytes.of(Address.payloadFromPublicKey(recipient, net.network.pubKeyHash()))))
            .build();
    return TransactionSigner.sign(unsigned, sender);
  }
}
