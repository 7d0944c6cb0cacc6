package com.osmosecollective.node.storage.codec;

import com.osmosecollective.node.core.encoding.ByteReader;
import com.osmosecollective.node.core.encoding.ByteWriter;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.storage.HtlcLockInfo;
import com.osmosecollective.node.storage.TxData;
import java.util.List;

/**
 * Values of the {@code txs} column: height, every index attribute of the transaction (so checks can
 * verify index entries from the record alone) and its serialized bytes.
 */
public final class TxRecordCodec implements ValueCodec<TxRecord> {
  static final int FORMAT = 1;
  public static final int MAX_TX_BYTES = 4 * 1024 * 1024;
  private static final int MAX_SHORT = 255;
  private static final int MAX_RECIPIENTS = 0xffff;

  @Override
  public byte[] encode(TxRecord record) {
    TxData t = record.tx();
    ByteWriter out = new ByteWriter(t.serialized().length + 160);
    out.u8(FORMAT);
    out.u64(record.height());
    Fields.string(out, record.blockId());
    out.u64(record.blockTimestamp());
    Fields.hex(out, t.id(), Fields.HASH_BYTES, "transaction id");
    out.u32(t.position());
    out.u32(t.typeGroup());
    out.u16(t.type());
    Fields.hex(out, t.senderPublicKey(), Fields.PUBLIC_KEY_BYTES, "sender public key");
    Fields.string(out, t.senderAddress());
    Fields.stringList(out, t.recipients());
    out.u64(t.amount());
    out.u64(t.fee());
    Fields.hexList(out, t.voteTargets(), Fields.PUBLIC_KEY_BYTES, "vote target");
    HtlcLockInfo lock = t.htlcLock();
    out.u8(lock == null ? 0 : 1);
    if (lock != null) {
      Fields.string(out, lock.recipientAddress());
      out.u64(lock.amount());
      Fields.string(out, lock.secretHash());
      out.u8(lock.expirationType());
      out.u64(lock.expirationValue());
    }
    Fields.optionalHex(out, t.htlcSettledLockId(), Fields.HASH_BYTES, "settled lock id");
    Fields.optionalString(out, t.ipfsHash());
    Fields.blob(out, t.serialized());
    return out.toByteArray();
  }

  @Override
  public TxRecord decode(byte[] bytes) throws DecodeException {
    ByteReader in = new ByteReader(bytes);
    int format = in.u8("transaction format");
    if (format != FORMAT) {
      throw new DecodeException("unknown transaction format " + format);
    }
    long height = Fields.nonNegative(in, "height");
    String blockId = Fields.string(in, MAX_SHORT, "block id");
    long blockTimestamp = Fields.nonNegative(in, "block timestamp");
    String id = Fields.hex(in, Fields.HASH_BYTES, "transaction id");
    int position = in.u32AsInt("position");
    int typeGroup = in.u32AsInt("type group");
    int type = in.u16("type");
    String senderKey = Fields.hex(in, Fields.PUBLIC_KEY_BYTES, "sender public key");
    String sender = Fields.string(in, MAX_SHORT, "sender address");
    List<String> recipients = Fields.stringList(in, MAX_RECIPIENTS, MAX_SHORT, "recipients");
    long amount = Fields.nonNegative(in, "amount");
    long fee = Fields.nonNegative(in, "fee");
    List<String> votes =
        Fields.hexList(in, MAX_RECIPIENTS, Fields.PUBLIC_KEY_BYTES, "vote targets");
    HtlcLockInfo lock = null;
    if (Fields.presence(in, "htlc lock")) {
      String recipient = Fields.string(in, MAX_SHORT, "lock recipient");
      long lockAmount = Fields.nonNegative(in, "lock amount");
      String secretHash = Fields.string(in, MAX_SHORT, "secret hash");
      int expirationType = in.u8("expiration type");
      long expirationValue = in.u64("expiration value");
      lock = new HtlcLockInfo(recipient, lockAmount, secretHash, expirationType, expirationValue);
    }
    String settled = Fields.optionalHex(in, Fields.HASH_BYTES, "settled lock id");
    String ipfs = Fields.optionalString(in, MAX_SHORT, "ipfs hash");
    byte[] serialized = Fields.blob(in, MAX_TX_BYTES, "serialized transaction");
    Fields.requireEnd(in, "transaction");
    if (recipients.size() > 1 && new java.util.HashSet<>(recipients).size() != recipients.size()) {
      throw new DecodeException("duplicate recipient in stored transaction " + id);
    }
    return new TxRecord(
        height,
        blockId,
        blockTimestamp,
        new TxData(
            id,
            position,
            typeGroup,
            type,
            senderKey,
            sender,
            recipients,
            amount,
            fee,
            votes,
            lock,
            settled,
            ipfs,
            serialized));
  }
}
