package com.osmosecollective.node.p2p.server;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.chain.Chain;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockHeader;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.p2p.codec.GetBlocksCodec;
import com.osmosecollective.node.p2p.codec.PostBlockCodec;
import com.osmosecollective.node.p2p.message.DownloadedBlock;
import com.osmosecollective.node.p2p.message.GetBlocksRequest;
import com.osmosecollective.node.p2p.message.PostBlockRequest;
import com.osmosecollective.node.p2p.transport.Violation;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code p2p.blocks.getBlocks} and {@code postBlock}. */
public final class BlockRoutes {
  /** ARK's budget: the answer's transaction hex stays below 20 MiB − 100 KiB (SV-050). */
  static final long ANSWER_HEX_BUDGET = 20L * 1024 * 1024 - 100 * 1024;

  private static final int MAX_BLOCKS = DownloadedBlock.MAX_BLOCKS;

  private final Network network;
  private final Chain chain;
  private final ChainQueries queries;
  private final BlockCodec codec;
  private final StoredBlocks stored;
  private final PostedBlocks posted;

  public BlockRoutes(Network network, Chain chain, ChainQueries queries, PostedBlocks posted) {
    this.network = network;
    this.chain = chain;
    this.queries = queries;
    this.codec = new BlockCodec(network);
    this.stored = new StoredBlocks(codec);
    this.posted = posted;
  }

  public List<Route> routes() {
    return List.of(
        new Route(GetBlocksCodec.ROUTE, 1024, false, this::getBlocks),
        new Route(PostBlockCodec.ROUTE, 20 * 1024 * 1024, false, this::postBlock));
  }

  /**
   * Heights {@code lastBlockHeight + 1 …}, at most {@code blockLimit} (1..400; 0 = 400), checked
   * against our tip before storage is read: above it the answer is empty (SV-065); cut by ARK's
   * byte budget (SV-050).
   */
  private CompletableFuture<byte[]> getBlocks(Caller caller, byte[] payload)
      throws DecodeException, PeerViolationException {
    GetBlocksRequest request = GetBlocksCodec.decodeRequest(payload);
    long limit = request.blockLimit() == 0 ? MAX_BLOCKS : request.blockLimit();
    if (request.lastBlockHeight() < 1 || limit > MAX_BLOCKS) {
      throw new PeerViolationException(
          Violation.DECODING,
          "getBlocks outside its schema: lastBlockHeight "
              + request.lastBlockHeight()
              + ", blockLimit "
              + request.blockLimit());
    }
    caller.seen(request.headers());
    long tip = chain.snapshot().height();
    long from = request.lastBlockHeight() + 1;
    long to = Math.min(tip, request.lastBlockHeight() + limit);
    List<DownloadedBlock> out = new ArrayList<>();
    long hex = 0;
    long height = from;
    outer:
    while (height <= to) {
      List<BlockData> batch = queries.blocks(height, to);
      if (batch.isEmpty()) {
        break;
      }
      for (BlockData data : batch) {
        DownloadedBlock block = stored.downloaded(data, request.headersOnly());
        for (Bytes tx : block.transactions()) {
          hex += 2L * tx.length();
        }
        if (!out.isEmpty() && hex >= ANSWER_HEX_BUDGET) {
          break outer;
        }
        out.add(block);
        height = data.height() + 1;
      }
    }
    return CompletableFuture.completedFuture(GetBlocksCodec.encodeResponse(out));
  }

  /**
   * ARK's postBlock (spec §3.3): the header first, refusing more transactions than the milestone
   * allows before the rest is decoded (SV-037), then the whole block for the relay's intake.
   */
  private CompletableFuture<byte[]> postBlock(Caller caller, byte[] payload)
      throws DecodeException, PeerViolationException {
    PostBlockRequest request = PostBlockCodec.decodeRequest(payload);
    byte[] bytes = request.block().toArray();
    BlockHeader header = codec.decodeHeader(bytes);
    int max = network.milestones().at(header.height()).maxTransactions();
    if (header.numberOfTransactions() > max) {
      throw new PeerViolationException(
          Violation.INVALID_BLOCK,
          "posted block claims " + header.numberOfTransactions() + " transactions, max " + max);
    }
    Block block = codec.decode(bytes);
    caller.seen(request.headers());
    return CompletableFuture.completedFuture(
        PostBlockCodec.encodeResponse(posted.posted(block, caller, request.headers())));
  }
}
