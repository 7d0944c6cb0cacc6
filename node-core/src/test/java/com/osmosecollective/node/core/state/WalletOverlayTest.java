package com.osmosecollective.node.core.state;

import static com.osmosecollective.node.core.state.StateKit.NET;
import static com.osmosecollective.node.core.state.StateKit.address;
import static com.osmosecollective.node.core.state.StateKit.key;
import static com.osmosecollective.node.core.state.StateKit.pk;
import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.wallet.DelegateAttributes;
import com.osmosecollective.node.core.wallet.HtlcLock;
import com.osmosecollective.node.core.wallet.Wallet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WalletOverlayTest {
  private final InMemoryWallets base = new InMemoryWallets(NET);
  private final PrivateKey alice = key("alice");
  private final PrivateKey bob = key("bob");
  private final HtlcLock lock = new HtlcLock(5, "someone", 1, null, "ab".repeat(32), 2, 100);
  private Map<String, Wallet> snapshot;

  @BeforeEach
  void setUp() {
    base.put(
        base.byPublicKey(pk(alice))
            .withBalance(10)
            .withDelegate(DelegateAttributes.registered("alice"))
            .withHtlcLock("lock1", lock)
            .withIpfsHash("QmBase"));
    snapshot = new HashMap<>(base.all());
  }

  @Test
  void readsFallThroughAndWritesStayInTheOverlay() {
    WalletOverlay overlay = new WalletOverlay(base);
    assertThat(overlay.byAddress(address(alice))).isEqualTo(base.byAddress(address(alice)));
    assertThat(overlay.byAddress(address(bob))).isEqualTo(Wallet.empty(address(bob)));
    assertThat(overlay.byPublicKey(pk(bob)).publicKey()).isEqualTo(pk(bob));

    Wallet richer = overlay.byAddress(address(alice)).withBalance(99);
    overlay.put(richer);
    overlay.put(overlay.byPublicKey(pk(bob)).withBalance(1));

    assertThat(overlay.byAddress(address(alice)).balance()).isEqualTo(99);
    assertThat(overlay.byPublicKey(pk(bob)).balance()).isEqualTo(1);
    assertThat(overlay.changes()).containsOnlyKeys(address(alice), address(bob));
    assertThat(base.all()).isEqualTo(snapshot);

    overlay.discard();
    assertThat(overlay.changes()).isEmpty();
    assertThat(overlay.byAddress(address(alice)).balance()).isEqualTo(10);
    assertThat(overlay.byUsername("alice")).contains(base.byAddress(address(alice)));
  }

  @Test
  void indexesSeeTheOverlaysChanges() {
    WalletOverlay overlay = new WalletOverlay(base);
    assertThat(overlay.htlcLockOwner("lock1")).isPresent();
    assertThat(overlay.ipfsHashOwner("QmBase")).isPresent();

    overlay.put(
        overlay
            .byAddress(address(alice))
            .withoutHtlcLock("lock1")
            .withDelegate(base.byAddress(address(alice)).delegate().withResigned(true)));
    overlay.put(
        overlay
            .byPublicKey(pk(bob))
            .withDelegate(DelegateAttributes.registered("bob"))
            .withHtlcLock("lock2", lock)
            .withIpfsHash("QmBob"));

    assertThat(overlay.htlcLockOwner("lock1")).isEmpty();
    assertThat(overlay.htlcLockOwner("lock2").map(Wallet::address)).contains(address(bob));
    assertThat(overlay.ipfsHashOwner("QmBob").map(Wallet::address)).contains(address(bob));
    assertThat(overlay.byUsername("bob").map(Wallet::address)).contains(address(bob));
    assertThat(overlay.byUsername("alice").orElseThrow().delegate().resigned()).isTrue();
    assertThat(overlay.delegates())
        .extracting(w -> w.delegate().username() + ":" + w.delegate().resigned())
        .containsExactlyInAnyOrder("alice:true", "bob:false");

    assertThat(base.htlcLockOwner("lock2")).isEmpty();
    assertThat(base.byUsername("bob")).isEmpty();
    assertThat(base.delegates()).hasSize(1);
  }

  @Test
  void overlaysStackAndFlushIntoTheirBase() {
    WalletOverlay chain = new WalletOverlay(base);
    WalletOverlay pool = new WalletOverlay(chain);
    pool.put(pool.byPublicKey(pk(bob)).withBalance(3));
    assertThat(chain.byAddress(address(bob)).balance()).isZero();
    pool.flush();
    assertThat(pool.changes()).isEmpty();
    assertThat(chain.byAddress(address(bob)).balance()).isEqualTo(3);
    assertThat(base.byAddress(address(bob)).balance()).isZero();
    chain.flush();
    assertThat(base.byAddress(address(bob)).balance()).isEqualTo(3);
    assertThat(base.byAddress(address(bob)).publicKey()).isEqualTo(pk(bob));
  }
}
