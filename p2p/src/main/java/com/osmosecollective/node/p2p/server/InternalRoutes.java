package com.osmosecollective.node.p2p.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.ForgingInfo;
import com.osmosecollective.node.consensus.ForgingSchedule;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.RoundCalculator;
import com.osmosecollective.node.consensus.Slots;
import com.osmosecollective.node.consensus.chain.Chain;
import com.osmosecollective.node.consensus.chain.ChainPool;
import com.osmosecollective.node.consensus.chain.ChainSnapshot;
import com.osmosecollective.node.consensus.netstate.NetworkStateJson;
import com.osmosecollective.node.consensus.netstate.NetworkStateSource;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockJson;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.wallet.DelegateAttributes;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.p2p.codec.InternalJsonCodec;
import com.osmosecollective.node.p2p.codec.WireBlocks;
import com.osmosecollective.node.p2p.message.WireBlockHeader;
import com.osmosecollective.node.p2p.transport.Violation;
import com.osmosecollective.node.storage.ChainQueries;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of a separate forger process ({@code p2p.internal.*}, remote access only; spec §6,
 * §7.2). JSON payloads are held to {@link #MAX_REQUEST_BYTES} and must be objects (SV-033, SV-063).
 */
public final class InternalRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(InternalRoutes.class);
  static final int MAX_REQUEST_BYTES = 64 * 1024;

  private final Network network;
  private final Chain chain;
  private final ChainQueries queries;
  private final ChainPool pool;
  private final NetworkTime time;
  private final NetworkStateSource networkState;
  private final Runnable syncNow;
  private final InternalJsonCodec json = new InternalJsonCodec(new ObjectMapper());
  private final ForgingSchedule schedule;
  private final RoundCalculator rounds;

  public InternalRoutes(
      Network network,
      Chain chain,
      ChainQueries queries,
      ChainPool pool,
      NetworkTime time,
      NetworkStateSource networkState,
      Runnable syncNow) {
    this.network = network;
    this.chain = chain;
    this.queries = queries;
    this.pool = pool;
    this.time = time;
    this.networkState = networkState;
    this.syncNow = syncNow;
    Slots slots = new Slots(network.milestones());
    this.schedule = new ForgingSchedule(network.milestones(), slots);
    this.rounds = new RoundCalculator(network.milestones());
  }

  public List<Route> routes() {
    return List.of(
        route(InternalJsonCodec.EMIT_EVENT, this::emitEvent),
        route(InternalJsonCodec.GET_UNCONFIRMED_TRANSACTIONS, this::unconfirmed),
        route(InternalJsonCodec.GET_CURRENT_ROUND, this::currentRound),
        route(InternalJsonCodec.GET_NETWORK_STATE, this::networkState),
        route(InternalJsonCodec.SYNC_BLOCKCHAIN, this::syncBlockchain));
  }

  private interface JsonHandler {
    CompletableFuture<JsonNode> handle(JsonNode request) throws PeerViolationException;
  }

  private Route route(String name, JsonHandler handler) {
    return new Route(
        name,
        MAX_REQUEST_BYTES,
        true,
        (caller, payload) -> {
          JsonNode request = json.decode(payload);
          if (!request.isObject()) {
            throw new PeerViolationException(Violation.DECODING, name + " body is not an object");
          }
          return handler.handle(request).thenApply(json::encode);
        });
  }

  private CompletableFuture<JsonNode> emitEvent(JsonNode request) throws PeerViolationException {
    if (!request.path("event").isTextual()) {
      throw new PeerViolationException(Violation.DECODING, "emitEvent without an event name");
    }
    String event = request.path("event").asText();
    // a forged block is logged by the chain already; other events (forger.started) are news
    if (event.equals("block.forged")) {
      LOG.debug("event from the forger: {}", event);
    } else {
      LOG.info("event from the forger: {}", event);
    }
    return CompletableFuture.completedFuture(BooleanNode.TRUE);
  }

  private CompletableFuture<JsonNode> syncBlockchain(JsonNode request) {
    syncNow.run();
    return CompletableFuture.completedFuture(BooleanNode.TRUE);
  }

  private CompletableFuture<JsonNode> networkState(JsonNode request) {
    return networkState.current().thenApply(NetworkStateJson::wire);
  }

  private CompletableFuture<JsonNode> unconfirmed(JsonNode request) {
    long next = chain.snapshot().height() + 1;
    var milestone = network.milestones().at(next);
    List<Transaction> collected =
        pool.collectForBlock(milestone.maxTransactions(), milestone.maxPayload());
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("poolSize", pool.size());
    ArrayNode transactions = out.putArray("transactions");
    for (Transaction tx : collected) {
      transactions.add(Hex.encode(tx.serialized()));
    }
    return CompletableFuture.completedFuture(out);
  }

  /** ARK's {@code getCurrentRound} for the next height (spec §6). */
  private CompletableFuture<JsonNode> currentRound(JsonNode request) {
    ChainSnapshot snapshot = chain.snapshot();
    Block last = snapshot.lastBlock();
    long height = last.height() + 1;
    // as ARK, and as the in-process forger: the forging info of the next height
    ForgingInfo info = schedule.forgingInfo(time.now(), height, chain.timestampLookup());
    List<String> order = snapshot.nextForgingOrder();
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("current", rounds.roundOf(height).round());
    out.put("reward", network.milestones().at(height).reward());
    out.put("timestamp", info.blockTimestamp());
    ArrayNode delegates = out.putArray("delegates");
    for (String key : order) {
      delegates.add(delegate(key));
    }
    if (!order.isEmpty()) {
      out.set(
          "currentForger", delegate(order.get(Math.floorMod(info.currentForger(), order.size()))));
      out.set("nextForger", delegate(order.get(Math.floorMod(info.nextForger(), order.size()))));
    }
    out.set("lastBlock", lastBlock(last));
    out.put("canForge", info.canForge());
    return CompletableFuture.completedFuture(out);
  }

  private ObjectNode delegate(String publicKey) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    Wallet wallet = queries.walletByPublicKey(publicKey).orElse(null);
    out.put("publicKey", publicKey);
    if (wallet == null) {
      return out;
    }
    out.put("address", wallet.address());
    out.put("balance", Long.toString(wallet.balance()));
    out.put("nonce", Long.toString(wallet.nonce()));
    DelegateAttributes d = wallet.delegate();
    if (d != null) {
      ObjectNode delegate = JsonNodeFactory.instance.objectNode();
      delegate.put("username", d.username());
      delegate.put("voteBalance", Long.toString(d.voteBalance()));
      delegate.put("forgedFees", Long.toString(d.forgedFees()));
      delegate.put("forgedRewards", Long.toString(d.forgedRewards()));
      delegate.put("producedBlocks", d.producedBlocks());
      delegate.put("rank", d.rank());
      delegate.put("round", d.round());
      ObjectNode attributes = out.putObject("attributes");
      attributes.putObject("knownAttributes").putObject("attributes");
      ObjectNode inner = attributes.putObject("attributes");
      inner.set("delegate", delegate.deepCopy());
      if (wallet.vote() != null) {
        inner.put("vote", wallet.vote());
      }
      out.set("delegate", delegate);
    }
    return out;
  }

  private static ObjectNode lastBlock(Block last) {
    ObjectNode out = BlockJson.toJson(last);
    out.remove("transactions");
    WireBlockHeader wire = WireBlocks.statusHeader(last);
    out.put("idHex", wire.idHex());
    out.put("previousBlockHex", wire.previousBlockHex());
    return out;
  }
}
