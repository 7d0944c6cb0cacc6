package com.osmosecollective.node.storage;

import com.osmosecollective.node.core.encoding.ByteReader;
import com.osmosecollective.node.core.encoding.ByteWriter;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.storage.codec.Fields;
import com.osmosecollective.node.storage.codec.Keys;
import org.rocksdb.RocksDBException;

/** Keys and values of the {@code meta} column. */
final class Meta {
  /**
   * Bumped whenever a layout in storage/README.md changes incompatibly. 2: the {@code
   * idx_tx_address} column removed (sender and recipient scans merged instead); delegate wallets
   * carry the rank and round chosen at each round end. 3: the {@code idx_vote_weight} column (each
   * voter's weight for its delegate after every block that changed it). 4: the type, voter and
   * generator indexes keyed by ordinal (counted lists), {@code idx_tx_party} (either side, counted,
   * with each party's roles, which also serve an address's sent and received lists: {@code
   * idx_tx_sender} and {@code idx_tx_recipient} are retired) and {@code tx_ordinals} (the first
   * ordinal of each block's transactions), so a page is read at any depth by position.
   */
  static final int SCHEMA_VERSION = 4;

  static final byte[] SCHEMA_VERSION_KEY = Keys.meta("schema_version");
  static final byte[] NETHASH_KEY = Keys.meta("nethash");
  static final byte[] TIP_KEY = Keys.meta("tip");
  static final byte[] SUPPLY_BASE_KEY = Keys.meta("supply_base");
  static final byte[] UNDO_KEEP_KEY = Keys.meta("undo_keep");

  /** Lowest height whose undo record may still exist; written only once pruning starts. */
  static final byte[] UNDO_FLOOR_KEY = Keys.meta("undo_floor");

  private Meta() {}

  /** The committed tip, or null for a database without blocks. */
  static ChainTip readTip(RocksDatabase database) throws RocksDBException, DecodeException {
    byte[] bytes = database.get(ColumnFamily.META, TIP_KEY);
    return bytes == null ? null : decodeTip(bytes);
  }

  static byte[] encodeTip(ChainTip tip) {
    ByteWriter out = new ByteWriter(80);
    out.u64(tip.height());
    Fields.string(out, tip.id());
    return out.toByteArray();
  }

  static ChainTip decodeTip(byte[] bytes) throws DecodeException {
    ByteReader in = new ByteReader(bytes);
    long height = Fields.nonNegative(in, "tip height");
    String id = Fields.string(in, 255, "tip id");
    Fields.requireEnd(in, "tip");
    if (height < 1) {
      throw new DecodeException("tip height " + height);
    }
    return new ChainTip(height, id);
  }

  static byte[] encodeLong(long value) {
    return new ByteWriter(8).u64(value).toByteArray();
  }

  static long decodeLong(byte[] bytes, String what) throws DecodeException {
    ByteReader in = new ByteReader(bytes);
    long value = in.u64(what);
    Fields.requireEnd(in, what);
    return value;
  }
}
