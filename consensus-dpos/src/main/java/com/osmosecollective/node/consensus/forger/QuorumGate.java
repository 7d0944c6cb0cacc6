package com.osmosecollective.node.consensus.forger;

import com.osmosecollective.node.consensus.netstate.NetworkState;
import com.osmosecollective.node.consensus.netstate.NetworkStateJson;
import com.osmosecollective.node.core.block.Block;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network gate of a node with peers: asks for the network state (at most {@code timeoutMillis},
 * ARK's 4 s; a failure or timeout counts as an unknown state) and applies {@link
 * ForgingPermission}.
 */
public final class QuorumGate implements NetworkGate {
  private static final Logger LOG = LoggerFactory.getLogger(QuorumGate.class);

  private final Supplier<CompletableFuture<NetworkState>> states;
  private final long timeoutMillis;

  /**
   * @param states the network state source ({@code NetworkStateSource::current})
   */
  public QuorumGate(Supplier<CompletableFuture<NetworkState>> states, long timeoutMillis) {
    this.states = states;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public boolean allowsForging(ForgingTurn turn) {
    NetworkState state = fetch();
    if (state.hasTip() && state.nodeHeight() != turn.lastBlockHeight()) {
      LOG.warn(
          "the network state's height ({}) and the forger's ({}) are out of sync: blocks are"
              + " arriving late",
          state.nodeHeight(),
          turn.lastBlockHeight());
    }
    ForgingPermission.Verdict verdict = ForgingPermission.judge(state, turn.delegatePublicKey());
    int overHeight = state.overHeightBlockHeaders().size();
    if (overHeight > 0) {
      LOG.info("{} distinct over-height block header(s) among the peers", overHeight);
    }
    for (Block block : verdict.possibleDoubleForging()) {
      LOG.warn(
          "possible double forging by our delegate {}: block {} at height {} is signed by it",
          turn.delegatePublicKey(),
          block.id(),
          block.height());
    }
    if (!verdict.allowed()) {
      LOG.info("will not forge: {}", verdict.reason());
      LOG.debug("network state: {}", NetworkStateJson.summary(state));
    }
    return verdict.allowed();
  }

  private NetworkState fetch() {
    try {
      return states.get().get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.info("no network state within {} ms", timeoutMillis);
    } catch (ExecutionException e) {
      LOG.info("failed to get the network state: {}", String.valueOf(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.info("failed to get the network state: {}", e.toString());
    }
    return NetworkState.unknown();
  }
}
