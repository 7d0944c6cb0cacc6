package com.osmosecollective.node.p2p.transport;

import java.time.Duration;

/**
 * Sizes and deadlines of the transport (spec §7.1).
 *
 * @param serverMaxFrameBytes the largest WebSocket message a server reads (ARK: 20 MiB)
 * @param clientMaxFrameBytes the largest message an outbound socket reads (20 MiB, for getBlocks
 *     answers; every other answer is held to {@link #clientDefaultResponseBytes})
 * @param clientDefaultResponseBytes ARK's client default of 100 KiB for answers other than
 *     getBlocks
 * @param maxHttpHeaderBytes the cap on the upgrade request's headers (SV-040)
 * @param handshakeTimeout the whole upgrade plus the nes hello must fit in it (SV-040)
 * @param heartbeatInterval how often the server pings (ARK 15 s)
 * @param heartbeatTimeout how long after a ping silence is tolerated (ARK 5 s)
 * @param inboundBudgetBytes the bytes of large inbound frames held at once across all sockets
 *     ({@link InboundByteBudget}; not ARK's: 64 MiB)
 */
public record TransportLimits(
    int serverMaxFrameBytes,
    int clientMaxFrameBytes,
    int clientDefaultResponseBytes,
    int maxHttpHeaderBytes,
    Duration handshakeTimeout,
    Duration heartbeatInterval,
    Duration heartbeatTimeout,
    long inboundBudgetBytes) {

  /** Our default budget of large inbound frames held at once: three 20 MiB getBlocks answers. */
  public static final long DEFAULT_INBOUND_BUDGET_BYTES = 64L * 1024 * 1024;

  public static TransportLimits ark() {
    return new TransportLimits(
        20 * 1024 * 1024,
        20 * 1024 * 1024,
        100 * 1024,
        8 * 1024,
        Duration.ofSeconds(5),
        Duration.ofSeconds(15),
        Duration.ofSeconds(5),
        DEFAULT_INBOUND_BUDGET_BYTES);
  }

  /** The same limits with another inbound byte budget. */
  public TransportLimits withInboundBudgetBytes(long bytes) {
    return new TransportLimits(
        serverMaxFrameBytes,
        clientMaxFrameBytes,
        clientDefaultResponseBytes,
        maxHttpHeaderBytes,
        handshakeTimeout,
        heartbeatInterval,
        heartbeatTimeout,
        bytes);
  }

  /** ARK's client closes a socket that was silent for interval + timeout. */
  public Duration idleTimeout() {
    return heartbeatInterval.plus(heartbeatTimeout);
  }
}
