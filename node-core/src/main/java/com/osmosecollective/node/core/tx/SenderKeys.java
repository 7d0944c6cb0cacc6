package com.osmosecollective.node.core.tx;

import com.osmosecollective.node.core.encoding.Bytes;
import java.util.Optional;

/**
 * What the caller knows about the sender's wallet. {@link #unknown()} reproduces ARK's library
 * (only the first signature is checked); a known wallet also has its second signature and its
 * multi-signature checked, and a second signature from a wallet without a second key is refused.
 */
public record SenderKeys(
    boolean walletKnown,
    Optional<Bytes> secondPublicKey,
    Optional<Asset.MultiSignature> multiSignature) {

  public static SenderKeys unknown() {
    return new SenderKeys(false, Optional.empty(), Optional.empty());
  }

  /** A known wallet; either argument may be null when the wallet has no such key. */
  public static SenderKeys of(Bytes secondPublicKey, Asset.MultiSignature multiSignature) {
    return new SenderKeys(
        true, Optional.ofNullable(secondPublicKey), Optional.ofNullable(multiSignature));
  }
}
