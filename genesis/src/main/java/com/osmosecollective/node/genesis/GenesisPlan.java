package com.osmosecollective.node.genesis;

import java.util.List;
import java.util.Objects;

/**
 * What a genesis block holds: a premine sender that transfers to the funded wallets (and to the
 * delegates with an amount), and the delegates that register themselves and, with {@code
 * selfVotes}, vote for themselves.
 */
public record GenesisPlan(
    GenesisAccount premineSender,
    List<GenesisAccount> funded,
    List<GenesisAccount> delegates,
    boolean selfVotes) {
  public GenesisPlan(
      GenesisAccount premineSender, List<GenesisAccount> funded, List<GenesisAccount> delegates) {
    this(premineSender, funded, delegates, false);
  }

  public GenesisPlan {
    Objects.requireNonNull(premineSender, "premineSender");
    funded = List.copyOf(funded);
    delegates = List.copyOf(delegates);
    for (GenesisAccount d : delegates) {
      if (d.username() == null) {
        throw new IllegalArgumentException("every delegate needs a username");
      }
    }
  }

  /** The sum of the transfers (to wallets and delegates), overflow-checked. */
  public long premine() {
    long sum = 0;
    for (GenesisAccount account : funded) {
      sum = Math.addExact(sum, account.amount());
    }
    for (GenesisAccount delegate : delegates) {
      sum = Math.addExact(sum, delegate.amount());
    }
    return sum;
  }

  /**
   * The local devnet's accounts. The passphrases are public on purpose (anyone may run a devnet):
   * derived from fixed texts, so every devnet made by this version has the same keys.
   *
   * @param premine the total to hand out; wallet 1 keeps what the others do not get
   * @param wallets how many funded wallets (at least 1); wallets 2.. get 1,000,000 coins each
   */
  public static GenesisPlan devnet(long premine, int delegateCount, int wallets) {
    if (wallets < 1) {
      throw new IllegalArgumentException("at least one funded wallet");
    }
    long each = 1_000_000L * 100_000_000L;
    long others = Math.multiplyExact(each, wallets - 1L);
    if (premine <= others) {
      throw new IllegalArgumentException("premine too small for " + wallets + " wallets");
    }
    List<GenesisAccount> funded = new java.util.ArrayList<>();
    funded.add(new GenesisAccount("osmose devnet wallet 1", null, premine - others));
    for (int i = 2; i <= wallets; i++) {
      funded.add(new GenesisAccount("osmose devnet wallet " + i, null, each));
    }
    List<GenesisAccount> delegates = new java.util.ArrayList<>();
    for (int i = 1; i <= delegateCount; i++) {
      delegates.add(new GenesisAccount("osmose devnet delegate " + i, "genesis_" + i, 0));
    }
    return new GenesisPlan(new GenesisAccount("osmose devnet genesis", null, 0), funded, delegates);
  }
}
