package com.osmosecollective.node.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.encoding.DecodeException;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

class Secp256k1CacheTest {
  @Test
  void cachedPointIsReusedAndCannotBeCorruptedByTheCallersArray() throws DecodeException {
    byte[] first = PrivateKey.fromPassphrase("cache key one").publicKey();
    byte[] second = PrivateKey.fromPassphrase("cache key two").publicKey();
    byte[] reused = first.clone();

    ECPoint point = Secp256k1.decodePublicKey(reused);
    assertThat(Secp256k1.decodePublicKey(first.clone())).isSameAs(point);

    // the caller overwrites its array with another key: both keys must still decode correctly
    System.arraycopy(second, 0, reused, 0, 33);
    assertThat(Secp256k1.compress(Secp256k1.decodePublicKey(second))).isEqualTo(second);
    assertThat(Secp256k1.compress(Secp256k1.decodePublicKey(first))).isEqualTo(first);
    assertThat(Secp256k1.compress(Secp256k1.decodePublicKey(reused))).isEqualTo(second);
  }
}
