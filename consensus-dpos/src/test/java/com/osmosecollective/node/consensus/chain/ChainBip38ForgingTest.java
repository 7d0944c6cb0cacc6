package com.osmosecollective.node.consensus.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.consensus.DelegateShuffle;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.forger.DelegateKeyLoader;
import com.osmosecollective.node.consensus.forger.DelegateKeys;
import com.osmosecollective.node.consensus.forger.ForgedSlots;
import com.osmosecollective.node.consensus.forger.Forger;
import com.osmosecollective.node.consensus.forger.PasswordSource;
import com.osmosecollective.node.consensus.forger.SecretsFile;
import com.osmosecollective.node.core.crypto.Bip38;
import com.osmosecollective.node.genesis.GenesisAccount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A forger keyed by a secrets file with one BIP38 key and one passphrase forges their slots. */
class ChainBip38ForgingTest {
  private static final long FIRST_SLOT = 1000;

  @TempDir Path dir;

  @Test
  void forgesExactlyTheSlotsOfTheDecryptedAndThePassphraseDelegates() throws Exception {
    try (TestChain t = TestChain.open(TestChain.networkJson(), dir, RollbackPolicy.fixed(5))) {
      GenesisAccount encrypted = t.plan.delegates().get(7);
      GenesisAccount plain = t.plan.delegates().get(30);
      Path file = dir.resolve("secrets");
      SecretsFile.write(
          file,
          List.of(
              SecretsFile.BIP38_PREFIX + Bip38.encrypt(encrypted.key(), true, "forger password"),
              plain.passphrase()));
      DelegateKeys keys =
          new DelegateKeyLoader(
                  PasswordSource.environment(
                      "OSMOSE_BIP38_PASSWORD",
                      Map.of("OSMOSE_BIP38_PASSWORD", "forger password")::get),
                  "set it")
              .load(SecretsFile.read(file));
      Forger forger =
          new Forger(
              t.network,
              t.chain,
              new NetworkTime(t.network.epoch(), t.clock),
              keys,
              ForgedSlots.inMemory(),
              TransactionSource.EMPTY);

      List<String> ranked =
          t.plan.delegates().stream().map(GenesisAccount::publicKey).sorted().toList();
      List<String> order = DelegateShuffle.forgingOrder(1, ranked);
      Set<String> ours = Set.of(encrypted.publicKey(), plain.publicKey());
      List<String> expected = new ArrayList<>();
      List<String> forgedBy = new ArrayList<>();
      for (long slot = FIRST_SLOT; slot < FIRST_SLOT + 51; slot++) {
        String scheduled = order.get((int) (slot % 51));
        if (ours.contains(scheduled)) {
          expected.add(scheduled);
        }
        t.atSlot(slot);
        var forged = forger.forgeIfDue();
        if (forged.isPresent()) {
          assertThat(forged.get().outcome().isAccepted()).as("slot %d", slot).isTrue();
          assertThat(forged.get().block().timestamp() / TestChain.BLOCKTIME).isEqualTo(slot);
          forgedBy.add(forged.get().block().header().generatorPublicKeyHex());
        }
      }
      assertThat(expected).containsExactlyInAnyOrderElementsOf(ours);
      assertThat(forgedBy).containsExactlyElementsOf(expected);
      assertThat(t.chain.snapshot().height()).isEqualTo(3);
    }
  }
}
