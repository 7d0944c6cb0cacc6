package com.osmosecollective.node.consensus.chain;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.state.BlockApplier;
import com.osmosecollective.node.core.state.BlockRejectedException;
import com.osmosecollective.node.core.state.StateContext;
import com.osmosecollective.node.core.state.TransactionHandlers;
import com.osmosecollective.node.core.state.WalletOverlay;
import com.osmosecollective.node.core.state.WalletRepository;
import java.util.ArrayList;

/** {@link StateApplier} with node-core's rules for the 11 core transaction types. */
public final class CoreStateApplier implements StateApplier {
  private final Network network;
  private final BlockApplier applier;

  public CoreStateApplier(Network network, TransactionHandlers handlers) {
    this.network = network;
    this.applier = new BlockApplier(handlers);
  }

  @Override
  public StateChanges applyGenesis(Block genesis, WalletRepository base) {
    WalletOverlay overlay = new WalletOverlay(base);
    applier.applyGenesis(genesis, overlay, StateContext.forGenesis(network, genesis.timestamp()));
    return new StateChanges(new ArrayList<>(overlay.changes().values()));
  }

  @Override
  public StateChanges apply(Block block, Block previous, WalletRepository base)
      throws BlockApplyException {
    WalletOverlay overlay = new WalletOverlay(base);
    StateContext ctx =
        StateContext.forBlock(network, block.height(), block.timestamp(), previous.timestamp());
    try {
      applier.apply(block, overlay, ctx);
    } catch (BlockRejectedException e) {
      throw new BlockApplyException(e.code() + ": " + e.getMessage(), e);
    } catch (ArithmeticException e) {
      // amounts a block carries that overflow a balance or a sum: the block's values are out of
      // range (ARK's big numbers would fail the balance rules), not a fault of this node
      throw new BlockApplyException("amounts out of range: " + e.getMessage(), e);
    }
    return new StateChanges(new ArrayList<>(overlay.changes().values()));
  }
}
