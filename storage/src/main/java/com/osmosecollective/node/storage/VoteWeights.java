package com.osmosecollective.node.storage;

import com.osmosecollective.node.core.encoding.ByteReader;
import com.osmosecollective.node.core.encoding.ByteWriter;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.codec.Fields;
import com.osmosecollective.node.storage.codec.Keys;
import java.nio.charset.StandardCharsets;
import org.rocksdb.RocksDBException;

/**
 * The vote-weight history ({@code idx_vote_weight}): whenever a block changes what a wallet's vote
 * weighs for a delegate — its balance or HTLC-locked balance while voting, a vote, an unvote, a
 * switch — the entry (delegate, height, voter) holds the weight after the block, 0 once the wallet
 * stopped voting for that delegate. Derived from the before/after wallet values the block writer
 * already has; keyed by the new height, so no prior value exists and the undo record lists each
 * entry as absent (revert deletes it).
 */
final class VoteWeights {
  static final int KEY_PREFIX = 33 + Keys.HEIGHT_BYTES;

  private VoteWeights() {}

  static void update(PendingBatch batch, long height, Wallet before, Wallet after)
      throws RocksDBException {
    String oldDelegate = before == null ? null : before.vote();
    String newDelegate = after == null ? null : after.vote();
    if (oldDelegate != null && !oldDelegate.equals(newDelegate)) {
      write(batch, oldDelegate, height, before.address(), 0);
    }
    if (newDelegate != null) {
      long weight = after.votingWeight();
      if (!newDelegate.equals(oldDelegate) || weight != before.votingWeight()) {
        write(batch, newDelegate, height, after.address(), weight);
      }
    }
  }

  private static void write(
      PendingBatch batch, String delegate, long height, String voter, long weight)
      throws RocksDBException {
    batch.putKnown(
        ColumnFamily.IDX_VOTE_WEIGHT,
        Keys.voteWeight(delegate, height, voter),
        encode(weight),
        null);
  }

  static byte[] encode(long weight) {
    return new ByteWriter(8).u64(weight).toByteArray();
  }

  static long decode(byte[] value) throws DecodeException {
    ByteReader in = new ByteReader(value);
    long weight = in.u64("vote weight");
    Fields.requireEnd(in, "vote weight");
    return weight;
  }

  static long height(byte[] key) {
    return Keys.readU64(key, 33);
  }

  static String voter(byte[] key) throws DecodeException {
    int length = key.length > KEY_PREFIX ? key[KEY_PREFIX] & 0xff : -1;
    if (length < 1 || key.length != KEY_PREFIX + 1 + length) {
      throw new DecodeException("vote weight key of " + key.length + " bytes");
    }
    return new String(key, KEY_PREFIX + 1, length, StandardCharsets.US_ASCII);
  }
}
