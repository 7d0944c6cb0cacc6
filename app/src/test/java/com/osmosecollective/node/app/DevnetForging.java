package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.chain.Chain;
import com.osmosecollective.node.consensus.forger.DelegateKeys;
import com.osmosecollective.node.consensus.forger.ForgedSlots;
import com.osmosecollective.node.consensus.forger.Forger;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.testing.SteppedClock;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionSigner;
import com.osmosecollective.node.genesis.DevnetNetworkFile;
import com.osmosecollective.node.genesis.GenesisAccount;
import com.osmosecollective.node.storage.ChainStore;
import com.osmosecollective.node.storage.StoreOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/** Forges a devnet's chain in a data dir with a stepped clock, for the tools' tests. */
final class DevnetForging {
  private DevnetForging() {}

  /**
   * Forges on the chain of {@code dataDir} from slot {@code firstSlot} until {@code height}; with
   * {@code transfers}, funded wallet 1 transfers to the other funded wallets in every third slot
   * (nonces from {@code firstNonce + 1}). Returns the sender's last nonce.
   */
  static long forgeUntil(
      DevnetNetworkFile.Devnet devnet,
      Path dataDir,
      long firstSlot,
      long height,
      boolean transfers,
      long firstNonce)
      throws Exception {
    Network network = devnet.network();
    int blocktime = network.milestones().at(1).blocktime();
    SteppedClock clock = new SteppedClock(network.epoch());
    PrivateKey sender = devnet.plan().funded().get(0).key();
    List<Transaction> next = new ArrayList<>();
    ExecutorService verification = NodeAssembly.verificationPool();
    try (ChainStore store = ChainStore.open(StoreOptions.inDataDir(dataDir), network.nethash());
        Chain chain =
            NodeAssembly.newChain(
                network, store, verification, new NetworkTime(network.epoch(), clock))) {
      chain.start();
      Forger forger =
          new Forger(
              network,
              chain,
              new NetworkTime(network.epoch(), clock),
              DelegateKeys.fromPassphrases(
                  devnet.plan().delegates().stream().map(GenesisAccount::passphrase).toList()),
              ForgedSlots.inMemory(),
              (max, bytes) -> {
                List<Transaction> taken = List.copyOf(next);
                next.clear();
                return taken;
              });
      long nonce = firstNonce;
      for (long slot = firstSlot; chain.snapshot().height() < height; slot++) {
        if (transfers && slot % 3 == 0) {
          for (int i = 1; i < devnet.plan().funded().size(); i++) {
            next.add(
                transfer(network, sender, ++nonce, devnet.plan().funded().get(i).key(), i * 1000L));
          }
        }
        clock.set(network.epoch().plusSeconds(slot * blocktime));
        var forged = forger.forgeIfDue().orElseThrow();
        assertThat(forged.outcome().isAccepted()).as(forged.outcome().reason()).isTrue();
      }
      return nonce;
    } finally {
      verification.shutdown();
    }
  }

  static Transaction transfer(
      Network network, PrivateKey sender, long nonce, PrivateKey to, long amount) {
    Transaction tx =
        Transaction.builder()
            .version(2)
            .network(network.pubKeyHash())
            .nonce(nonce)
            .senderPublicKey(Bytes.of(sender.publicKey()))
            .fee(10_000_000L)
            .amount(amount)
            .asset(
                new Asset.Transfer(
                    0,
                    Bytes.of(Address.payloadFromPublicKey(to.publicKey(), network.pubKeyHash()))))
            .build();
    return TransactionSigner.sign(tx, sender);
  }
}
