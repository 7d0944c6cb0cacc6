package com.osmosecollective.node.benchmarks;

import com.osmosecollective.node.core.wallet.DelegateAttributes;
import com.osmosecollective.node.core.wallet.LastBlock;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.BlockCommit;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.TxData;
import com.osmosecollective.node.storage.WalletChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A fast generator of transfer-only blocks for storage benchmarks and the bulk loader. Balances are
 * conserved (fees go to the forger, rewards are the only issuance) so generated databases pass
 * {@code db check}. Wallet state lives in primitive arrays to scale to millions of accounts.
 */
final class SyntheticChain {
  static final long REWARD = 200_000_000L;
  static final long FEE = 10_000_000L;
  static final int DELEGATES = 51;
  private static final long GENESIS_BALANCE = 100_000_000L * 100_000_000L;

  private final long[] balances;
  private final long[] nonces;
  private final DelegateAttributes[] delegates = new DelegateAttributes[DELEGATES];
  private final Random random = new Random(1);
  private final byte[] txBytes = new byte[160];
  private long height;
  private String tipId;
  private int funded = DELEGATES;
  private Map<Integer, Wallet> working;

  SyntheticChain(int accounts) {
    balances = new long[Math.max(accounts, DELEGATES + 2)];
    nonces = new long[balances.length];
    random.nextBytes(txBytes);
  }

  int accounts() {
    return balances.length;
  }

  int funded() {
    return funded;
  }

  static String address(int i) {
    return String.format("o%033d", i);
  }

  static String publicKey(int i) {
    return String.format("02%064x", i);
  }

  private static String hex64(long a, long b) {
    return String.format("%032x%032x", a, b);
  }

  /**
   * The next block: {@code txCount} transfers from random funded accounts to {@code recipient}
   * (when >= 0) or to random accounts, funding {@code newAccounts} never-used accounts first.
   */
  BlockCommit next(int txCount, int newAccounts, int hotAddress) {
    height++;
    working = new LinkedHashMap<>();
    String id = hex64(0xb10c, height);
    List<TxData> txs = new ArrayList<>(txCount);
    if (height == 1) {
      for (int i = 0; i < DELEGATES; i++) {
        balances[i] = GENESIS_BALANCE;
        touch(i);
      }
    } else {
      for (int p = 0; p < txCount; p++) {
        int to;
        if (p < newAccounts && funded < balances.length) {
          to = funded++;
        } else if (hotAddress >= 0 && p % 2 == 0) {
          to = hotAddress;
        } else {
          to = random.nextInt(funded);
        }
        int from = (hotAddress >= 0 && p % 2 == 1) ? hotAddress : random.nextInt(DELEGATES);
        if (from == to) {
          to = (to + 1) % funded;
        }
        long amount = 1L + random.nextInt(100_000_000);
        balances[from] -= amount + FEE;
        nonces[from]++;
        balances[to] += amount;
        touch(from);
        touch(to);
        txs.add(
            new TxData(
                hex64(height, p),
                p,
                1,
                0,
                publicKey(from),
                address(from),
                List.of(address(to)),
                amount,
                FEE,
                List.of(),
                null,
                null,
                null,
                txBytes));
      }
    }
    int forger = (int) (height % DELEGATES);
    long fees = FEE * txs.size();
    long reward = height == 1 ? 0 : REWARD;
    balances[forger] += reward + fees;
    if (height > 1) {
      touch(forger);
      delegates[forger] =
          delegates[forger].withForged(fees, reward, new LastBlock(height, id, height * 8));
    }
    touch(forger);
    BlockData block =
        new BlockData(
            height, id, tipId, height * 8, publicKey(forger), reward, fees, 0, txs.size(), txBytes);
    List<WalletChange> changes = new ArrayList<>(working.size());
    for (Map.Entry<Integer, Wallet> e : working.entrySet()) {
      changes.add(WalletChange.put(e.getValue()));
    }
    tipId = id;
    return new BlockCommit(block, txs, changes, null);
  }

  private void touch(int i) {
    Wallet w =
        Wallet.empty(address(i))
            .withPublicKey(publicKey(i))
            .withBalance(balances[i])
            .withNonce(nonces[i]);
    if (i < DELEGATES) {
      if (delegates[i] == null) {
        delegates[i] = DelegateAttributes.registered("genesis_" + i);
      }
      w = w.withDelegate(delegates[i]);
    }
    working.put(i, w);
  }
}
