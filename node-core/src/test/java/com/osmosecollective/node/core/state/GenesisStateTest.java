package com.osmosecollective.node.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockJson;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.wallet.Wallet;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped osmose-2018 genesis block applied to an empty state. */
class GenesisStateTest {
  private static final long PREMINE = 1_000_000_000_000_000_000L;
  private static final String PREMINE_ADDRESS = "odYhN1Ga4W4za99aEG3LHsaqU1kyHB3jnp";
  private static final String GENESIS_SENDER = "oNzUcGPUssZuEiN7aUBhMben39zs4oNCd1";

  private final Network network = StateKit.load("osmose-2018");
  private final InMemoryWallets wallets = new InMemoryWallets(network.pubKeyHash());

  private Block genesis() throws Exception {
    return new BlockJson(new BlockCodec(network), network.pubKeyHash())
        .parse(network.genesisBlock());
  }

  @Test
  void premineAnd51Delegates() throws Exception {
    Block block = genesis();
    new BlockApplier(TransactionHandlers.withBestVerifier())
        .applyGenesis(block, wallets, StateContext.forGenesis(network, block.timestamp()));

    assertThat(network.premine()).isEqualTo(PREMINE);
    assertThat(wallets.byAddress(PREMINE_ADDRESS).balance()).isEqualTo(PREMINE);
    Wallet sender = wallets.byAddress(GENESIS_SENDER);
    assertThat(sender.balance()).isEqualTo(-PREMINE);
    assertThat(sender.nonce()).isEqualTo(1);
    assertThat(sender.publicKey()).isNotNull();

    List<Wallet> delegates =
        wallets.delegates().stream()
            .sorted(Comparator.comparing(w -> w.delegate().username()))
            .toList();
    assertThat(delegates).hasSize(51);
    for (Wallet d : delegates) {
      assertThat(d.delegate().username()).matches("genesis_\\d+");
      assertThat(d.delegate().voteBalance()).isZero();
      assertThat(d.delegate().resigned()).isFalse();
      assertThat(d.balance()).isZero();
      assertThat(d.nonce()).isEqualTo(1);
      assertThat(wallets.byUsername(d.delegate().username())).contains(d);
    }
    assertThat(wallets.byUsername("genesis_1").orElseThrow().publicKey())
        .isEqualTo("02360190854b57439e70707be3f78b3481324bb879227045d0b59a25a18f9a4ca9");

    // all vote balances are 0: the ranking is by public key
    List<DelegateRanking.Ranked> ranking = DelegateRanking.rank(wallets);
    assertThat(ranking).hasSize(51);
    assertThat(ranking)
        .isSortedAccordingTo(Comparator.comparing(DelegateRanking.Ranked::publicKey));
    assertThat(ranking.get(0).rank()).isEqualTo(1);
    assertThat(ranking.get(50).rank()).isEqualTo(51);

    Wallet generator = wallets.byPublicKey(block.header().generatorPublicKeyHex());
    assertThat(wallets.all()).containsKey(generator.address());
    assertThat(SupplyCheck.totalSupply(wallets.all().values())).isZero();
    assertThat(SupplyCheck.negativeBalances(wallets.all().values()))
        .containsExactly(GENESIS_SENDER);
  }

  @Test
  void genesisVotesBuildVoteBalances() throws Exception {
    Network devnet = StateKit.DEVNET;
    InMemoryWallets state = new InMemoryWallets(devnet.pubKeyHash());
    PrivateKey bank = StateKit.key("bank");
    PrivateKey delegate = StateKit.key("gd");
    PrivateKey voter = StateKit.key("voter");
    StateKit kit = new StateKit();
    Transaction fund =
        StateKit.sign(
            kit.tx(bank, new Asset.Transfer(0, StateKit.payload(voter))).amount(500).fee(0), bank);
    Transaction register =
        StateKit.sign(kit.tx(delegate, new Asset.DelegateRegistration("gd")).fee(0), delegate);
    Transaction vote =
        StateKit.sign(
            kit.tx(
                    voter,
                    new Asset.Vote(
                        List.of(new Asset.VoteEntry(true, Bytes.of(delegate.publicKey())))))
                .fee(0),
            voter);
    Block block =
        new com.osmosecollective.node.core.block.BlockFactory(new BlockCodec(devnet))
            .makeGenesis(0, List.of(fund, register, vote), bank);

    new BlockApplier(kit.handlers).applyGenesis(block, state, StateContext.forGenesis(devnet, 0));

    assertThat(state.byPublicKey(StateKit.pk(delegate)).delegate().voteBalance()).isEqualTo(500);
    assertThat(state.byPublicKey(StateKit.pk(bank)).balance()).isEqualTo(-500);
    assertThat(SupplyCheck.voteBalanceMismatches(state.all().values())).isEmpty();
  }
}
