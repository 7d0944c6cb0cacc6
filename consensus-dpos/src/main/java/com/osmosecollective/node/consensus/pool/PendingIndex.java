package com.osmosecollective.node.consensus.pool;

import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.MultiSignatureKeys;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ARK's {@code throwIfCannotEnterPool} rules that depend only on what is already pending: one
 * pending second-signature / delegate registration / vote / multi-signature / resignation per
 * sender, one pending registration per username, per multi-signature address, per IPFS hash, and
 * one pending claim or refund per HTLC lock. Each claim is a string key owned by one transaction.
 */
final class PendingIndex {
  private final Map<String, String> owners = new HashMap<>();

  /** The conflict {@code tx} would create, if any. */
  Optional<PoolRejection> conflict(Transaction tx) {
    for (Claim claim : claims(tx)) {
      if (owners.containsKey(claim.key())) {
        return Optional.of(new PoolRejection(RejectionCode.ERR_PENDING, claim.message()));
      }
    }
    return Optional.empty();
  }

  void add(Transaction tx) {
    for (Claim claim : claims(tx)) {
      owners.put(claim.key(), tx.id());
    }
  }

  void remove(Transaction tx) {
    for (Claim claim : claims(tx)) {
      owners.remove(claim.key(), tx.id());
    }
  }

  void clear() {
    owners.clear();
  }

  private record Claim(String key, String message) {}

  private static List<Claim> claims(Transaction tx) {
    TransactionType type = tx.type();
    List<Claim> claims = new ArrayList<>(2);
    switch (type) {
      case SECOND_SIGNATURE, VOTE, DELEGATE_RESIGNATION -> claims.add(perSender(tx));
      case DELEGATE_REGISTRATION -> {
        claims.add(perSender(tx));
        String username = ((Asset.DelegateRegistration) tx.asset()).username();
        claims.add(
            new Claim(
                "username:" + username,
                "Delegate registration for \"" + username + "\" already in the pool"));
      }
      case MULTI_SIGNATURE -> {
        claims.add(perSender(tx));
        multiSignatureAddress(tx)
            .ifPresent(
                address ->
                    claims.add(
                        new Claim(
                            "multisig:" + address,
                            "MultiSignatureRegistration for address "
                                + address
                                + " already in the pool")));
      }
      case IPFS -> {
        String hash = ((Asset.Ipfs) tx.asset()).multihash().hex();
        claims.add(new Claim("ipfs:" + hash, "IPFS hash \"" + hash + "\" already in the pool"));
      }
      case HTLC_CLAIM -> claims.add(lock(((Asset.HtlcClaim) tx.asset()).lockTransactionId(), tx));
      case HTLC_REFUND -> claims.add(lock(((Asset.HtlcRefund) tx.asset()).lockTransactionId(), tx));
      default -> {
        // transfers, multi-payments and locks may pile up freely
      }
    }
    return claims;
  }

  private static Claim perSender(Transaction tx) {
    String sender = tx.senderPublicKey().hex();
    return new Claim(
        "sender:" + sender + ":" + tx.type().code(),
        "Sender "
            + sender
            + " already has a transaction of type '"
            + tx.type().code()
            + "' in the pool");
  }

  private static Claim lock(Bytes lockId, Transaction tx) {
    String key = tx.type().feeKey();
    String name = Character.toUpperCase(key.charAt(0)) + key.substring(1);
    return new Claim(
        "lock:" + lockId.hex(), name + " for \"" + lockId.hex() + "\" already in the pool");
  }

  private static Optional<String> multiSignatureAddress(Transaction tx) {
    if (!(tx.asset() instanceof Asset.MultiSignature ms)) {
      return Optional.empty();
    }
    try {
      byte[] key =
          MultiSignatureKeys.publicKey(
              ms.min(), ms.publicKeys().stream().map(Bytes::toArray).toList());
      return Optional.of(Address.fromPublicKey(key, tx.network()));
    } catch (DecodeException e) {
      return Optional.empty(); // the schema refuses such an asset before it gets here
    }
  }
}
