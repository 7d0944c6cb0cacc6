package com.osmosecollective.node.p2p.peer;

import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.p2p.codec.GetBlocksCodec;
import com.osmosecollective.node.p2p.codec.GetCommonBlocksCodec;
import com.osmosecollective.node.p2p.codec.GetPeersCodec;
import com.osmosecollective.node.p2p.codec.GetStatusCodec;
import com.osmosecollective.node.p2p.codec.PostBlockCodec;
import com.osmosecollective.node.p2p.codec.PostTransactionsCodec;
import com.osmosecollective.node.p2p.message.DownloadedBlock;
import com.osmosecollective.node.p2p.message.GetBlocksRequest;
import com.osmosecollective.node.p2p.message.GetCommonBlocksRequest;
import com.osmosecollective.node.p2p.message.GetCommonBlocksResponse;
import com.osmosecollective.node.p2p.message.GetPeersRequest;
import com.osmosecollective.node.p2p.message.GetPeersResponse;
import com.osmosecollective.node.p2p.message.GetStatusRequest;
import com.osmosecollective.node.p2p.message.GetStatusResponse;
import com.osmosecollective.node.p2p.message.Headers;
import com.osmosecollective.node.p2p.message.PostBlockRequest;
import com.osmosecollective.node.p2p.message.PostBlockResponse;
import com.osmosecollective.node.p2p.message.PostTransactionsRequest;
import com.osmosecollective.node.p2p.message.PostTransactionsResponse;
import com.osmosecollective.node.p2p.transport.PeerRequestException;
import com.osmosecollective.node.p2p.transport.TransportLimits;
import com.osmosecollective.node.p2p.transport.Violation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Typed requests to peers (ARK's {@code peer-communicator.ts}): each waits for its turn in the
 * outbound rate table, has a deadline (SV-048), and an answer above its size cap or that does not
 * decode is a violation of the peer that sent it.
 */
public final class PeerClient {
  public static final Duration STATUS_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration BLOCKS_TIMEOUT = Duration.ofSeconds(30);

  private final PeerConnector connector;
  private final OutboundThrottle throttle;
  private final Reputation reputation;
  private final Supplier<Headers> headers;
  private final TransportLimits limits;
  private final GetBlocksCodec blocksCodec;

  /** A decoder of one route's answer. */
  @FunctionalInterface
  private interface Decoder<T> {
    T decode(byte[] payload) throws DecodeException;
  }

  public PeerClient(
      PeerConnector connector,
      OutboundThrottle throttle,
      Reputation reputation,
      Supplier<Headers> headers,
      TransportLimits limits,
      GetBlocksCodec blocksCodec) {
    this.connector = connector;
    this.throttle = throttle;
    this.reputation = reputation;
    this.headers = headers;
    this.limits = limits;
    this.blocksCodec = blocksCodec;
  }

  public CompletableFuture<GetStatusResponse> getStatus(PeerKey peer, Duration timeout) {
    return call(
        peer,
        GetStatusCodec.ROUTE,
        GetStatusCodec.encodeRequest(new GetStatusRequest(headers.get())),
        timeout,
        limits.clientDefaultResponseBytes(),
        GetStatusCodec::decodeResponse);
  }

  public CompletableFuture<GetPeersResponse> getPeers(PeerKey peer) {
    return call(
        peer,
        GetPeersCodec.ROUTE,
        GetPeersCodec.encodeRequest(new GetPeersRequest(headers.get())),
        DEFAULT_TIMEOUT,
        limits.clientDefaultResponseBytes(),
        GetPeersCodec::decodeResponse);
  }

  public CompletableFuture<GetCommonBlocksResponse> getCommonBlocks(
      PeerKey peer, List<String> ids) {
    return call(
        peer,
        GetCommonBlocksCodec.ROUTE,
        GetCommonBlocksCodec.encodeRequest(new GetCommonBlocksRequest(ids, headers.get())),
        DEFAULT_TIMEOUT,
        limits.clientDefaultResponseBytes(),
        GetCommonBlocksCodec::decodeResponse);
  }

  /** Blocks {@code after + 1 ...}, at most {@code limit} (≤ 400). */
  public CompletableFuture<List<DownloadedBlock>> getBlocks(
      PeerKey peer, long after, int limit, boolean headersOnly) {
    return call(
        peer,
        GetBlocksCodec.ROUTE,
        GetBlocksCodec.encodeRequest(
            new GetBlocksRequest(after, limit, headersOnly, true, headers.get())),
        BLOCKS_TIMEOUT,
        limits.clientMaxFrameBytes(),
        blocksCodec::decodeResponse);
  }

  public CompletableFuture<PostBlockResponse> postBlock(PeerKey peer, byte[] block) {
    return call(
        peer,
        PostBlockCodec.ROUTE,
        PostBlockCodec.encodeRequest(new PostBlockRequest(Bytes.of(block), headers.get())),
        DEFAULT_TIMEOUT,
        limits.clientDefaultResponseBytes(),
        PostBlockCodec::decodeResponse);
  }

  public CompletableFuture<PostTransactionsResponse> postTransactions(
      PeerKey peer, List<Bytes> transactions) {
    return call(
        peer,
        PostTransactionsCodec.ROUTE,
        PostTransactionsCodec.encodeRequest(
            new PostTransactionsRequest(transactions, headers.get())),
        DEFAULT_TIMEOUT,
        limits.clientDefaultResponseBytes(),
        PostTransactionsCodec::decodeResponse);
  }

  private <T> CompletableFuture<T> call(
      PeerKey peer,
      String route,
      byte[] payload,
      Duration timeout,
      int maxAnswerBytes,
      Decoder<T> decoder) {
    return throttle
        .acquire(peer, route, timeout)
        .thenCompose(
            allowed -> {
              if (!allowed) {
                throw new PeerRequestException(
                    PeerRequestException.Kind.TIMEOUT, route + " to " + peer + " throttled");
              }
              return connector.session(peer);
            })
        .thenCompose(session -> session.request(route, payload, timeout, maxAnswerBytes))
        .thenApply(
            answer -> {
              try {
                return decoder.decode(answer);
              } catch (DecodeException e) {
                connector.disconnect(peer);
                reputation.record(
                    peer.ip(), Violation.DECODING, route + " answer: " + e.getMessage());
                throw new CompletionException(
                    new PeerRequestException(PeerRequestException.Kind.FAILED, e.getMessage()));
              }
            });
  }
}
