package com.osmosecollective.node.core.tx;

import com.osmosecollective.node.core.crypto.Hashes;
import com.osmosecollective.node.core.encoding.ByteWriter;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.Hex;
import java.util.List;
import java.util.Objects;

/**
 * An immutable core transaction, version 1 (legacy) or 2 (AIP-11). The type is the asset's type.
 * The id is computed once, on construction, over the canonical re-serialisation (spec §3.7): v2 =
 * sha256(wire bytes), v1 = sha256(legacy bytes with signatures). Values equal by content; the id is
 * derived and so does not take part in {@code equals}.
 *
 * <p>Version-specific fields: {@code nonce} is meaningful for v2 only (0 for v1), {@code timestamp}
 * for v1 only (0 for v2). {@code signatures} are 65-byte participant signatures for v2; for v1 they
 * hold ARK 3's single concatenated legacy multi-signature blob.
 */
public final class Transaction {
  private final int version;
  private final int network;
  private final int typeGroup;
  private final long nonce;
  private final long timestamp;
  private final Bytes senderPublicKey;
  private final long fee;
  private final long amount;
  private final String vendorField;
  private final Asset asset;
  private final Bytes signature;
  private final Bytes secondSignature;
  private final List<Bytes> signatures;

  private final byte[] serialized;
  private final byte[] idBytes;
  private final String id;

  private Transaction(Builder b) {
    this.version = b.version;
    this.network = b.network;
    this.typeGroup = b.typeGroup;
    this.nonce = b.nonce;
    this.timestamp = b.timestamp;
    this.senderPublicKey = Objects.requireNonNull(b.senderPublicKey, "senderPublicKey");
    this.fee = b.fee;
    this.amount = b.amount;
    this.vendorField = b.vendorField == null || b.vendorField.isEmpty() ? null : b.vendorField;
    this.asset = Objects.requireNonNull(b.asset, "asset");
    this.signature = b.signature;
    this.secondSignature = b.secondSignature;
    this.signatures = List.copyOf(b.signatures);
    checkInvariants();
    this.serialized = TransactionSerializer.serialize(this, SignatureSelection.ALL);
    this.idBytes =
        version == 1 ? Hashes.sha256(LegacyBytes.of(this, true, true)) : Hashes.sha256(serialized);
    this.id = Hex.encode(idBytes);
  }

