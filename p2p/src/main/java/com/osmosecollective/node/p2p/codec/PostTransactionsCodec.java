package com.osmosecollective.node.p2p.codec;

import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.p2p.message.Headers;
import com.osmosecollective.node.p2p.message.PostTransactionsRequest;
import com.osmosecollective.node.p2p.message.PostTransactionsResponse;
import com.osmosecollective.node.p2p.proto.ProtoReader;
import com.osmosecollective.node.p2p.proto.ProtoWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Route {@code p2p.transactions.postTransactions}. The transactions travel in one {@code bytes}
 * field, each as a u32 big-endian length then its serialized bytes ({@code
 * codecs/transactions.ts}).
 */
public final class PostTransactionsCodec {
  public static final String ROUTE = "p2p.transactions.postTransactions";

  private PostTransactionsCodec() {}

  public static byte[] encodeRequest(PostTransactionsRequest request) {
    ProtoWriter out = new ProtoWriter().bytes(1, LengthPrefixedList.encode(request.transactions()));
    if (request.headers() != null) {
      out.message(2, HeadersCodec.write(request.headers()));
    }
    return out.toByteArray();
  }

  public static PostTransactionsRequest decodeRequest(byte[] payload) throws DecodeException {
    ProtoReader r = new ProtoReader(payload);
    List<Bytes> transactions = List.of();
    Headers headers = null;
    while (r.hasRemaining()) {
      int field = r.nextField();
      switch (field) {
        case 1 ->
            transactions =
                LengthPrefixedList.decode(
                    r.bytes(payload.length, "posted transactions").toArray(),
                    PostTransactionsRequest.MAX_TRANSACTIONS,
                    "posted transactions");
        case 2 -> headers = HeadersCodec.read(r);
        default -> r.skip(field);
      }
    }
    return new PostTransactionsRequest(transactions, headers);
  }

  public static byte[] encodeResponse(PostTransactionsResponse response) {
    ProtoWriter out = new ProtoWriter();
    for (String index : response.accept()) {
      out.string(1, index);
    }
    return out.toByteArray();
  }

  public static PostTransactionsResponse decodeResponse(byte[] payload) throws DecodeException {
    ProtoReader r = new ProtoReader(payload);
    List<String> accept = new ArrayList<>();
    while (r.hasRemaining()) {
      int field = r.nextField();
      if (field == 1) {
        if (accept.size() == PostTransactionsRequest.MAX_TRANSACTIONS) {
          throw new DecodeException("postTransactions answer accepts more than 40 entries");
        }
        accept.add(r.string(WireLimits.MAX_TEXT_BYTES, "accepted index"));
      } else {
        r.skip(field);
      }
    }
    return new PostTransactionsResponse(accept);
  }
}
