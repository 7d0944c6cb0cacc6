package com.osmosecollective.node.core.tx;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.osmosecollective.node.config.Milestone;
import com.osmosecollective.node.core.encoding.Bytes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random transactions that are valid on the wire (not necessarily signed or schema-valid): every
 * type and version, with signature sections the v2 length heuristic reads back unchanged.
 */
final class RandomTransactions {
  static final int NETWORK = 115;
  static final TxContext V1 = new TxContext(NETWORK, milestone(1, false));
  static final TxContext V2 = new TxContext(NETWORK, milestone(2, true));

  private RandomTransactions() {}

  static Milestone milestone(long height, boolean aip11) {
    return new Milestone(
        height,
        0,
        51,
        20,
        Instant.parse("2017-02-21T13:00:00Z"),
        0,
        50,
        2_097_152,
        false,
        false,
        Map.of(),
        64,
        128,
        aip11,
        aip11,
        false,
        JsonNodeFactory.instance.objectNode());
  }

  static Transaction generate(Random r) {
    int version = r.nextInt(3) == 0 ? 1 : 2;
    TransactionType type = TransactionType.values()[r.nextInt(version == 1 ? 5 : 11)];
    Transaction.Builder b =
        Transaction.builder()
            .version(version)
            .network(NETWORK)
            .senderPublicKey(key(r))
            .fee(amount(r));
    if (version == 1) {
      b.timestamp(r.nextLong() & 0xffffffffL);
    } else {
      b.nonce(amount(r));
    }
    if (type.hasVendorField() && r.nextBoolean()) {
      b.vendorField(text(r, 64));
    }
    if (type == TransactionType.TRANSFER || type == TransactionType.HTLC_LOCK) {
      b.amount(amount(r));
    }
    b.asset(asset(type, version, r));
    signatures(b, version, r);
    return b.build();
  }

  private static Asset asset(TransactionType type, int version, Random r) {
    return switch (type) {
      case TRANSFER -> new Asset.Transfer(r.nextLong() & 0xffffffffL, address(r));
      case SECOND_SIGNATURE -> new Asset.SecondSignature(key(r));
      case DELEGATE_REGISTRATION -> new Asset.DelegateRegistration(text(r, 40));
      case VOTE -> {
        List<Asset.VoteEntry> votes = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
          votes.add(new Asset.VoteEntry(r.nextBoolean(), key(r)));
        }
        yield new Asset.Vote(votes);
      }
      case MULTI_SIGNATURE -> {
        List<Bytes> keys = new ArrayList<>();
        for (int i = r.nextInt(17); i > 0; i--) {
          keys.add(key(r));
        }
        yield version == 1
            ? new Asset.MultiSignatureLegacy(r.nextInt(256), r.nextInt(256), keys)
            : new Asset.MultiSignature(r.nextInt(256), keys);
      }
      case IPFS -> {
        byte[] multihash = new byte[2 + r.nextInt(65)];
        r.nextBytes(multihash);
        multihash[1] = (byte) (multihash.length - 2);
        yield new Asset.Ipfs(Bytes.of(multihash));
      }
      case MULTI_PAYMENT -> {
        List<Asset.Payment> payments = new ArrayList<>();
        for (int i = r.nextInt(r.nextInt(10) == 0 ? 129 : 8); i > 0; i--) {
          payments.add(new Asset.Payment(amount(r), address(r)));
        }
        yield new Asset.MultiPayment(payments);
      }
      case DELEGATE_RESIGNATION -> new Asset.DelegateResignation();
      case HTLC_LOCK ->
          new Asset.HtlcLock(bytes(r, 32), r.nextInt(256), r.nextLong() & 0xffffffffL, address(r));
      case HTLC_CLAIM -> new Asset.HtlcClaim(bytes(r, 32), bytes(r, 32));
      case HTLC_REFUND -> new Asset.HtlcRefund(bytes(r, 32));
    };
  }

  private static void signatures(Transaction.Builder b, int version, Random r) {
    int shape = r.nextInt(4);
    if (version == 1) {
      if (shape == 0) {
        return; // unsigned
      }
      b.signature(der(r));
      if (shape >= 2) {
        b.secondSignature(der(r));
      }
      if (shape == 3 && r.nextBoolean()) {
        b.signatures(List.of(bytes(r, 1 + r.nextInt(200))));
      }
      return;
    }
    boolean ecdsa = r.nextInt(3) == 0;
    if (ecdsa) {
      // ECDSA with participants is not decodable in ARK (unsupportedCombinations); none here
      if (shape > 0) {
        b.signature(der(r));
        if (shape >= 2) {
          b.secondSignature(der(r));
        }
      }
      return;
    }
    if (shape >= 1) {
      b.signature(bytes(r, 64));
      if (shape >= 2) {
        b.secondSignature(bytes(r, 64));
      }
    }
    if (shape == 0 || shape == 3) {
      List<Bytes> participants = new ArrayList<>();
      int count = r.nextInt(17);
      List<Integer> indexes = new ArrayList<>();
      for (int i = 0; i < 256; i++) {
        indexes.add(i);
      }
      java.util.Collections.shuffle(indexes, r);
      for (int i = 0; i < count; i++) {
        byte[] entry = bytes(r, 65).toArray();
        entry[0] = (byte) (int) indexes.get(i);
        participants.add(Bytes.of(entry));
      }
      b.signatures(participants);
    }
  }

  /** Shaped like DER (0x30, length, body) so the ECDSA reader takes the same number of bytes. */
  static Bytes der(Random r) {
    byte[] sig = new byte[70 + r.nextInt(3)];
    r.nextBytes(sig);
    sig[0] = 0x30;
    sig[1] = (byte) (sig.length - 2);
    return Bytes.of(sig);
  }

  static Bytes key(Random r) {
    byte[] k = bytes(r, 33).toArray();
    k[0] = (byte) (r.nextBoolean() ? 2 : 3);
    return Bytes.of(k);
  }

  static Bytes address(Random r) {
    byte[] a = bytes(r, 21).toArray();
    a[0] = (byte) NETWORK;
    return Bytes.of(a);
  }

  static Bytes bytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return Bytes.of(b);
  }

  static long amount(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> 0;
      case 1 -> Long.MAX_VALUE;
      default -> r.nextLong() >>> 1;
    };
  }

  /** Text whose UTF-8 form is at most {@code maxBytes}, mixing ASCII and multi-byte characters. */
  static String text(Random r, int maxBytes) {
    StringBuilder sb = new StringBuilder();
    int bytes = 0;
    int target = r.nextInt(maxBytes + 1);
    while (true) {
      int cp =
          switch (r.nextInt(4)) {
            case 0 -> 0x80 + r.nextInt(0x780);
            case 1 -> 0x1F600 + r.nextInt(0x40);
            default -> 0x20 + r.nextInt(0x5f);
          };
      int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + size > target) {
        return sb.toString();
      }
      sb.appendCodePoint(cp);
      bytes += size;
    }
  }

  static TxContext contextFor(Transaction tx) {
    return tx.version() == 1 ? V1 : V2;
  }
}
