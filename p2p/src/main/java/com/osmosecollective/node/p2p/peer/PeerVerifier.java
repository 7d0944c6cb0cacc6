package com.osmosecollective.node.p2p.peer;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.ForkTieBreak.BranchStart;
import com.osmosecollective.node.consensus.RoundCalculator;
import com.osmosecollective.node.consensus.RoundInfo;
import com.osmosecollective.node.consensus.chain.Chain;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.p2p.message.CommonBlock;
import com.osmosecollective.node.p2p.message.DownloadedBlock;
import com.osmosecollective.node.p2p.message.GetStatusResponse;
import com.osmosecollective.node.p2p.message.NetworkInfo;
import com.osmosecollective.node.p2p.message.PeerConfig;
import com.osmosecollective.node.p2p.transport.Violation;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainQueries;
import com.osmosecollective.node.storage.RoundDelegate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * ARK's peer acceptance and verification (spec §7.4, {@code peer-verifier.ts}): a status from the
 * right network and an accepted version, a tip header whose id and signature hold and whose height
 * is the claimed one; then (fast) whether we hold the tip, or (full) the highest common block by an
 * 8-ary search with getCommonBlocks (the ids in the answer must be ones we asked for, at their
 * heights) and the peer's headers after it, up to the end of that round, each signed by one of the
 * round's delegates and chained. A peer caught contradicting itself is a liar (a violation).
 */
public final class PeerVerifier {
  /** How the claimed state is checked. */
  public enum Mode {
    FAST,
    FULL
  }

  private static final Pattern NETHASH = Pattern.compile("[0-9a-f]{64}");
  private static final int PROBES = 8;

  private final Network network;
  private final Chain chain;
  private final ChainQueries queries;
  private final PeerClient client;
  private final WireBlockReader reader;
  private final RoundCalculator rounds;

  public PeerVerifier(
      Network network,
      Chain chain,
      ChainQueries queries,
      PeerClient client,
      WireBlockReader reader) {
    this.network = network;
    this.chain = chain;
    this.queries = queries;
    this.client = client;
    this.reader = reader;
    this.rounds = new RoundCalculator(network.milestones());
  }

  /** Pings {@code peer} (getStatus) and checks what it says; fails with the reason. */
  public CompletableFuture<PeerCheck> ping(PeerKey peer, Duration timeout, Mode mode) {
    long start = System.nanoTime();
    return client
        .getStatus(peer, timeout)
        .thenCompose(
            status -> {
              long latency = (System.nanoTime() - start) / 1_000_000;
              Block tip = checkStatus(status);
              long ours = ourHeight();
              boolean onOurChain = holds(tip);
              long lower = Math.min(ours, tip.height());
              if (onOurChain || mode == Mode.FAST) {
                return CompletableFuture.completedFuture(
                    new PeerCheck(status, tip, latency, onOurChain, lower, false));
              }
              return highestCommon(peer, lower)
                  .thenCompose(
                      common ->
                          checkHeadersAfter(peer, common, tip.height())
                              .thenApply(
                                  theirBranch -> {
                                    boolean forked = common != ours && common != tip.height();
                                    return new PeerCheck(
                                        status,
                                        tip,
                                        latency,
                                        false,
                                        common,
                                        forked,
                                        forked ? ourBranchAfter(common) : null,
                                        forked ? theirBranch : null);
                                  }));
            });
  }

  /** The acceptance checks on a status answer; returns the verified tip header. */
  Block checkStatus(GetStatusResponse status) {
    PeerConfig config = status.config();
    NetworkInfo net = config.network();
    if (!net.nethash().equals(network.nethash())) {
      throw new PeerRefusedException(
          "peer of another network (" + net.nethash() + ")", Violation.WRONG_NETWORK);
    }
    String schema = schemaProblem(status);
    if (schema != null) {
      throw new PeerRefusedException("status breaks ARK's schema: " + schema, Violation.DECODING);
    }
    if (!AppVersions.accepted(config.version())) {
      throw new PeerRefusedException("version " + config.version() + " not accepted", null);
    }
    MinimumVersions minimum = MinimumVersions.of(network.milestones().at(Math.max(1, ourHeight())));
    if (!minimum.accepts(config.version())) {
      throw new PeerRefusedException(
          "version " + config.version() + " below the network's minimum " + minimum.ranges(), null);
    }
    if (status.state().header().height() != status.state().height()) {
      throw new PeerRefusedException(
          "claims height "
              + status.state().height()
              + " with a tip header at "
              + status.state().header().height(),
          Violation.LYING);
    }
    Block tip;
    try {
      tip = reader.header(status.state().header());
    } catch (DecodeException e) {
      throw new PeerRefusedException("tip header: " + e.getMessage(), Violation.LYING);
    }
    if (!reader.signatureValid(tip)) {
      throw new PeerRefusedException("tip header signature does not verify", Violation.LYING);
    }
    long ours = ourHeight();
    if (tip.height() <= ours && !holds(tip) && !signedByRoundDelegate(tip)) {
      throw new PeerRefusedException(
          "tip " + tip.height() + " not signed by a delegate of its round", Violation.LYING);
    }
    return tip;
  }

