package com.osmosecollective.node.consensus.chain;

import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.wallet.DelegateAttributes;
import com.osmosecollective.node.core.wallet.LastBlock;
import com.osmosecollective.node.core.wallet.Wallet;

/**
 * A stop-gap {@link StateApplier} covering what a fresh devnet needs: transfers, delegate
 * registrations and the forger's credit, with ARK's nonce, balance and vote-balance rules for them.
 * Any other transaction type rejects the block. Replaced by the full rules of {@code core.state}
 * (all 11 types) once they are merged.
 */
public final class BasicStateApplier implements StateApplier {
  private final int pubKeyHash;

  public BasicStateApplier(int pubKeyHash) {
    this.pubKeyHash = pubKeyHash;
  }

  @Override
  public StateChanges applyGenesis(Block genesis, WalletLookup base) throws BlockApplyException {
    ChangeSet set = new ChangeSet(base, pubKeyHash);
    for (Transaction tx : genesis.transactions()) {
      applyTransaction(tx, set, true);
    }
    return set.changes();
  }

  @Override
  public StateChanges apply(Block block, Block previous, WalletLookup base)
      throws BlockApplyException {
    ChangeSet set = new ChangeSet(base, pubKeyHash);
    for (Transaction tx : block.transactions()) {
      applyTransaction(tx, set, false);
    }
    creditForger(block, set);
    return set.changes();
  }

  private void applyTransaction(Transaction tx, ChangeSet set, boolean genesis)
      throws BlockApplyException {
    String senderKey = Hex.encode(tx.senderPublicKey().toArray());
    Wallet sender = set.walletOfKey(senderKey);
    if (tx.version() >= 2 && tx.nonce() != sender.nonce() + 1) {
      throw new BlockApplyException(
          "transaction "
              + tx.id()
              + " has nonce "
              + tx.nonce()
              + ", expected "
              + (sender.nonce() + 1));
    }
    long debit = Math.addExact(tx.amount(), tx.fee());
    if (!genesis && sender.balance() - debit < 0) {
      throw new BlockApplyException("insufficient balance for transaction " + tx.id());
    }
    sender =
        sender.plusBalance(-debit).withNonce(tx.version() >= 2 ? tx.nonce() : sender.nonce() + 1);
    set.put(sender);
    adjustVoteBalance(set, sender, -debit);
    if (tx.asset() instanceof Asset.Transfer transfer) {
      Wallet recipient = set.walletOfAddress(Address.fromPayload(transfer.recipient().toArray()));
      set.put(recipient.plusBalance(tx.amount()));
      adjustVoteBalance(set, recipient, tx.amount());
    } else if (tx.asset() instanceof Asset.DelegateRegistration registration) {
      if (sender.isDelegate()) {
        throw new BlockApplyException("wallet " + sender.address() + " is already a delegate");
      }
      if (set.byUsername(registration.username()).isPresent()) {
        throw new BlockApplyException("username " + registration.username() + " is taken");
      }
      set.put(
          set.walletOfKey(senderKey)
              .withDelegate(DelegateAttributes.registered(registration.username())));
    } else {
      throw new BlockApplyException(
          "transaction type " + tx.type() + " is not supported by the basic state rules");
    }
  }

  private static void adjustVoteBalance(ChangeSet set, Wallet voter, long delta) {
    if (voter.vote() == null || delta == 0) {
      return;
    }
    Wallet delegate = set.walletOfKey(voter.vote());
    DelegateAttributes attributes = delegate.delegate();
    set.put(
        delegate.withDelegate(
            attributes.withVoteBalance(Math.addExact(attributes.voteBalance(), delta))));
  }

  private static void creditForger(Block block, ChangeSet set) throws BlockApplyException {
    String generator = block.header().generatorPublicKeyHex();
    Wallet forger = set.walletOfKey(generator);
    if (!forger.isDelegate()) {
      throw new BlockApplyException("generator " + generator + " is not a delegate");
    }
    long fee = block.header().totalFee();
    long reward = block.header().reward();
    long credit = Math.addExact(fee, reward);
    forger =
        forger
            .plusBalance(credit)
            .withDelegate(
                forger
                    .delegate()
                    .withForged(
                        fee, reward, new LastBlock(block.height(), block.id(), block.timestamp())));
    set.put(forger);
    adjustVoteBalance(set, forger, credit);
  }
}
