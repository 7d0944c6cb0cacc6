package com.osmosecollective.node.storage;

import java.util.List;
import java.util.Objects;

/**
 * What storage keeps of one transaction: its serialized bytes plus every attribute an index needs,
 * filled by the caller from the parsed transaction.
 *
 * @param id 64 lowercase hex chars
 * @param position index of the transaction in its block, from 0
 * @param senderPublicKey lowercase hex, 33 bytes
 * @param recipients every address that receives something: the recipient id, every multi-payment
 *     recipient, the HTLC lock recipient; distinct, in the transaction's order
 * @param voteTargets public keys of the delegates a vote transaction votes or unvotes
 * @param htlcLock the lock of an HTLC lock transaction, or null
 * @param htlcSettledLockId the lock an HTLC claim or refund settles, or null
 * @param ipfsHash the hash an IPFS transaction registers, or null
 */
// serialized transaction bytes handed to readers without copying
@SuppressWarnings("ArrayRecordComponent")
public record TxData(
    String id,
    int position,
    int typeGroup,
    int type,
    String senderPublicKey,
    String senderAddress,
    List<String> recipients,
    long amount,
    long fee,
    List<String> voteTargets,
    HtlcLockInfo htlcLock,
    String htlcSettledLockId,
    String ipfsHash,
    byte[] serialized) {
  public TxData {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(senderPublicKey, "senderPublicKey");
    Objects.requireNonNull(senderAddress, "senderAddress");
    Objects.requireNonNull(serialized, "serialized");
    recipients = List.copyOf(recipients);
    voteTargets = List.copyOf(voteTargets);
    if (recipients.size() > 1 && new java.util.HashSet<>(recipients).size() != recipients.size()) {
      throw new IllegalArgumentException("duplicate recipient in transaction " + id);
    }
    if (position < 0 || typeGroup < 0 || type < 0 || type > 0xffff || amount < 0 || fee < 0) {
      throw new IllegalArgumentException("negative or out-of-range field in transaction " + id);
    }
  }
}
