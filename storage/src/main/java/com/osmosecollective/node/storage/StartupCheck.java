package com.osmosecollective.node.storage;

import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.storage.codec.BlockDataCodec;
import com.osmosecollective.node.storage.codec.Keys;
import com.osmosecollective.node.storage.codec.UndoCodec;
import com.osmosecollective.node.storage.codec.WalletCodec;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The integrity check made each time a node opens its database, before anything is written: cheap
 * enough for every start (a few reads and the checksums of the newest table files, bounded by
 * {@link StoreOptions#startupChecksumBytes()}), thorough enough that a damaged store is refused
 * rather than forged on. The full check is {@code osmose db check} ({@link DatabaseChecker}).
 */
final class StartupCheck {
  private static final Logger LOG = LoggerFactory.getLogger(StartupCheck.class);

  private final RocksDatabase database;
  private final StoreOptions options;

  private StartupCheck(RocksDatabase database, StoreOptions options) {
    this.database = database;
    this.options = options;
  }

  /**
   * @param tip the tip read from meta (null: an empty chain)
   * @throws StoreOpenException {@link StoreOpenException.Reason#CORRUPT} naming what is wrong
   */
  static void verify(RocksDatabase database, StoreOptions options, ChainTip tip)
      throws StoreOpenException {
    StartupCheck check = new StartupCheck(database, options);
    try {
      check.tables();
      if (tip == null) {
        check.empty();
      } else {
        check.tip(tip);
      }
    } catch (RocksDBException e) {
      throw check.refuse("reading it failed: " + StorageFailure.describe(e), e);
    } catch (DecodeException e) {
      throw check.refuse(e.getMessage(), e);
    }
  }

  private void tables() throws StoreOpenException {
    long started = System.nanoTime();
    TableChecksums.Result result =
        TableChecksums.verify(database, options.directory(), options.startupChecksumBytes());
    if (!result.damage().isEmpty()) {
      throw refuse(result.damage().get(0).describe(), null);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    if (result.complete()) {
      LOG.info(
          "checksums of all {} table file(s) verified ({} MB, {} ms)",
          result.liveFiles(),
          result.verifiedBytes() >> 20,
          millis);
    } else {
      LOG.info(
          "checksums of the newest {} of {} table files verified ({} of {} MB, {} ms); osmose db"
              + " check verifies all of them",
          result.verifiedFiles(),
          result.liveFiles(),
          result.verifiedBytes() >> 20,
          result.liveBytes() >> 20,
          millis);
    }
  }

  /** No tip: then there are no blocks either. */
  private void empty() throws RocksDBException, StoreOpenException {
    try (RocksIterator it = database.db().newIterator(database.handle(ColumnFamily.BLOCKS))) {
      it.seekToFirst();
      boolean any = it.isValid();
      it.status();
      if (any) {
        throw refuse("it holds blocks but no tip", null);
      }
    }
  }

  /** The tip block is readable, is the one meta names, and is chained to its parent. */
  private void tip(ChainTip tip) throws RocksDBException, DecodeException, StoreOpenException {
    BlockDataCodec blocks = new BlockDataCodec();
    BlockData top = block(blocks, tip.height());
    if (!top.id().equals(tip.id())) {
      throw refuse("the tip names block " + tip.id() + " but the top block is " + top.id(), null);
    }
    byte[] mapped = database.get(ColumnFamily.BLOCK_IDS, Keys.blockId(top.id()));
    if (mapped == null || mapped.length != 8 || Keys.readU64(mapped, 0) != tip.height()) {
      throw refuse("the tip block's id does not map to its height", null);
    }
    if (tip.height() > 1) {
      BlockData parent = block(blocks, tip.height() - 1);
      if (!Objects.equals(parent.id(), top.previousId())) {
        throw refuse(
            "the tip block " + tip.height() + " is not chained to block " + (tip.height() - 1),
            null);
      }
    }
    if (database.get(ColumnFamily.META, Meta.SUPPLY_BASE_KEY) == null) {
      throw refuse("the genesis supply is not recorded", null);
    }
    Meta.decodeLong(database.get(ColumnFamily.META, Meta.SUPPLY_BASE_KEY), "supply base");
    byte[] undo = database.get(ColumnFamily.UNDO, Keys.height(tip.height()));
    if (undo == null) {
      throw refuse("the tip block has no undo record", null);
    }
    new UndoCodec(ColumnFamily.all().size()).decode(undo);
    // the genesis block's generator need not have a wallet; a delegate's wallet must decode
    byte[] generator =
        database.get(ColumnFamily.WALLET_KEYS, Keys.publicKey(top.generatorPublicKey()));
    if (generator != null) {
      byte[] wallet =
          database.get(
              ColumnFamily.WALLETS, Keys.address(new String(generator, StandardCharsets.US_ASCII)));
      if (wallet == null) {
        throw refuse("the tip block's generator's wallet is missing", null);
      }
      new WalletCodec().decode(wallet);
    }
  }

  private BlockData block(BlockDataCodec codec, long height)
      throws RocksDBException, DecodeException, StoreOpenException {
    byte[] bytes = database.get(ColumnFamily.BLOCKS, Keys.height(height));
    if (bytes == null) {
      throw refuse("block " + height + " is missing", null);
    }
    BlockData block = codec.decode(bytes);
    if (block.height() != height) {
      throw refuse("the block under height " + height + " says " + block.height(), null);
    }
    return block;
  }

  private StoreOpenException refuse(String what, Throwable cause) {
    return new StoreOpenException(
        StoreOpenException.Reason.CORRUPT,
        "the chain database at "
            + options.directory().toAbsolutePath()
            + " is damaged ("
            + what
            + "); nothing was written. Stop here: run osmose db check --data-dir <data dir> for"
            + " the full report, then restore the data dir from a backup or rebuild it (osmose db"
            + " replay from a healthy copy)",
        cause);
  }
}
