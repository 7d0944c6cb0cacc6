package com.osmosecollective.node.p2p.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeerIpTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost",
        "2130706433",
        "127.1",
        "0x7f.0.0.1",
        "010.0.0.1",
        "1.2.3.256",
        "example.com",
        "fe80::1%eth0",
        " 1.2.3.4",
        ""
      })
  @DisplayName("SV-009: names, integers, short and octal forms are never peer addresses")
  void onlyLiteralAddresses(String text) {
    assertThat(PeerIp.parse(text)).isEmpty();
  }

  @Test
  @DisplayName("SV-009: addresses are held in canonical form")
  void canonicalForms() {
    assertThat(PeerIp.canonical(PeerIp.parse("1.2.3.4").orElseThrow())).isEqualTo("1.2.3.4");
    assertThat(PeerIp.canonical(PeerIp.parse("2001:DB8:0:0:0:0:0:1").orElseThrow()))
        .isEqualTo("2001:db8::1");
    assertThat(PeerIp.canonical(PeerIp.parse("::1").orElseThrow())).isEqualTo("::1");
    assertThat(PeerIp.canonical(PeerIp.parse("::ffff:10.0.0.1").orElseThrow()))
        .isEqualTo("10.0.0.1");
    assertThat(PeerIp.canonical(PeerIp.parse("1:0:0:2:0:0:0:3").orElseThrow()))
        .isEqualTo("1:0:0:2::3");
  }

  @Test
  @DisplayName("SV-009: loopback, private and unusable addresses are refused on public networks")
  void addressPolicy() throws Exception {
    AddressPolicy strict = new AddressPolicy(false);
    AddressPolicy local = new AddressPolicy(true);
    strict.ownPort(4002);
    local.ownPort(4002);
    for (String ip : new String[] {"127.0.0.1", "10.1.2.3", "192.168.1.1", "172.16.0.1", "::1"}) {
      PeerKey key = new PeerKey(InetAddress.getByName(ip), 4001);
      assertThat(strict.refusal(key)).as(ip).isPresent();
      assertThat(local.refusal(key)).as(ip).isEmpty();
    }
    for (String ip : new String[] {"0.0.0.0", "224.0.0.1", "255.255.255.255"}) {
      assertThat(local.refusal(new PeerKey(InetAddress.getByName(ip), 4001))).as(ip).isPresent();
    }
    assertThat(local.refusal(new PeerKey(InetAddress.getByName("127.0.0.1"), 4002)))
        .as("ourselves")
        .isPresent();
    assertThat(strict.refusal(new PeerKey(InetAddress.getByName("5.6.7.8"), 4001))).isEmpty();
  }

  @Test
  @DisplayName("bound to one loopback address, another loopback address on our port is a peer")
  void nodesSharingAHostDifferByAddress() throws Exception {
    AddressPolicy local = new AddressPolicy(true);
    local.ownAddress(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 4002));
    assertThat(local.refusal(new PeerKey(InetAddress.getByName("127.0.0.1"), 4002)))
        .as("ourselves")
        .isPresent();
    assertThat(local.refusal(new PeerKey(InetAddress.getByName("127.0.0.3"), 4002)))
        .as("an ARK node listening on 127.0.0.3 with the same port")
        .isEmpty();
    local.ownAddress(new InetSocketAddress(4002));
    assertThat(local.refusal(new PeerKey(InetAddress.getByName("127.0.0.3"), 4002)))
        .as("bound to every address, every loopback address on our port is ourselves")
        .isPresent();
  }

  @Test
  void subnets() throws Exception {
    assertThat(PeerIp.subnet(InetAddress.getByName("5.6.7.8"))).isEqualTo("5.6.7.0/24");
    assertThat(PeerIp.subnet(InetAddress.getByName("5.6.7.200"))).isEqualTo("5.6.7.0/24");
  }
}
