package com.osmosecollective.node.core.state;

import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockHeader;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.wallet.LastBlock;
import com.osmosecollective.node.core.wallet.Wallet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Applies a block to the wallet state (spec §4.4): its transactions in order, then the generator's
 * credit (reward and fees, delegate statistics, its own vote's balance). All or nothing: the block
 * is applied on an overlay and written to the given repository only when every step succeeds.
 * Header checks (reward, totals, chaining, signatures) belong to block validation, not here.
 */
public final class BlockApplier {
  public static final String GENERATOR_NOT_DELEGATE = "ERR_GENERATOR_NOT_DELEGATE";

  private final TransactionHandlers handlers;

  public BlockApplier(TransactionHandlers handlers) {
    this.handlers = Objects.requireNonNull(handlers, "handlers");
  }

  public void apply(Block block, WalletRepository wallets, StateContext ctx)
      throws BlockRejectedException {
    if (block.height() != ctx.height()) {
      throw new IllegalArgumentException(
          "context is for height " + ctx.height() + ", block is " + block.height());
    }
    WalletOverlay overlay = new WalletOverlay(wallets);
    for (Transaction tx : block.transactions()) {
      try {
        handlers.apply(tx, overlay, ctx);
      } catch (TransactionRejectedException e) {
        throw BlockRejectedException.of(block.height(), e);
      }
    }
    creditGenerator(block, overlay);
    overlay.flush();
  }

  private static void creditGenerator(Block block, WalletRepository wallets)
      throws BlockRejectedException {
    BlockHeader header = block.header();
    Wallet generator = wallets.byPublicKey(header.generatorPublicKeyHex());
    if (!generator.isDelegate()) {
      throw new BlockRejectedException(
          GENERATOR_NOT_DELEGATE,
          "block " + block.height() + ": generator " + generator.address() + " is not a delegate",
          null,
          null);
    }
    long credit = Math.addExact(header.reward(), header.totalFee());
    LastBlock last = new LastBlock(block.height(), block.id(), block.timestamp());
    wallets.put(
        generator
            .plusBalance(credit)
            .withDelegate(
                generator.delegate().withForged(header.totalFee(), header.reward(), last)));
    if (generator.vote() != null) {
      VoteBalances.adjust(wallets, generator.vote(), credit);
    }
  }

  /**
   * Applies the genesis block (height 1) to an empty state, as ARK builds it: transactions without
   * checks (genesis senders go negative), the generator's key attached, no credit (the genesis
   * reward and fees are zero), then every delegate's vote balance computed from its voters.
   */
  public void applyGenesis(Block block, WalletRepository wallets, StateContext ctx) {
    if (block.height() != 1 || ctx.height() != 1) {
      throw new IllegalArgumentException("the genesis block is at height 1: " + block.height());
    }
    WalletOverlay overlay = new WalletOverlay(wallets);
    Wallet generator = overlay.byPublicKey(block.header().generatorPublicKeyHex());
    overlay.put(generator);
    for (Transaction tx : block.transactions()) {
      handlers.applyGenesis(tx, overlay, ctx);
    }
    Map<String, Long> votes = new HashMap<>();
    for (Wallet wallet : overlay.changes().values()) {
      if (wallet.vote() != null) {
        votes.merge(wallet.vote(), wallet.votingWeight(), Math::addExact);
      }
    }
    votes.forEach(
        (key, weight) -> {
          Wallet delegate = overlay.byPublicKey(key);
          overlay.put(delegate.withDelegate(delegate.delegate().withVoteBalance(weight)));
        });
    overlay.flush();
  }
}
