package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.core.wallet.Wallet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The order of wallet lists ({@code /wallets}, {@code /wallets/top}, a delegate's voters): ARK's
 * {@code orderBy} over {@code address}, {@code publicKey}, {@code balance}, {@code nonce} and any
 * {@code attributes.*} path, then balance descending as ARK appends, then address ascending (ARK
 * falls back to its wallet repository's insertion order, which a node restart changes anyway).
 */
final class WalletOrder {
  static final OrderBy ORDER =
      OrderBy.memory(Set.of("address", "publicKey", "balance", "nonce"), Set.of("attributes"));

  /** Paths ARK holds as big numbers (rendered as strings), compared numerically. */
  private static final Set<String> BIG_NUMBERS =
      Set.of(
          "balance",
          "nonce",
          "attributes.delegate.voteBalance",
          "attributes.delegate.forgedFees",
          "attributes.delegate.forgedRewards",
          "attributes.htlc.lockedBalance");

  private WalletOrder() {}

  /** A wallet as the sort sees it: the resource's fields, attributes only when sorted on. */
  record Keyed(String address, JsonNode view) {}

  static Keyed keyed(Wallet w, List<Sort> sorts, WalletResource resource) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("address", w.address());
    if (w.publicKey() != null) {
      o.put("publicKey", w.publicKey());
    }
    o.put("balance", Long.toString(w.balance()));
    o.put("nonce", Long.toString(w.nonce()));
    if (sorts.stream().anyMatch(s -> s.property().startsWith("attributes"))) {
      o.set("attributes", resource.searchableAttributes(w));
    }
    return new Keyed(w.address(), o);
  }

  static Comparator<Keyed> comparator(List<Sort> sorts) {
    List<Sort> all = new ArrayList<>(sorts);
    all.add(Sort.desc("balance"));
    Comparator<JsonNode> byResource = ResourceOrder.of(all, BIG_NUMBERS);
    return Comparator.comparing(Keyed::view, byResource).thenComparing(Keyed::address);
  }
}
