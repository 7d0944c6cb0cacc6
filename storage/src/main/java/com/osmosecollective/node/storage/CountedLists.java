package com.osmosecollective.node.storage;

import com.osmosecollective.node.core.encoding.ByteReader;
import com.osmosecollective.node.core.encoding.ByteWriter;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.storage.codec.Fields;
import com.osmosecollective.node.storage.codec.Keys;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The counted lists: append-only lists of transactions (or a generator's block heights) in chain
 * order, each entry keyed by its ordinal, so the n-th entry from either end is one key away and a
 * page at any depth costs what the first page costs. {@code list_counts} holds each list's length;
 * {@code list_entries} holds {@code list key + ordinal u64 → transaction id} (or height u64).
 */
final class CountedLists {
  static final int ALL = 0;
  static final int ADDRESS = 1;
  static final int SENT = 2;
  static final int RECEIVED = 3;
  static final int TYPE = 4;
  static final int VOTER = 5;
  static final int GENERATOR = 6;

  private CountedLists() {}

  static byte[] all() {
    return new byte[] {ALL};
  }

  /** Transactions with the address on either side (sender, recipient, payment, lock). */
  static byte[] address(String address) {
    return tagged(ADDRESS, Keys.addressPrefix(address));
  }

  static byte[] sent(String address) {
    return tagged(SENT, Keys.addressPrefix(address));
  }

  static byte[] received(String address) {
    return tagged(RECEIVED, Keys.addressPrefix(address));
  }

  static byte[] type(int typeGroup, int type) {
    return tagged(TYPE, Keys.typePrefix(typeGroup, type));
  }

  /** The vote transactions a wallet sent. */
  static byte[] voter(String address) {
    return tagged(VOTER, Keys.addressPrefix(address));
  }

  /** The heights of the blocks a delegate forged. */
  static byte[] generator(String publicKey) {
    return tagged(GENERATOR, Keys.publicKey(publicKey));
  }

  static byte[] entry(byte[] list, long ordinal) {
    return new Keys.Builder(list.length + Keys.HEIGHT_BYTES).bytes(list).u64(ordinal).build();
  }

  /** The lists a transaction joins, each once. */
  static List<byte[]> ofTransaction(TxData tx) {
    List<byte[]> out = new ArrayList<>(6 + 2 * tx.recipients().size());
    out.add(all());
    Set<String> parties = new LinkedHashSet<>();
    parties.add(tx.senderAddress());
    parties.addAll(tx.recipients());
    for (String party : parties) {
      out.add(address(party));
    }
    out.add(sent(tx.senderAddress()));
    for (String recipient : tx.recipients()) {
      out.add(received(recipient));
    }
    out.add(type(tx.typeGroup(), tx.type()));
    if (!tx.voteTargets().isEmpty()) {
      out.add(voter(tx.senderAddress()));
    }
    return out;
  }

  static byte[] encodeCount(long count) {
    return new ByteWriter(8).u64(count).toByteArray();
  }

  static long decodeCount(byte[] bytes) throws DecodeException {
    ByteReader in = new ByteReader(bytes);
    long count = Fields.nonNegative(in, "list count");
    Fields.requireEnd(in, "list count");
    return count;
  }

  private static byte[] tagged(int tag, byte[] rest) {
    return new Keys.Builder(1 + rest.length).u8(tag).bytes(rest).build();
  }
}
