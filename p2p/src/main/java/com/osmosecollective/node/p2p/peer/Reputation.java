package com.osmosecollective.node.p2p.peer;

import com.osmosecollective.node.p2p.transport.Channels;
import com.osmosecollective.node.p2p.transport.Violation;
import com.osmosecollective.node.p2p.transport.ViolationSink;
import io.netty.channel.Channel;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path of every protocol violation, whichever layer saw it (SV-028, SV-069, SV-070): the
 * socket is torn down without a reply, the violation is counted against the IP, and an IP that
 * reaches {@code violationsBeforeBan} violations within one ban period is banned for {@code
 * banTime}: its sockets are refused at accept, never dialled, and its peers forgotten.
 */
public final class Reputation implements ViolationSink {
  private static final Logger LOG = LoggerFactory.getLogger(Reputation.class);

  /** Beyond this many remembered IPs, the ones with nothing in force are forgotten. */
  private static final int MAX_TRACKED = 100_000;

  private final Clock clock;
  private final int violationsBeforeBan;
  private final Duration banTime;
  private final Map<InetAddress, Ledger> records = new ConcurrentHashMap<>();
  private final List<Consumer<InetAddress>> banListeners = new CopyOnWriteArrayList<>();
  private final Map<Violation, AtomicLong> counts = new EnumMap<>(Violation.class);

  private static final class Ledger {
    int violations;
    Instant windowStart;
    Instant bannedUntil = Instant.MIN;
    Violation first;
  }

  public Reputation(Clock clock, int violationsBeforeBan, Duration banTime) {
    if (violationsBeforeBan < 1) {
      throw new IllegalArgumentException("violationsBeforeBan must be >= 1");
    }
    this.clock = clock;
    this.violationsBeforeBan = violationsBeforeBan;
    this.banTime = banTime;
    for (Violation v : Violation.values()) {
      counts.put(v, new AtomicLong());
    }
  }

  /** Called with the IP each time one is banned (drop its peers, close its sockets). */
  public void onBan(Consumer<InetAddress> listener) {
    banListeners.add(listener);
  }

  @Override
  public void report(Channel channel, InetAddress ip, Violation violation, String detail) {
    if (channel != null) {
      Channels.tearDown(channel);
    }
    record(ip, violation, detail);
  }

  /** Counts a violation seen without a socket at hand (a peer's lying answer, an invalid block). */
  public void record(InetAddress ip, Violation violation, String detail) {
    counts.get(violation).incrementAndGet();
    Instant now = clock.instant();
    boolean banned;
    int count;
    Ledger r = records.computeIfAbsent(ip, k -> new Ledger());
    synchronized (r) {
      if (r.windowStart == null || now.isAfter(r.windowStart.plus(banTime))) {
        r.windowStart = now;
        r.violations = 0;
      }
      r.violations++;
      if (r.first == null) {
        r.first = violation;
      }
      count = r.violations;
      banned = count >= violationsBeforeBan && !now.isBefore(r.bannedUntil);
      if (banned) {
        r.bannedUntil = now.plus(banTime);
      }
    }
    LOG.warn(
        "peer {} violation {} ({}/{}): {}",
        ip.getHostAddress(),
        violation,
        count,
        violationsBeforeBan,
        detail);
    if (banned) {
      LOG.warn("peer {} banned for {} s", ip.getHostAddress(), banTime.toSeconds());
      for (Consumer<InetAddress> listener : banListeners) {
        listener.accept(ip);
      }
    }
    if (records.size() > MAX_TRACKED) {
      prune(now);
    }
  }

  public boolean isBanned(InetAddress ip) {
    Ledger r = records.get(ip);
    if (r == null) {
      return false;
    }
    synchronized (r) {
      return clock.instant().isBefore(r.bannedUntil);
    }
  }

  /** The first violation recorded against {@code ip}, if any (for logs and tests). */
  public java.util.Optional<Violation> firstViolation(InetAddress ip) {
    Ledger r = records.get(ip);
    if (r == null) {
      return java.util.Optional.empty();
    }
    synchronized (r) {
      return java.util.Optional.ofNullable(r.first);
    }
  }

  /** How many violations of this kind were seen since start (for tests and metrics). */
  public long count(Violation violation) {
    return counts.get(violation).get();
  }

  private void prune(Instant now) {
    records
        .entrySet()
        .removeIf(
            e -> {
              Ledger r = e.getValue();
              synchronized (r) {
                return !now.isBefore(r.bannedUntil) && now.isAfter(r.windowStart.plus(banTime));
              }
            });
  }
}
