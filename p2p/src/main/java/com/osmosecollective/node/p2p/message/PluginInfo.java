package com.osmosecollective.node.p2p.message;

/**
 * {@code Config.Plugin}: a plugin's port and whether it is enabled. {@code estimateTotalCount} is
 * null when absent: ARK sends it for core-api only, and re-encoding must not invent it.
 */
public record PluginInfo(long port, boolean enabled, Boolean estimateTotalCount) {}
