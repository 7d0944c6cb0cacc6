package com.osmosecollective.node.p2p.message;

/** {@code peer.GetStatusRequest}; {@code headers} is null when the field was absent. */
public record GetStatusRequest(Headers headers) {}
