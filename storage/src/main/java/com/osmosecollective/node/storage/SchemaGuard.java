package com.osmosecollective.node.storage;

import com.osmosecollective.node.core.encoding.DecodeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Stamps a new database with the schema version and network, and refuses an existing database of
 * another version or network: reading it silently would corrupt it or serve another chain.
 */
final class SchemaGuard {
  private SchemaGuard() {}

  /**
   * What to do with a database of another schema version. There is no in-place migration: the chain
   * is rebuilt from peers (or, once it exists, replayed from the old database with {@code osmose db
   * replay}) into a new database.
   */
  static String remedy(Path directory) {
    return "this node cannot use it: stop the node, then move or delete "
        + directory.toAbsolutePath()
        + " (the node resyncs the chain into a new database), or start it with another"
        + " --data-dir";
  }

  /**
   * @param directory the database directory, named in refusals
   * @param expectedNethash the network this node runs, or null to accept any (read-only tools)
   */
  static void verifyOrStamp(
      RocksDatabase database, Path directory, String expectedNethash, boolean readOnly)
      throws StoreOpenException {
    try {
      byte[] version = database.get(ColumnFamily.META, Meta.SCHEMA_VERSION_KEY);
      if (version == null) {
        if (database.get(ColumnFamily.META, Meta.TIP_KEY) != null) {
          throw new StoreOpenException(
              StoreOpenException.Reason.SCHEMA_MISMATCH,
              "database has blocks but no schema version; it was not written by this node; "
                  + remedy(directory));
        }
        if (readOnly || expectedNethash == null) {
          throw new StoreOpenException(
              StoreOpenException.Reason.MISSING, "database is empty: no schema version stamped");
        }
        stamp(database, expectedNethash);
        return;
      }
      long found = Meta.decodeLong(version, "schema version");
      if (found != Meta.SCHEMA_VERSION) {
        throw new StoreOpenException(
            StoreOpenException.Reason.SCHEMA_MISMATCH,
            "database schema version "
                + found
                + " is not the version "
                + Meta.SCHEMA_VERSION
                + " this node reads; "
                + remedy(directory));
      }
      byte[] nethash = database.get(ColumnFamily.META, Meta.NETHASH_KEY);
      String stored = nethash == null ? "" : new String(nethash, StandardCharsets.US_ASCII);
      if (expectedNethash != null && !expectedNethash.equals(stored)) {
        throw StoreOpenException.networkMismatch(
            stored,
            "database belongs to the network with nethash "
                + stored
                + ", this node runs nethash "
                + expectedNethash
                + "; use another data dir for this network");
      }
    } catch (RocksDBException e) {
      throw new StoreOpenException(
          StoreOpenException.Reason.UNREADABLE, "cannot read meta: " + e.getMessage(), e);
    } catch (DecodeException e) {
      throw new StoreOpenException(
          StoreOpenException.Reason.SCHEMA_MISMATCH,
          "corrupt schema version: " + e.getMessage(),
          e);
    }
  }

  static String storedNethash(RocksDatabase database) throws RocksDBException {
    byte[] nethash = database.get(ColumnFamily.META, Meta.NETHASH_KEY);
    return nethash == null ? null : new String(nethash, StandardCharsets.US_ASCII);
  }

  private static void stamp(RocksDatabase database, String nethash) throws RocksDBException {
    try (WriteBatch batch = new WriteBatch()) {
      batch.put(
          database.handle(ColumnFamily.META),
          Meta.SCHEMA_VERSION_KEY,
          Meta.encodeLong(Meta.SCHEMA_VERSION));
      batch.put(
          database.handle(ColumnFamily.META),
          Meta.NETHASH_KEY,
          nethash.getBytes(StandardCharsets.US_ASCII));
      database.db().write(database.writeOptions(true), batch);
    }
  }
}
