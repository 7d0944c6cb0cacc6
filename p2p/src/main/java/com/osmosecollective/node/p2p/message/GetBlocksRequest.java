package com.osmosecollective.node.p2p.message;

/**
 * {@code blocks.GetBlocksRequest}: blocks after {@code lastBlockHeight}, at most {@code blockLimit}
 * (ARK: 1..400, 0 meaning its default of 400); {@code headers} null when absent.
 */
public record GetBlocksRequest(
    long lastBlockHeight,
    long blockLimit,
    boolean headersOnly,
    boolean serialized,
    Headers headers) {}
