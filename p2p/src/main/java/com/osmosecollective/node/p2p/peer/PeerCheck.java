package com.osmosecollective.node.p2p.peer;

import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.p2p.message.GetStatusResponse;

/**
 * The outcome of pinging and verifying a peer.
 *
 * @param tip the peer's tip header, its id and signature checked
 * @param onOurChain we hold the peer's tip block (fast verification's "not forked")
 * @param highestCommonHeight the highest block both chains share; only known after a full
 *     verification of a peer whose tip we do not hold, else the lower of the two heights
 * @param forked full verification: the chains part below both tips (ARK's {@code forked})
 */
public record PeerCheck(
    GetStatusResponse status,
    Block tip,
    long latencyMillis,
    boolean onOurChain,
    long highestCommonHeight,
    boolean forked) {}
