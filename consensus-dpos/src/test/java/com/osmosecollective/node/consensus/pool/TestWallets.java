package com.osmosecollective.node.consensus.pool;

import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.SenderKeys;
import com.osmosecollective.node.core.tx.Transaction;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A deliberately small wallet model for pool tests, independent of node-core's state package:
 * balances by address, v2 nonces, second public keys and open HTLC lock ids. It enforces the rules
 * the pool's behaviour depends on (nonce sequence, no negative balance, lock must exist) and
 * nothing else.
 */
final class TestWallets implements WalletStage {
  private final int pubKeyHash;
  private final Map<Bytes, Long> balances = new HashMap<>();
  private final Map<Bytes, Long> nonces = new HashMap<>();
  private final Map<Bytes, Bytes> secondKeys = new HashMap<>();
  private final Set<Bytes> locks = new HashSet<>();
  boolean revertSupported = true;
  int viewsCreated;

  TestWallets(int pubKeyHash) {
    this.pubKeyHash = pubKeyHash;
  }

  void fund(Bytes publicKey, long amount) {
    balances.merge(address(publicKey), amount, Long::sum);
  }

  long balance(Bytes publicKey) {
    return balances.getOrDefault(address(publicKey), 0L);
  }

  long nonce(Bytes publicKey) {
    return nonces.getOrDefault(publicKey, 0L);
  }

  void setSecondKey(Bytes publicKey, Bytes secondKey) {
    secondKeys.put(publicKey, secondKey);
  }

  void addLock(Bytes lockTransactionId) {
    locks.add(lockTransactionId);
  }

  /** Commits a block's transactions to the "chain" state. */
  void commit(Iterable<Transaction> txs) throws PoolRejectedException {
    View v = newView();
    for (Transaction tx : txs) {
      v.apply(tx);
    }
    ((TestView) v).commitInto(this);
  }

  /** Reverts a block's transactions from the "chain" state. */
  void uncommit(java.util.List<Transaction> txs) {
    TestView v = (TestView) newView();
    for (int i = txs.size() - 1; i >= 0; i--) {
      if (!v.revert(txs.get(i))) {
        throw new IllegalStateException("cannot revert " + txs.get(i).id());
      }
    }
    v.commitInto(this);
  }

  Bytes address(Bytes publicKey) {
    return Bytes.of(Address.payloadFromPublicKey(publicKey.toArray(), pubKeyHash));
  }

  @Override
  public View newView() {
    viewsCreated++;
    return new TestView();
  }

  private final class TestView implements View {
    private final Map<Bytes, Long> balances = new HashMap<>(TestWallets.this.balances);
    private final Map<Bytes, Long> nonces = new HashMap<>(TestWallets.this.nonces);
    private final Set<Bytes> locks = new HashSet<>(TestWallets.this.locks);

    @Override
    public SenderKeys senderKeys(Bytes senderPublicKey) {
      return SenderKeys.of(secondKeys.get(senderPublicKey), null);
    }

    @Override
    public void apply(Transaction tx) throws PoolRejectedException {
      Bytes sender = tx.senderPublicKey();
      long nonce = nonces.getOrDefault(sender, 0L);
      if (tx.nonce() != nonce + 1) {
        throw new PoolRejectedException(
            RejectionCode.ERR_APPLY,
            "Cannot apply a transaction with nonce "
                + tx.nonce()
                + ": the sender "
                + sender.hex()
                + " has nonce "
                + nonce
                + ".");
      }
      Bytes lockId = lockOf(tx);
      if (lockId != null && !locks.contains(lockId)) {
        throw new PoolRejectedException(
            RejectionCode.ERR_HTLCLOCKNOTFOUND, "lock " + lockId.hex() + " not found");
      }
      Bytes from = address(sender);
      long cost = Math.addExact(tx.totalAmountMoved(), tx.fee());
      long balance = balances.getOrDefault(from, 0L);
      if (balance < cost) {
        throw new PoolRejectedException(
            RejectionCode.ERR_APPLY, "Insufficient balance in the wallet.");
      }
      balances.put(from, balance - cost);
      nonces.put(sender, tx.nonce());
      if (lockId != null) {
        locks.remove(lockId);
      }
      credit(tx, 1);
    }

    @Override
    public boolean revert(Transaction tx) {
      if (!revertSupported) {
        return false;
      }
      Bytes sender = tx.senderPublicKey();
      if (nonces.getOrDefault(sender, 0L) != tx.nonce()) {
        return false;
      }
      nonces.put(sender, tx.nonce() - 1);
      balances.merge(address(sender), Math.addExact(tx.totalAmountMoved(), tx.fee()), Long::sum);
      credit(tx, -1);
      Bytes lockId = lockOf(tx);
      if (lockId != null) {
        locks.add(lockId);
      }
      return true;
    }

    private void credit(Transaction tx, int sign) {
      if (tx.asset() instanceof Asset.Transfer t) {
        balances.merge(t.recipient(), sign * tx.amount(), Long::sum);
      } else if (tx.asset() instanceof Asset.MultiPayment mp) {
        for (Asset.Payment p : mp.payments()) {
          balances.merge(p.recipient(), sign * p.amount(), Long::sum);
        }
      }
    }

    private Bytes lockOf(Transaction tx) {
      if (tx.asset() instanceof Asset.HtlcClaim c) {
        return c.lockTransactionId();
      }
      if (tx.asset() instanceof Asset.HtlcRefund r) {
        return r.lockTransactionId();
      }
      return null;
    }

    void commitInto(TestWallets target) {
      target.balances.clear();
      target.balances.putAll(balances);
      target.nonces.clear();
      target.nonces.putAll(nonces);
      target.locks.clear();
      target.locks.addAll(locks);
    }
  }
}
