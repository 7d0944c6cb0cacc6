package com.osmosecollective.node.storage;

import com.osmosecollective.node.core.encoding.Hex;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.rocksdb.RocksIterator;

/** Every column's full contents as hex, for byte-for-byte database comparisons in tests. */
public final class DatabaseDump {
  private DatabaseDump() {}

  public static Map<String, Map<String, String>> of(ChainStore store) {
    store.flush();
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    RocksDatabase db = store.database();
    for (ColumnFamily cf : ColumnFamily.all()) {
      Map<String, String> entries = new TreeMap<>();
      try (RocksIterator it = db.db().newIterator(db.handle(cf))) {
        for (it.seekToFirst(); it.isValid(); it.next()) {
          entries.put(Hex.encode(it.key()), Hex.encode(it.value()));
        }
      }
      out.put(cf.familyName(), entries);
    }
    return out;
  }
}
