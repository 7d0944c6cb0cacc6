package com.osmosecollective.node.consensus.forger;

/**
 * One of our delegates' turn to forge, as the forger sees it before asking the network gate.
 *
 * @param delegatePublicKey the delegate whose slot it is
 * @param lastBlockHeight the height of the block the new one would follow
 * @param lastBlockId that block's id
 */
public record ForgingTurn(String delegatePublicKey, long lastBlockHeight, String lastBlockId) {}
