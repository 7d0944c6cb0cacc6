package com.osmosecollective.node.consensus.netstate;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkConfigException;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockFactory;
import com.osmosecollective.node.core.crypto.Hashes;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Signed block headers and peer observations made by hand, on the shipped devnet. */
public final class PeerFixtures {
  public static final Network DEVNET = devnet();
  public static final PrivateKey OUR_DELEGATE = PrivateKey.fromPassphrase("netstate our delegate");
  public static final PrivateKey OTHER_DELEGATE =
      PrivateKey.fromPassphrase("netstate other delegate");

  private PeerFixtures() {}

  private static Network devnet() {
    try {
      return new NetworkLoader().loadShipped("devnet");
    } catch (NetworkConfigException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A signed empty block at {@code height}; {@code variant} makes distinct blocks per height. */
  public static Block block(long height, PrivateKey generator, int variant) {
    String parent =
        Hex.encode(
            Hashes.sha256(("parent " + height + "/" + variant).getBytes(StandardCharsets.UTF_8)));
    try {
      return new BlockFactory(new BlockCodec(DEVNET))
          .make(
              height,
              height * 20 + variant,
              parent,
              DEVNET.milestones().at(height).reward(),
              List.of(),
              generator);
    } catch (DecodeException e) {
      throw new IllegalStateException(e);
    }
  }

  public static PeerObservation peer(
      String name, long height, boolean forked, long slot, boolean forgingAllowed) {
    return new PeerObservation(
        name, height, block(height, OTHER_DELEGATE, 0), forked, slot, forgingAllowed);
  }

  /** {@code agreeing} peers at {@code height} on our chain and {@code forked} peers off it. */
  public static List<PeerObservation> peers(int agreeing, int forked, long height, long slot) {
    List<PeerObservation> all = new ArrayList<>();
    for (int i = 0; i < agreeing; i++) {
      all.add(peer("10.0.0." + i + ":4002", height, false, slot, true));
    }
    for (int i = 0; i < forked; i++) {
      all.add(peer("10.0.1." + i + ":4002", height, true, slot, true));
    }
    return all;
  }
}
