package com.osmosecollective.node.core.state;

import static com.osmosecollective.node.core.state.StateKit.OSM;
import static com.osmosecollective.node.core.state.StateKit.key;
import static com.osmosecollective.node.core.state.StateKit.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockFactory;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.wallet.LastBlock;
import com.osmosecollective.node.core.wallet.Wallet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlockApplierTest {
  private static final long REWARD = 2000 * OSM;

  private final StateKit kit = new StateKit();
  private final BlockFactory factory = new BlockFactory(new BlockCodec(StateKit.DEVNET));
  private final BlockApplier applier = new BlockApplier(kit.handlers);
  private final PrivateKey alice = key("alice");
  private final PrivateKey bob = key("bob");
  private final PrivateKey carol = key("carol");
  private PrivateKey generator;
  private PrivateKey d1;

  @BeforeEach
  void setUp() {
    List<PrivateKey> ds = kit.delegates("d", 2);
    generator = ds.get(0);
    d1 = ds.get(1);
    kit.fund(alice, 100 * OSM);
  }

  private Block block(List<Transaction> txs, PrivateKey by) throws Exception {
    return factory.make(kit.height, kit.ctx().blockTimestamp(), "a".repeat(64), REWARD, txs, by);
  }

  @Test
  void transactionsInOrderThenTheGeneratorIsCredited() throws Exception {
    // the generator votes for d1: its credit raises d1's vote balance
    kit.fund(generator, 10 * OSM);
    Asset vote = new Asset.Vote(List.of(new Asset.VoteEntry(true, Bytes.of(d1.publicKey()))));
    kit.apply(sign(kit.tx(generator, vote), generator)); // d1: 9
    kit.height++;

    Transaction t1 = kit.transfer(alice, bob, 50 * OSM);
    Transaction t2 =
        sign(
            kit.tx(bob, new Asset.Transfer(0, StateKit.payload(carol))).amount(20 * OSM).nonce(1),
            bob);
    Block block = block(List.of(t1, t2), generator);

    applier.apply(block, kit.wallets, kit.ctx());

    long fees = t1.fee() + t2.fee();
    assertThat(kit.balance(alice)).isEqualTo(50 * OSM - t1.fee());
    assertThat(kit.balance(bob)).isEqualTo(30 * OSM - t2.fee());
    assertThat(kit.balance(carol)).isEqualTo(20 * OSM);
    Wallet forger = kit.wallet(generator);
    assertThat(forger.balance()).isEqualTo(9 * OSM + REWARD + fees);
    assertThat(forger.delegate().producedBlocks()).isEqualTo(1);
    assertThat(forger.delegate().forgedFees()).isEqualTo(fees);
    assertThat(forger.delegate().forgedRewards()).isEqualTo(REWARD);
    assertThat(forger.delegate().lastBlock())
        .isEqualTo(new LastBlock(kit.height, block.id(), block.timestamp()));
    assertThat(kit.voteBalance(d1)).isEqualTo(9 * OSM + REWARD + fees);
    assertThat(SupplyCheck.voteBalanceMismatches(kit.wallets.all().values())).isEmpty();
  }

  @Test
  void aRejectedTransactionLeavesTheStateUntouched() throws Exception {
    Transaction t1 = kit.transfer(alice, bob, 10 * OSM);
    Transaction gap =
        sign(
            kit.tx(alice, new Asset.Transfer(0, StateKit.payload(bob))).amount(OSM).nonce(3),
            alice);
    Block block = block(List.of(t1, gap), generator);
    Map<String, Wallet> before = new HashMap<>(kit.wallets.all());

    BlockRejectedException e =
        assertThrows(
            BlockRejectedException.class, () -> applier.apply(block, kit.wallets, kit.ctx()));

    assertThat(e.code()).isEqualTo("ERR_NONCE");
    assertThat(e.transactionId()).isEqualTo(gap.id());
    assertThat(e.getCause()).isInstanceOf(TransactionRejectedException.class);
    assertThat(kit.wallets.all()).isEqualTo(before);
  }

  @Test
  void theGeneratorMustBeADelegate() throws Exception {
    Block block = block(List.of(kit.transfer(alice, bob, OSM)), carol);
    Map<String, Wallet> before = new HashMap<>(kit.wallets.all());
    BlockRejectedException e =
        assertThrows(
            BlockRejectedException.class, () -> applier.apply(block, kit.wallets, kit.ctx()));
    assertThat(e.code()).isEqualTo(BlockApplier.GENERATOR_NOT_DELEGATE);
    assertThat(e.transactionId()).isNull();
    assertThat(kit.wallets.all()).isEqualTo(before);
  }

  @Test
  void anEmptyBlockOnlyCreditsTheReward() throws Exception {
    Block block = block(List.of(), generator);
    applier.apply(block, kit.wallets, kit.ctx());
    assertThat(kit.balance(generator)).isEqualTo(REWARD);
    assertThat(kit.voteBalance(generator)).isZero();
  }

  @Test
  void theContextMustBeTheBlocksHeight() throws Exception {
    Block block = block(List.of(), generator);
    kit.height++;
    assertThrows(
        IllegalArgumentException.class, () -> applier.apply(block, kit.wallets, kit.ctx()));
  }
}
