package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.wallet.DelegateAttributes;
import com.osmosecollective.node.core.wallet.LastBlock;
import com.osmosecollective.node.core.wallet.Wallet;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * ARK's delegate answer: votes, rank (omitted once resigned), production statistics, the approval
 * (percentage of the supply voting for it) and forged totals.
 */
public final class DelegateResource {
  private final ArkTimestamp timestamps;

  public DelegateResource(Network network) {
    this.timestamps = new ArkTimestamp(network.epoch());
  }

  /**
   * ARK's delegate resource.
   *
   * @param wallet a delegate's wallet
   * @param supply the current supply (arktoshi) the approval is a share of
   */
  public ObjectNode toJson(Wallet wallet, long supply) {
    DelegateAttributes d = wallet.delegate();
    if (d == null) {
      throw new IllegalArgumentException(wallet.address() + " is not a delegate");
    }
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("username", d.username());
    o.put("address", wallet.address());
    o.put("publicKey", wallet.publicKey());
    o.put("votes", Long.toString(d.voteBalance()));
    if (!d.resigned() && d.rank() > 0) {
      o.put("rank", d.rank());
    }
    o.put("isResigned", d.resigned());
    ObjectNode blocks = o.putObject("blocks");
    blocks.put("produced", d.producedBlocks());
    LastBlock last = d.lastBlock();
    if (last != null) {
      ObjectNode l = blocks.putObject("last");
      l.put("id", last.id());
      l.put("height", last.height());
      l.set("timestamp", timestamps.toJson(last.timestamp()));
    }
    o.putObject("production").put("approval", approval(d.voteBalance(), supply));
    ObjectNode forged = o.putObject("forged");
    forged.put("fees", Long.toString(d.forgedFees()));
    forged.put("rewards", Long.toString(d.forgedRewards()));
    forged.put("total", Long.toString(Math.addExact(d.forgedFees(), d.forgedRewards())));
    return o;
  }

  /**
   * ARK's {@code calculateApproval}: an integer division scaled by {@code 10^e} (e = digits of the
   * supply − digits of the votes + 4), turned into a JavaScript number, then {@code toFixed(2)}
   * (which rounds the double's exact value half up).
   */
  static double approval(long votes, long supply) {
    if (supply <= 0) {
      return 0;
    }
    int exponent = Long.toString(supply).length() - Long.toString(votes).length() + 4;
    BigInteger scaled =
        BigInteger.valueOf(votes)
            .multiply(BigInteger.TEN.pow(Math.max(0, exponent)))
            .divide(BigInteger.valueOf(supply));
    double percent = scaled.doubleValue() / Math.pow(10, exponent - 2);
    return new BigDecimal(percent).setScale(2, RoundingMode.HALF_UP).doubleValue();
  }
}
