package com.osmosecollective.node.api;

import java.util.Set;

/**
 * Limits of the API's HTTP server.
 *
 * @param ioThreads Netty event loop threads of the API (its own group, apart from P2P and forging)
 * @param workerThreads threads answering requests (storage reads, JSON)
 * @param workerQueue requests waiting for a worker before new ones get a 429
 * @param maxConnections open connections in all; a new one beyond is closed at once
 * @param maxConnectionsPerIp open connections from one address
 * @param reservedDescriptors file descriptors left to the chain (RocksDB, the forger's slot file):
 *     the connection cap is lowered so that this many stay free
 * @param idleTimeoutSeconds a connection with no request in progress is closed after this long
 *     (ARK's Node.js keep-alive timeout is 5 s)
 * @param requestTimeoutSeconds a request must arrive whole (headers and body) within this time of
 *     its first byte
 * @param maxBodyBytes request bodies above are refused with a 413
 * @param rateLimitPoints requests per IP per window (ARK's default 100), 0 = no limit
 * @param rateLimitWindowSeconds the window (ARK's default 60 s)
 * @param rateLimitWhitelist addresses the limit does not apply to (ARK's {@code whitelist})
 * @param allowedClients the only addresses served (others get ARK's 403), empty for everyone: the
 *     webhooks server's whitelist, loopback by default as ARK's
 */
public record ApiServerSettings(
    int ioThreads,
    int workerThreads,
    int workerQueue,
    int maxConnections,
    int maxConnectionsPerIp,
    int reservedDescriptors,
    int idleTimeoutSeconds,
    int requestTimeoutSeconds,
    int maxBodyBytes,
    int rateLimitPoints,
    int rateLimitWindowSeconds,
    Set<String> rateLimitWhitelist,
    Set<String> allowedClients) {

  public ApiServerSettings {
    if (ioThreads < 1 || workerThreads < 1 || workerQueue < 1 || maxConnections < 1) {
      throw new IllegalArgumentException("API server limits must be positive");
    }
    rateLimitWhitelist = Set.copyOf(rateLimitWhitelist);
    allowedClients = Set.copyOf(allowedClients);
  }

  /**
   * The node's defaults: ARK's rate limit (100 per minute per IP) with the loopback addresses
   * exempt (local tools and wallets), 1,024 connections (32 per IP), 256 descriptors in reserve, 5
   * s keep-alive, 10 s to send a request, 1 MiB bodies (Hapi's default).
   */
  public static ApiServerSettings defaults() {
    return new ApiServerSettings(
        1,
        2,
        256,
        1024,
        32,
        256,
        5,
        10,
        1024 * 1024,
        100,
        60,
        Set.of("127.0.0.1", "::1"),
        Set.of());
  }

  public ApiServerSettings withRateLimit(int points, int windowSeconds, Set<String> whitelist) {
    return new ApiServerSettings(
        ioThreads,
        workerThreads,
        workerQueue,
        maxConnections,
        maxConnectionsPerIp,
        reservedDescriptors,
        idleTimeoutSeconds,
        requestTimeoutSeconds,
        maxBodyBytes,
        points,
        windowSeconds,
        whitelist,
        allowedClients);
  }

  public ApiServerSettings withConnections(int total, int perIp, int reserved) {
    return new ApiServerSettings(
        ioThreads,
        workerThreads,
        workerQueue,
        total,
        perIp,
        reserved,
        idleTimeoutSeconds,
        requestTimeoutSeconds,
        maxBodyBytes,
        rateLimitPoints,
        rateLimitWindowSeconds,
        rateLimitWhitelist,
        allowedClients);
  }

  public ApiServerSettings withTimeouts(int idleSeconds, int requestSeconds) {
    return new ApiServerSettings(
        ioThreads,
        workerThreads,
        workerQueue,
        maxConnections,
        maxConnectionsPerIp,
        reservedDescriptors,
        idleSeconds,
        requestSeconds,
        maxBodyBytes,
        rateLimitPoints,
        rateLimitWindowSeconds,
        rateLimitWhitelist,
        allowedClients);
  }

  public ApiServerSettings withWorkers(int threads, int queue) {
    return new ApiServerSettings(
        ioThreads,
        threads,
        queue,
        maxConnections,
        maxConnectionsPerIp,
        reservedDescriptors,
        idleTimeoutSeconds,
        requestTimeoutSeconds,
        maxBodyBytes,
        rateLimitPoints,
        rateLimitWindowSeconds,
        rateLimitWhitelist,
        allowedClients);
  }

  /**
   * The webhooks server's limits (ARK's core-webhooks): loopback clients only, 64 KiB bodies, 16
   * connections, no rate limit (only the operator's tools reach it), one I/O thread and one worker.
   */
  public static ApiServerSettings webhooks() {
    return new ApiServerSettings(
        1, 1, 64, 16, 16, 0, 5, 10, 64 * 1024, 0, 60, Set.of(), Set.of("127.0.0.1", "::1"));
  }

  public ApiServerSettings withAllowedClients(Set<String> clients) {
    return new ApiServerSettings(
        ioThreads,
        workerThreads,
        workerQueue,
        maxConnections,
        maxConnectionsPerIp,
        reservedDescriptors,
        idleTimeoutSeconds,
        requestTimeoutSeconds,
        maxBodyBytes,
        rateLimitPoints,
        rateLimitWindowSeconds,
        rateLimitWhitelist,
        clients);
  }
}
