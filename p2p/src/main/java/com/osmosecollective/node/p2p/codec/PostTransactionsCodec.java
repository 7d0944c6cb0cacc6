package com.osmosecollective.node.p2p.codec;

import com.google.protobuf.UnsafeByteOperations;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.p2p.message.PostTransactionsRequest;
import com.osmosecollective.node.p2p.message.PostTransactionsResponse;
import com.osmosecollective.node.p2p.proto.TransactionsProto;
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
    TransactionsProto.PostTransactionsRequest.Builder b =
        TransactionsProto.PostTransactionsRequest.newBuilder()
            .setTransactions(
                UnsafeByteOperations.unsafeWrap(LengthPrefixedList.encode(request.transactions())));
    if (request.headers() != null) {
      b.setHeaders(HeadersCodec.write(request.headers()));
    }
    return b.build().toByteArray();
  }

  public static PostTransactionsRequest decodeRequest(byte[] payload) throws DecodeException {
    TransactionsProto.PostTransactionsRequest m =
        Protobuf.parse(
            TransactionsProto.PostTransactionsRequest.parser(),
            payload,
            "postTransactions request");
    List<Bytes> transactions =
        LengthPrefixedList.decode(
            m.getTransactions().toByteArray(),
            PostTransactionsRequest.MAX_TRANSACTIONS,
            "posted transactions");
    return new PostTransactionsRequest(
        transactions, m.hasHeaders() ? HeadersCodec.read(m.getHeaders()) : null);
  }

  public static byte[] encodeResponse(PostTransactionsResponse response) {
    return TransactionsProto.PostTransactionsResponse.newBuilder()
        .addAllAccept(response.accept())
        .build()
        .toByteArray();
  }

  public static PostTransactionsResponse decodeResponse(byte[] payload) throws DecodeException {
    TransactionsProto.PostTransactionsResponse m =
        Protobuf.parse(
            TransactionsProto.PostTransactionsResponse.parser(),
            payload,
            "postTransactions answer");
    if (m.getAcceptCount() > PostTransactionsRequest.MAX_TRANSACTIONS) {
      throw new DecodeException("postTransactions answer accepts more than 40 entries");
    }
    List<String> accept = new ArrayList<>(m.getAcceptCount());
    for (String index : m.getAcceptList()) {
      accept.add(Protobuf.text(index, "accepted index"));
    }
    return new PostTransactionsResponse(accept);
  }
}
