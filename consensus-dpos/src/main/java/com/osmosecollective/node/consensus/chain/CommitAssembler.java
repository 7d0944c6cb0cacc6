package com.osmosecollective.node.consensus.chain;

import com.osmosecollective.node.consensus.MissedSlots;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.encoding.Base58;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.state.WalletOverlay;
import com.osmosecollective.node.core.state.WalletRepository;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.BlockCommit;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.HtlcLockInfo;
import com.osmosecollective.node.storage.RoundDelegates;
import com.osmosecollective.node.storage.TxData;
import com.osmosecollective.node.storage.WalletChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an applied block into storage's {@link BlockCommit} (block, txs, wallets, round). Used on
 * the chain thread only.
 */
final class CommitAssembler {
  private static final int MAX_CACHED_SENDERS = 10_000;

  private final BlockCodec codec;
  private final int pubKeyHash;

  /** Sender addresses by public key: one hot sender repeats in a block (a RIPEMD-160 each). */
  private final Map<Bytes, String> senderAddresses =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Bytes, String> eldest) {
          return size() > MAX_CACHED_SENDERS;
        }
      };

  private final Rounds rounds;

  CommitAssembler(BlockCodec codec, int pubKeyHash, Rounds rounds) {
    this.codec = codec;
    this.pubKeyHash = pubKeyHash;
    this.rounds = rounds;
  }

  /**
   * A block ready to commit on top of {@code wallets}: at a round end the next round is chosen and
   * the delegates' new ranks and rounds join the block's changes (committed and undone with it).
   */
  PreparedBlock assemble(
      Block block,
      StateChanges changes,
      List<MissedSlots.MissedSlot<String>> missed,
      WalletRepository wallets) {
    RoundDelegates newRound = null;
    StateChanges committed = changes;
    if (rounds.endsRound(block.height())) {
      WalletOverlay after = new WalletOverlay(wallets);
      changes.changed().forEach(after::put);
      newRound = rounds.afterBlock(block.height(), after);
      committed = new StateChanges(new ArrayList<>(after.changes().values()));
    }
    try {
      return new PreparedBlock(
          committed, missed, newRound, commit(block, committed, newRound), null);
    } catch (DecodeException e) {
      throw new IllegalStateException("block " + block.id() + " cannot be serialized", e);
    }
  }

  BlockCommit commit(Block block, StateChanges changes, RoundDelegates newRound)
      throws DecodeException {
    var header = block.header();
    BlockData data =
        new BlockData(
            block.height(),
            block.id(),
            block.previousBlock(),
            block.timestamp(),
            header.generatorPublicKeyHex(),
            header.reward(),
            header.totalFee(),
            header.totalAmount(),
            block.transactions().size(),
            codec.serialize(block));
    List<TxData> txs = new ArrayList<>();
    for (int i = 0; i < block.transactions().size(); i++) {
      txs.add(txData(block.transactions().get(i), i));
    }
    List<WalletChange> wallets = new ArrayList<>();
    for (Wallet wallet : changes.changed()) {
      wallets.add(WalletChange.put(wallet));
    }
    return new BlockCommit(data, txs, wallets, newRound);
  }

  private TxData txData(Transaction tx, int position) {
    byte[] senderKey = tx.senderPublicKey().toArray();
    Set<String> recipients = new LinkedHashSet<>();
    List<String> votes = new ArrayList<>();
    HtlcLockInfo lock = null;
    String settled = null;
    String ipfs = null;
    Asset asset = tx.asset();
    if (asset instanceof Asset.Transfer t) {
      recipients.add(address(t.recipient()));
    } else if (asset instanceof Asset.MultiPayment m) {
      m.payments().forEach(p -> recipients.add(address(p.recipient())));
    } else if (asset instanceof Asset.Vote v) {
      v.votes().forEach(e -> votes.add(Hex.encode(e.delegatePublicKey().toArray())));
    } else if (asset instanceof Asset.HtlcLock h) {
      recipients.add(address(h.recipient()));
      lock =
          new HtlcLockInfo(
              address(h.recipient()),
              tx.amount(),
              Hex.encode(h.secretHash().toArray()),
              h.expirationType(),
              h.expirationValue());
    } else if (asset instanceof Asset.HtlcClaim c) {
      settled = Hex.encode(c.lockTransactionId().toArray());
    } else if (asset instanceof Asset.HtlcRefund r) {
      settled = Hex.encode(r.lockTransactionId().toArray());
    } else if (asset instanceof Asset.Ipfs i) {
      ipfs = Base58.encode(i.multihash().toArray());
    }
    return new TxData(
        tx.id(),
        position,
        tx.typeGroup(),
        tx.type().code(),
        Hex.encode(senderKey),
        senderAddresses.computeIfAbsent(
            tx.senderPublicKey(), key -> Address.fromPublicKey(senderKey, pubKeyHash)),
        List.copyOf(recipients),
        tx.amount(),
        tx.fee(),
        votes,
        lock,
        settled,
        ipfs,
        tx.serialized());
  }

  private static String address(Bytes payload) {
    return Address.fromPayload(payload.toArray());
  }
}
