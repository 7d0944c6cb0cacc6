package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.core.wallet.Wallet;
import java.util.Map;
import java.util.Set;

/**
 * ARK's wallet filters (spec §8.2 footnote 4): {@code address}, {@code publicKey}, {@code balance}
 * and {@code nonce} ranges, and {@code attributes.*} containment on the wallet's attributes.
 */
record WalletCriteria(
    String address, String publicKey, Range balance, Range nonce, ObjectNode attributes) {

  static final QueryKeys KEYS =
      new QueryKeys(
          Set.of(
              "page",
              "limit",
              "offset",
              "orderBy",
              "address",
              "publicKey",
              "balance",
              "balance.from",
              "balance.to",
              "nonce",
              "nonce.from",
              "nonce.to"),
          Set.of("attributes."),
          Set.of());

  static WalletCriteria parse(Map<String, String> q) throws ApiException {
    return new WalletCriteria(
        q.get("address"),
        q.get("publicKey"),
        Range.parse(q, "balance"),
        Range.parse(q, "nonce"),
        JsonContainment.fromDottedKeys(q, "attributes."));
  }

  boolean test(Wallet w, WalletResource resource) {
    return (address == null || Like.of(address).matches(w.address()))
        && (publicKey == null
            || (w.publicKey() != null && Like.of(publicKey).matches(w.publicKey())))
        && (balance == null || balance.contains(w.balance()))
        && (nonce == null || nonce.contains(w.nonce()))
        && (attributes == null
            || JsonContainment.contains(resource.searchableAttributes(w), attributes));
  }
}
