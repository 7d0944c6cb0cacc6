package com.osmosecollective.node.storage;

import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.storage.codec.WalletCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * One SHA-256 over the chain state a node derives from its blocks: the tip (height, id), every
 * wallet in address order (storage's wallet encoding: balance, nonce, keys, delegate attributes
 * with votes, rank, produced and missed blocks, vote, HTLC locks, IPFS hashes) and every stored
 * round's delegates with their vote balances. Two databases with the same state hash hold the same
 * state, whatever path (live, replay, snapshot import) built them. Version 1; a change of the
 * wallet encoding is a new version.
 */
public final class StateHash {
  private static final byte[] DOMAIN = "osmose-state-v1".getBytes(StandardCharsets.US_ASCII);

  private StateHash() {}

  /** The state hash of a database, hex; read it on a quiescent database (stopped or read-only). */
  public static String of(ChainQueries queries) {
    MessageDigest digest = sha256();
    digest.update(DOMAIN);
    ChainTip tip = queries.tip().orElse(new ChainTip(0, ""));
    digest.update(longBytes(tip.height()));
    text(digest, tip.id());
    WalletCodec codec = new WalletCodec();
    long[] wallets = {0};
    queries.forEachWallet(
        wallet -> {
          byte[] encoded = codec.encode(wallet);
          digest.update(longBytes(encoded.length));
          digest.update(encoded);
          wallets[0]++;
        });
    digest.update(longBytes(wallets[0]));
    for (long round = 1; ; round++) {
      Optional<List<RoundDelegate>> delegates = queries.round(round);
      if (delegates.isEmpty()) {
        if (round > 1) {
          break;
        }
        continue; // a chain's first stored round may be round 1 or 2
      }
      digest.update(longBytes(round));
      digest.update(longBytes(delegates.get().size()));
      for (RoundDelegate delegate : delegates.get()) {
        text(digest, delegate.publicKey());
        digest.update(longBytes(delegate.voteBalance()));
      }
    }
    return Hex.encode(digest.digest());
  }

  private static void text(MessageDigest digest, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    digest.update(longBytes(bytes.length));
    digest.update(bytes);
  }

  private static byte[] longBytes(long value) {
    return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
