package com.osmosecollective.node.api;

import com.osmosecollective.node.consensus.chain.AppliedBlockInfo;
import com.osmosecollective.node.consensus.chain.ChainListener;
import com.osmosecollective.node.consensus.chain.MissedSlotEvent;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.storage.ChainTip;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The node's gauges and counters for {@code /metrics}: height, network height, peers, pool size
 * (gauges read when scraped), and blocks forged and slots missed per delegate (counted from the
 * chain's events; register this as a {@link ChainListener}).
 */
public final class NodeMetrics implements ChainListener {
  private final MeterRegistry registry;

  private NodeMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Registers the gauges of {@code services} in its registry; returns the chain listener. */
  public static NodeMetrics bind(ApiServices services) {
    MeterRegistry r = services.registry();
    Gauge.builder(
            "osmose.chain.height",
            services.queries(),
            q -> q.tip().map(ChainTip::height).orElse(0L))
        .description("height of the committed tip")
        .register(r);
    Gauge.builder(
            "osmose.network.height",
            services.peers(),
            p -> p.networkHeight().isPresent() ? p.networkHeight().getAsLong() : Double.NaN)
        .description("the network's height as the peers report it (NaN without peers)")
        .register(r);
    Gauge.builder("osmose.network.peers", services.peers(), p -> p.peers().size())
        .description("verified peers")
        .register(r);
    Gauge.builder("osmose.pool.size", services.pool(), p -> p.view().size())
        .description("transactions waiting in the pool (last published copy)")
        .register(r);
    return new NodeMetrics(r);
  }

  @Override
  public void blockApplied(Block block, AppliedBlockInfo info) {
    registry
        .counter(
            "osmose.delegate.blocks.forged",
            "delegate",
            info.generatorUsername(),
            "publicKey",
            block.header().generatorPublicKeyHex())
        .increment();
    for (MissedSlotEvent missed : info.missedSlots()) {
      registry
          .counter(
              "osmose.delegate.slots.missed",
              "delegate",
              missed.username(),
              "publicKey",
              missed.publicKey())
          .increment();
    }
  }
}
