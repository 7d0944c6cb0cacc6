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
 */
public record TransportLimits(
    int serverMaxFrameBytes,
    int clientMaxFrameBytes,
    int clientDefaultResponseBytes,
    int maxHttpHeaderBytes,
    Duration handshakeTimeout,
    Duration heartbeatInterval,
    Duration heartbeatTimeout) {

  public static TransportLimits ark() {
    return new TransportLimits(
        20 * 1024 * 1024,
        20 * 1024 * 1024,
        100 * 1024,
        8 * 1024,
        Duration.ofSeconds(5),
        Duration.ofSeconds(15),
        Duration.ofSeconds(5));
  }

  /** ARK's client closes a socket that was silent for interval + timeout. */
  public Duration idleTimeout() {
    return heartbeatInterval.plus(heartbeatTimeout);
  }
}
