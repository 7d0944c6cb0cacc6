package com.osmosecollective.node.storage;

/**
 * One entry of the vote-weight history: after block {@code height}, {@code voter}'s vote for the
 * delegate weighs {@code weight} (balance + HTLC-locked balance); 0 when it stopped voting for it.
 */
public record VoteWeightChange(long height, String voter, long weight) {}
