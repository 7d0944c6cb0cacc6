package com.osmosecollective.node.p2p.server;

/**
 * A route of spec §7.2.
 *
 * @param maxRequestBytes ARK's per-route request size limit, checked before decoding
 * @param internal whether only remote-access addresses may call it ({@code p2p.internal.*})
 */
public record Route(String name, int maxRequestBytes, boolean internal, RouteHandler handler) {}