  /** ARK's answer schema for getStatus (SV-025). */
  private static String schemaProblem(GetStatusResponse status) {
    PeerConfig config = status.config();
    NetworkInfo net = config.network();
    if (config.version().length() < 5 || config.version().length() > 24) {
      return "config.version length";
    }
    if (net.name().isEmpty() || net.name().length() > 20) {
      return "network name length";
    }
    if (!NETHASH.matcher(net.nethash()).matches()) {
      return "nethash";
    }
    if (net.explorer().length() > 128) {
      return "explorer length";
    }
    if (net.token().name().isEmpty()
        || net.token().name().length() > 8
        || net.token().symbol().isEmpty()
        || net.token().symbol().length() > 4) {
      return "token";
    }
    for (String plugin : config.plugins().keySet()) {
      if (plugin.length() < 4 || plugin.length() > 64) {
        return "plugin name length";
      }
    }
    if (status.state().height() < 1 || status.state().currentSlot() < 1) {
      return "state height or currentSlot below 1";
    }
    return null;
  }

  /**
   * Our height as storage readers see it: during a sync the chain's snapshot may run up to a round
   * ahead of what is written, and the checks below read our blocks from storage.
   */
  private long ourHeight() {
    long stored = queries.tip().map(t -> t.height()).orElse(0L);
    return Math.min(chain.snapshot().height(), stored);
  }

  /** Whether our chain holds {@code block} (same id at its height). */
  boolean holds(Block block) {
    Block tip = chain.snapshot().lastBlock();
    if (block.height() == tip.height()) {
      return block.id().equals(tip.id());
    }
    if (block.height() > tip.height()) {
      return false;
    }
    return queries.block(block.height()).map(b -> b.id().equals(block.id())).orElse(false);
  }

  private boolean signedByRoundDelegate(Block block) {
    RoundInfo round = rounds.roundOf(block.height());
    Optional<List<RoundDelegate>> delegates = queries.round(round.round());
    String generator = block.header().generatorPublicKeyHex();
    // a round we have not stored cannot be checked here; its header's signature still was
    return delegates.isEmpty()
        || delegates.get().stream().anyMatch(d -> d.publicKey().equals(generator));
  }

  /**
   * The highest height in {@code [1, upper]} whose block the peer shares with us, narrowed by up to
   * {@value #PROBES} probes per getCommonBlocks request.
   */
  CompletableFuture<Long> highestCommon(PeerKey peer, long upper) {
    return search(peer, 1, upper);
  }

  private CompletableFuture<Long> search(PeerKey peer, long low, long high) {
    if (high <= low) {
      return CompletableFuture.completedFuture(low);
    }
    TreeSet<Long> probes = new TreeSet<>();
    for (int i = 1; i <= PROBES; i++) {
      probes.add(low + ((high - low) * i + PROBES - 1) / PROBES);
    }
    Map<String, Long> asked = new HashMap<>();
    List<String> ids = new ArrayList<>();
    for (long height : probes) {
      Optional<BlockData> block = queries.block(height);
      if (block.isEmpty()) {
        return CompletableFuture.failedFuture(
            new PeerRefusedException("our block " + height + " is gone", null));
      }
      asked.put(block.get().id(), height);
      ids.add(block.get().id());
    }
    return client
        .getCommonBlocks(peer, ids)
        .thenCompose(
            answer -> {
              CommonBlock common = answer.common();
              if (common == null) {
                return search(peer, low, probes.first() - 1);
              }
              Long height = asked.get(common.id());
              if (height == null || height != common.height()) {
                throw new PeerRefusedException(
                    "common block " + common.id() + " at " + common.height() + " was not asked",
                    Violation.LYING);
              }
              Long next = probes.higher(height);
              return search(peer, height, next == null ? height : next - 1);
            });
  }

  /** Our block right after the common one (the tie-break's view of our branch), if stored. */
  private BranchStart ourBranchAfter(long common) {
    return queries.block(common + 1).map(b -> new BranchStart(b.timestamp(), b.id())).orElse(null);
  }

  /**
   * The peer's headers after the common block up to the end of that round (or its tip): each at the
   * next height, chained to the one before, signed, and by a delegate of its round. Completes with
   * the first of them (null when the peer has none after the common block).
   */
  private CompletableFuture<BranchStart> checkHeadersAfter(
      PeerKey peer, long common, long peerHeight) {
    long last = Math.min(peerHeight, rounds.roundOf(common + 1).lastHeight());
    if (last <= common) {
      return CompletableFuture.completedFuture(null);
    }
    int count = (int) Math.min(DownloadedBlock.MAX_BLOCKS, last - common);
    String commonId = queries.block(common).map(BlockData::id).orElse(null);
    return client
        .getBlocks(peer, common, count, true)
        .thenApply(
            blocks -> {
              String previous = commonId;
              long height = common;
              BranchStart first = null;
              for (DownloadedBlock downloaded : blocks) {
                Block block;
                try {
                  block = reader.header(downloaded.header());
                } catch (DecodeException e) {
                  throw new PeerRefusedException(e.getMessage(), Violation.LYING);
                }
                height++;
                if (block.height() != height
                    || !java.util.Objects.equals(block.previousBlock(), previous)
                    || !reader.signatureValid(block)
                    || !signedByRoundDelegate(block)) {
                  throw new PeerRefusedException(
                      "block " + block.height() + " after the common block does not verify",
                      Violation.LYING);
                }
                previous = block.id();
                if (first == null) {
                  first = new BranchStart(block.timestamp(), block.id());
                }
              }
              return first;
            });
  }
}
