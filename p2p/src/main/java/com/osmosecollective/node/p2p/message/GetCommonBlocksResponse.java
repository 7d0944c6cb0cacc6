package com.osmosecollective.node.p2p.message;

/** {@code peer.GetCommonBlocksResponse}; {@code common} is null when none was found (absent). */
public record GetCommonBlocksResponse(CommonBlock common) {}
