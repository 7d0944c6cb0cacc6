package com.osmosecollective.node.p2p.message;

/** {@code blocks.PostBlockResponse}: whether the block was taken, and the receiver's height. */
public record PostBlockResponse(boolean status, long height) {}