  private void checkInvariants() {
    if (version != 1 && version != 2) {
      throw new IllegalArgumentException("version must be 1 or 2");
    }
    if (network < 0 || network > 0xff) {
      throw new IllegalArgumentException("network must fit one byte");
    }
    if (typeGroup != TransactionType.CORE_TYPE_GROUP) {
      throw new IllegalArgumentException("only typeGroup 1 (core) is supported");
    }
    if (senderPublicKey.length() != Asset.PUBLIC_KEY_LENGTH) {
      throw new IllegalArgumentException("senderPublicKey must be 33 bytes");
    }
    if (fee < 0 || amount < 0 || nonce < 0) {
      throw new IllegalArgumentException("fee, amount and nonce must be within 0..2^63-1");
    }
    if (timestamp < 0 || timestamp > 0xffffffffL) {
      throw new IllegalArgumentException("timestamp must fit 32 bits unsigned");
    }
    if (version == 1 && (!type().existsInVersion1() || asset instanceof Asset.MultiSignature)) {
      throw new IllegalArgumentException(type() + " does not exist in version 1");
    }
    if (version == 2 && asset instanceof Asset.MultiSignatureLegacy) {
      throw new IllegalArgumentException("legacy multi-signature registration is version 1 only");
    }
    if ((version == 1 && nonce != 0) || (version == 2 && timestamp != 0)) {
      throw new IllegalArgumentException("nonce is for version 2, timestamp for version 1");
    }
    if (vendorField != null && !type().hasVendorField()) {
      throw new IllegalArgumentException(type() + " has no vendorField");
    }
    if (vendorField != null && TransactionSerializer.utf8(vendorField).length > 255) {
      throw new IllegalArgumentException("vendorField longer than 255 bytes");
    }
    if ((signature != null && signature.isEmpty())
        || (secondSignature != null && secondSignature.isEmpty())) {
      throw new IllegalArgumentException("signatures must not be empty");
    }
    for (Bytes s : signatures) {
      if (version == 2 && s.length() != 65) {
        throw new IllegalArgumentException("participant signatures must be 65 bytes");
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.version = version;
    b.network = network;
    b.typeGroup = typeGroup;
    b.nonce = nonce;
    b.timestamp = timestamp;
    b.senderPublicKey = senderPublicKey;
    b.fee = fee;
    b.amount = amount;
    b.vendorField = vendorField;
    b.asset = asset;
    b.signature = signature;
    b.secondSignature = secondSignature;
    b.signatures = signatures;
    return b;
  }

  public int version() {
    return version;
  }

  /** The network byte (pubKeyHash). */
  public int network() {
    return network;
  }

  public int typeGroup() {
    return typeGroup;
  }

  public TransactionType type() {
    return asset.type();
  }

  public long nonce() {
    return nonce;
  }

  public long timestamp() {
    return timestamp;
  }

  public Bytes senderPublicKey() {
    return senderPublicKey;
  }

  public long fee() {
    return fee;
  }

  /** Top-level amount: transfers and HTLC locks; 0 for every other type (also multi-payment). */
  public long amount() {
    return amount;
  }

  /** The vendorField text, or null. */
  public String vendorField() {
    return vendorField;
  }

  public Asset asset() {
    return asset;
  }

  /** The sender's signature, or null (multi-signature wallets send none). */
  public Bytes signature() {
    return signature;
  }

  public Bytes secondSignature() {
    return secondSignature;
  }

  public List<Bytes> signatures() {
    return signatures;
  }

  /** The 64-hex id. */
  public String id() {
    return id;
  }

  /** The 32 id bytes (a copy), as hashed into a block's payloadHash. */
  public byte[] idBytes() {
    return idBytes.clone();
  }

  /** The wire serialization (AIP-11 v2, or v1 wire), a copy. */
  public byte[] serialized() {
    return serialized.clone();
  }

  public int serializedLength() {
    return serialized.length;
  }

  /** Appends the wire bytes without an intermediate copy (block encoding). */
  public void writeTo(ByteWriter writer) {
    writer.bytes(serialized);
  }

  /** Sum of the amounts this transaction moves: the amount, or the multi-payment total. */
  public long totalAmountMoved() {
    if (asset instanceof Asset.MultiPayment mp) {
      long sum = 0;
      for (Asset.Payment p : mp.payments()) {
        sum = Math.addExact(sum, p.amount());
      }
      return sum;
    }
    return amount;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Transaction t
        && version == t.version
        && network == t.network
        && typeGroup == t.typeGroup
        && nonce == t.nonce
        && timestamp == t.timestamp
        && fee == t.fee
        && amount == t.amount
        && senderPublicKey.equals(t.senderPublicKey)
        && Objects.equals(vendorField, t.vendorField)
        && asset.equals(t.asset)
        && Objects.equals(signature, t.signature)
        && Objects.equals(secondSignature, t.secondSignature)
        && signatures.equals(t.signatures);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "Transaction[v" + version + " " + type() + " id=" + id + "]";
  }

  /** Assembles a transaction; {@link #build()} validates the wire-level invariants. */
  public static final class Builder {
    private int version = 2;
    private int network;
    private int typeGroup = TransactionType.CORE_TYPE_GROUP;
    private long nonce;
    private long timestamp;
    private Bytes senderPublicKey;
    private long fee;
    private long amount;
    private String vendorField;
    private Asset asset;
    private Bytes signature;
    private Bytes secondSignature;
    private List<Bytes> signatures = List.of();

    private Builder() {}

    public Builder version(int v) {
      this.version = v;
      return this;
    }

    public Builder network(int v) {
      this.network = v;
      return this;
    }

    public Builder typeGroup(int v) {
      this.typeGroup = v;
      return this;
    }

    public Builder nonce(long v) {
      this.nonce = v;
      return this;
    }

    public Builder timestamp(long v) {
      this.timestamp = v;
      return this;
    }

    public Builder senderPublicKey(Bytes v) {
      this.senderPublicKey = v;
      return this;
    }

    public Builder fee(long v) {
      this.fee = v;
      return this;
    }

    public Builder amount(long v) {
      this.amount = v;
      return this;
    }

    public Builder vendorField(String v) {
      this.vendorField = v;
      return this;
    }

    public Builder asset(Asset v) {
      this.asset = v;
      return this;
    }

    public Builder signature(Bytes v) {
      this.signature = v;
      return this;
    }

    public Builder secondSignature(Bytes v) {
      this.secondSignature = v;
      return this;
    }

    public Builder signatures(List<Bytes> v) {
      this.signatures = List.copyOf(v);
      return this;
    }

    public Transaction build() {
      return new Transaction(this);
    }
  }
}
