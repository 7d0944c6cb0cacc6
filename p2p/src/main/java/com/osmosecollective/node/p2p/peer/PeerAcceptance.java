package com.osmosecollective.node.p2p.peer;

import com.osmosecollective.node.p2p.message.Headers;
import com.osmosecollective.node.p2p.transport.PeerRequestException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds peers and keeps them honest (ARK's {@code peer-processor.ts}): a candidate from a seed list,
 * discovery or an inbound caller is added only after it answered a status check itself and passed
 * verification (SV-024); a caller's IP is the socket's (SV-004). Re-pinging a known peer updates it
 * or, when it fails, forgets it; a peer caught lying or on another network is also counted by the
 * reputation path.
 */
public final class PeerAcceptance implements InboundCallers {
  private static final Logger LOG = LoggerFactory.getLogger(PeerAcceptance.class);

  private final PeerTable table;
  private final AddressPolicy policy;
  private final Reputation reputation;
  private final PeerVerifier verifier;
  private final Clock clock;
  private final IntSupplier ownPort;
  private final Set<PeerKey> pending = ConcurrentHashMap.newKeySet();
  private final Set<PeerKey> seeds = ConcurrentHashMap.newKeySet();
  private final java.util.List<java.util.function.Consumer<Peer>> acceptedListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  public PeerAcceptance(
      PeerTable table,
      AddressPolicy policy,
      Reputation reputation,
      PeerVerifier verifier,
      Clock clock,
      IntSupplier ownPort) {
    this.table = table;
    this.policy = policy;
    this.reputation = reputation;
    this.verifier = verifier;
    this.clock = clock;
    this.ownPort = ownPort;
  }

  /** Hears of every newly accepted peer (the sync looks at it at once). */
  public void onAccepted(java.util.function.Consumer<Peer> listener) {
    acceptedListeners.add(listener);
  }

  /** Seeds are exempt from the subnet limit. */
  public void seed(PeerKey key) {
    seeds.add(key);
  }

  public Set<PeerKey> seeds() {
    return Set.copyOf(seeds);
  }

  /**
   * A public request's caller: known peers get their version updated, unknown ones are tried at the
   * port their headers announce, else at our own port (ARK's rule).
   */
  @Override
  public void seen(InetAddress ip, Headers headers) {
    int port = headers.port() != null ? headers.port() : ownPort.getAsInt();
    if (port < 1 || port > 65535) {
      return;
    }
    PeerKey key = new PeerKey(ip, port);
    Optional<Peer> known = table.get(key);
    if (known.isPresent()) {
      if (AppVersions.isValidSemver(headers.version())) {
        known.get().version(headers.version());
      }
      return;
    }
    var unused = accept(key);
  }

  /** Tries to add {@code key}; completes with the peer when it is (or already was) in the table. */
  public CompletableFuture<Optional<Peer>> accept(PeerKey key) {
    Optional<Peer> known = table.get(key);
    if (known.isPresent()) {
      return CompletableFuture.completedFuture(known);
    }
    boolean seed = seeds.contains(key);
    Optional<String> refusal =
        policy
            .refusal(key)
            .or(() -> reputation.isBanned(key.ip()) ? Optional.of("banned") : Optional.empty())
            .or(() -> table.roomFor(key, seed));
    if (refusal.isPresent() || !pending.add(key)) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return verifier
        .ping(key, PeerClient.STATUS_TIMEOUT, PeerVerifier.Mode.FULL)
        .handle(
            (check, error) -> {
              pending.remove(key);
              if (error != null) {
                refused(key, error);
                return Optional.<Peer>empty();
              }
              Peer peer = new Peer(key, seed);
              update(peer, check);
              peer.forked(check.forked());
              if (!table.add(peer)) {
                return Optional.<Peer>empty();
              }
              LOG.info(
                  "peer {} accepted (height {}, version {})",
                  key,
                  check.tip().height(),
                  check.status().config().version());
              acceptedListeners.forEach(l -> l.accept(peer));
              return Optional.of(peer);
            });
  }

  /**
   * Pings a known peer again ({@code FAST} for the network state, {@code FULL} for maintenance and
   * fork checks); a failure forgets it. Completes with the check, or empty when it failed.
   */
  public CompletableFuture<Optional<PeerCheck>> refresh(
      Peer peer, PeerVerifier.Mode mode, Duration timeout) {
    return verifier
        .ping(peer.key(), timeout, mode)
        .handle(
            (check, error) -> {
              if (error != null) {
                refused(peer.key(), error);
                table.remove(peer.key());
                return Optional.empty();
              }
              update(peer, check);
              if (mode == PeerVerifier.Mode.FULL) {
                peer.forked(check.forked());
              }
              return Optional.of(check);
            });
  }

  private void update(Peer peer, PeerCheck check) {
    peer.status(
        check.status().state(),
        check.tip(),
        check.status().config().version(),
        check.status().config().plugins(),
        check.latencyMillis(),
        clock.instant());
    peer.fastForked(!check.onOurChain());
    if (check.onOurChain()) {
      peer.forked(false);
    }
    peer.succeeded();
  }

  private void refused(PeerKey key, Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof PeerRefusedException refused) {
      if (refused.violation() != null) {
        reputation.record(key.ip(), refused.violation(), key + ": " + refused.getMessage());
      } else {
        LOG.debug("peer {} refused: {}", key, refused.getMessage());
      }
    } else if (cause instanceof PeerRequestException request) {
      LOG.debug("peer {} unreachable: {}", key, request.getMessage());
    } else {
      LOG.debug("peer {} check failed: {}", key, cause.toString());
    }
  }
}
