package com.osmosecollective.node.p2p.message;

/** {@code peer.GetPeersRequest}; {@code headers} is null when the field was absent. */
public record GetPeersRequest(Headers headers) {}
