package com.osmosecollective.node.p2p.forger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.chain.BlockOutcome;
import com.osmosecollective.node.consensus.chain.BlockStatus;
import com.osmosecollective.node.consensus.forger.ForgerRelay;
import com.osmosecollective.node.consensus.forger.RelayRound;
import com.osmosecollective.node.consensus.netstate.NetworkState;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TxContext;
import com.osmosecollective.node.p2p.codec.InternalJsonCodec;
import com.osmosecollective.node.p2p.codec.PostBlockCodec;
import com.osmosecollective.node.p2p.message.Headers;
import com.osmosecollective.node.p2p.message.PostBlockRequest;
import com.osmosecollective.node.p2p.message.PostBlockResponse;
import com.osmosecollective.node.p2p.peer.PeerConnector;
import com.osmosecollective.node.p2p.peer.PeerKey;
import com.osmosecollective.node.p2p.peer.Reputation;
import com.osmosecollective.node.p2p.transport.FrameCounter;
import com.osmosecollective.node.p2p.transport.InboundByteBudget;
import com.osmosecollective.node.p2p.transport.P2pChannelInitializer;
import com.osmosecollective.node.p2p.transport.TransportLimits;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * A forger process's side of the relay (ARK core-forger's {@code client.ts}): one nes socket to the
 * relay, redialled when it closed, carrying the internal routes (JSON) and {@code postBlock}
 * (protobuf, headers without a P2P port: that is how the relay tells its forger from a peer on the
 * same host). The relay serves the internal routes only to its remote-access addresses; from any
 * other address it drops the socket, and every request here fails.
 */
public final class RelayClient implements ForgerRelay, AutoCloseable {
  /** The largest internal answer read (the round with its delegates, or a block's transactions). */
  private static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;

  private final Network network;
  private final PeerKey relay;
  private final Duration timeout;
  private final EventLoopGroup group;
  private final PeerConnector connector;
  private final InternalJsonCodec json = new InternalJsonCodec(new ObjectMapper());
  private final BlockCodec blocks;
  private final String appVersion;

  /** A request's answer decoder. */
  @FunctionalInterface
  private interface Decoder<T> {
    T decode(byte[] payload) throws DecodeException;
  }

  /**
   * @param relay the relay's IP and P2P port
   * @param timeout the deadline of one request
   */
  public RelayClient(Network network, InetAddress relay, int port, Duration timeout) {
    this.network = network;
    this.relay = new PeerKey(relay, port);
    this.timeout = timeout;
    this.blocks = new BlockCodec(network);
    this.appVersion = "3.9.1";
    this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    // the relay is ours: its mistakes are logged by the forger, never held against it by a ban
    Reputation reputation = new Reputation(Clock.systemUTC(), Integer.MAX_VALUE, Duration.ZERO);
    this.connector =
        new PeerConnector(
            group,
            P2pChannelInitializer.outbound(
                TransportLimits.ark(),
                reputation,
                FrameCounter.UNLIMITED,
                new InboundByteBudget(TransportLimits.ark().inboundBudgetBytes())),
            reputation,
            Duration.ofSeconds(5),
            Duration.ofMillis(500));
  }

  /** Where the relay is, for messages. */
  public String relay() {
    return relay.toString();
  }

  @Override
  public CompletableFuture<RelayRound> currentRound() {
    return internal(InternalJsonCodec.GET_CURRENT_ROUND, RelayAnswers::round);
  }

  @Override
  public CompletableFuture<NetworkState> networkState() {
    return internal(InternalJsonCodec.GET_NETWORK_STATE, RelayAnswers::networkState);
  }

  @Override
  public CompletableFuture<List<Transaction>> unconfirmedTransactions(long height) {
    TxContext ctx = TxContext.of(network, height);
    return internal(
        InternalJsonCodec.GET_UNCONFIRMED_TRANSACTIONS,
        answer -> RelayAnswers.transactions(answer, ctx));
  }

  @Override
  public CompletableFuture<Boolean> syncBlockchain() {
    return internal(InternalJsonCodec.SYNC_BLOCKCHAIN, JsonNode::asBoolean);
  }

  @Override
  public CompletableFuture<Boolean> emitEvent(String event, String detail) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("event", event);
    body.put("body", detail);
    return request(InternalJsonCodec.EMIT_EVENT, json.encode(body), this::decodeJson)
        .thenApply(JsonNode::asBoolean);
  }

  @Override
  public CompletableFuture<BlockOutcome> postBlock(Block block) {
    byte[] serialized;
    try {
      serialized = blocks.serialize(block);
    } catch (DecodeException e) {
      return CompletableFuture.failedFuture(e);
    }
    byte[] payload =
        PostBlockCodec.encodeRequest(
            new PostBlockRequest(Bytes.of(serialized), new Headers(appVersion)));
    return request(PostBlockCodec.ROUTE, payload, PostBlockCodec::decodeResponse)
        .thenApply(RelayClient::outcome);
  }

  private static BlockOutcome outcome(PostBlockResponse response) {
    return response.status()
        ? BlockOutcome.accepted()
        : BlockOutcome.of(
            BlockStatus.REJECTED,
            "the relay did not take it (its height " + response.height() + ")");
  }

  /** An internal answer's decoder over its JSON. */
  @FunctionalInterface
  private interface JsonDecoder<T> {
    T decode(JsonNode answer) throws DecodeException;
  }

  private <T> CompletableFuture<T> internal(String route, JsonDecoder<T> decoder) {
    return request(
        route,
        json.encode(JsonNodeFactory.instance.objectNode()),
        payload -> decoder.decode(decodeJson(payload)));
  }

  private JsonNode decodeJson(byte[] payload) throws DecodeException {
    return json.decode(payload);
  }

  private <T> CompletableFuture<T> request(String route, byte[] payload, Decoder<T> decoder) {
    return connector
        .session(relay)
        .thenCompose(session -> session.request(route, payload, timeout, MAX_ANSWER_BYTES))
        .thenApply(
            answer -> {
              try {
                return decoder.decode(answer);
              } catch (DecodeException e) {
                throw new CompletionException(
                    new DecodeException(route + " answer: " + e.getMessage()));
              }
            })
        .orTimeout(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    connector.close();
    var unused = group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }
}
