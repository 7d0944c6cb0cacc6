package com.osmosecollective.node.p2p.peer;

import com.osmosecollective.node.p2p.transport.NesClientSession;
import com.osmosecollective.node.p2p.transport.P2pChannelInitializer;
import com.osmosecollective.node.p2p.transport.PeerRequestException;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Our outbound sockets, one per peer, all made by the one channel initializer (SV-068). A socket
 * that closed is not reopened by itself: the next request dials again, and not sooner than the
 * redial gap after a failed or violated socket (SV-062); banned IPs are never dialled.
 */
public final class PeerConnector implements AutoCloseable {
  private final Bootstrap bootstrap;
  private final Reputation reputation;
  private final Duration redialGap;
  private final Map<PeerKey, CompletableFuture<NesClientSession>> sessions =
      new ConcurrentHashMap<>();
  private final Map<PeerKey, Long> failedAt = new ConcurrentHashMap<>();
  private volatile boolean closed;

  public PeerConnector(
      EventLoopGroup group,
      P2pChannelInitializer outbound,
      Reputation reputation,
      Duration connectTimeout,
      Duration redialGap) {
    this.bootstrap =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
            .option(ChannelOption.TCP_NODELAY, true)
            .handler(outbound);
    this.reputation = reputation;
    this.redialGap = redialGap;
  }

  /** The open socket to {@code peer}, dialled if needed; ready once the hello was answered. */
  public CompletableFuture<NesClientSession> session(PeerKey peer) {
    if (closed) {
      return failed("the P2P service is closing");
    }
    if (reputation.isBanned(peer.ip())) {
      return failed(peer + " is banned");
    }
    CompletableFuture<NesClientSession> existing = sessions.get(peer);
    if (existing != null && (!existing.isDone() || isOpen(existing))) {
      return existing;
    }
    Long failed = failedAt.get(peer);
    if (failed != null && System.nanoTime() - failed < redialGap.toNanos()) {
      return failed(peer + " failed less than " + redialGap.toMillis() + " ms ago");
    }
    CompletableFuture<NesClientSession> dialled = new CompletableFuture<>();
    CompletableFuture<NesClientSession> raced =
        sessions.compute(
            peer,
            (k, old) -> {
              if (old != null && (!old.isDone() || isOpen(old))) {
                return old;
              }
              return dialled;
            });
    if (raced != dialled) {
      return raced;
    }
    dial(peer, dialled);
    return dialled;
  }

  private void dial(PeerKey peer, CompletableFuture<NesClientSession> result) {
    ChannelFuture connect = bootstrap.connect(peer.socketAddress());
    connect.addListener(
        done -> {
          if (!done.isSuccess()) {
            failedAt.put(peer, System.nanoTime());
            sessions.remove(peer, result);
            result.completeExceptionally(
                new PeerRequestException(
                    PeerRequestException.Kind.CLOSED,
                    "cannot connect to " + peer + ": " + done.cause().getMessage()));
            return;
          }
          NesClientSession session = connect.channel().pipeline().get(NesClientSession.class);
          connect
              .channel()
              .closeFuture()
              .addListener(
                  c -> {
                    sessions.remove(peer, result);
                    if (!result.isDone() || !result.isCompletedExceptionally()) {
                      failedAt.put(peer, System.nanoTime());
                    }
                  });
          var unused =
              session
                  .ready()
                  .whenComplete(
                      (ready, error) -> {
                        if (error != null) {
                          failedAt.put(peer, System.nanoTime());
                          result.completeExceptionally(error);
                        } else {
                          failedAt.remove(peer);
                          result.complete(ready);
                        }
                      });
        });
  }

  /** Closes the socket to {@code peer}, if any. */
  public void disconnect(PeerKey peer) {
    CompletableFuture<NesClientSession> session = sessions.remove(peer);
    if (session != null) {
      var unused = session.thenAccept(NesClientSession::close);
    }
  }

  public int openSockets() {
    return (int) sessions.values().stream().filter(PeerConnector::isOpen).count();
  }

  private static boolean isOpen(CompletableFuture<NesClientSession> session) {
    return session.isDone() && !session.isCompletedExceptionally() && session.join().isOpen();
  }

  private static <T> CompletableFuture<T> failed(String why) {
    return CompletableFuture.failedFuture(
        new PeerRequestException(PeerRequestException.Kind.CLOSED, why));
  }

  @Override
  public void close() {
    closed = true;
    for (CompletableFuture<NesClientSession> session : sessions.values()) {
      var unused = session.thenAccept(NesClientSession::close);
    }
    sessions.clear();
  }
}
