package com.osmosecollective.node.config.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParsersTest {
  @Test
  void hostsAreAddressesOrNames() {
    assertThat(Parsers.host("127.0.0.1")).isEqualTo("127.0.0.1");
    assertThat(Parsers.host("0.0.0.0")).isEqualTo("0.0.0.0");
    assertThat(Parsers.host("node-1.example.org")).isEqualTo("node-1.example.org");
    assertThat(Parsers.host("::1")).isEqualTo("::1");
    assertThat(Parsers.host("[::1]")).isEqualTo("::1");
    for (String bad :
        new String[] {
          "999.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "", "a b", "-x", "::g", "ab_c"
        }) {
      assertThatThrownBy(() -> Parsers.host(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> Parsers.host("999.1.1.1"))
        .hasMessage(
            "must be an IPv4 address of four numbers 0-255 (e.g. 127.0.0.1), not '999.1.1.1'");
  }

  @Test
  void portsAndNumbersTakeAsciiDigitsInRange() {
    assertThat(Parsers.PORT.parse("0")).isZero();
    assertThat(Parsers.PORT.parse("65535")).isEqualTo(65_535);
    assertThatThrownBy(() -> Parsers.PORT.parse("65536"))
        .hasMessage("must be between 0 and 65535, not '65536'");
    for (String bad : new String[] {"+1", " 1", "\u0663", "1e3", "", "99999999999"}) {
      assertThatThrownBy(() -> Parsers.PORT.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void anEmptyPathIsRefused() {
    assertThat(Parsers.path("/var/lib/osmose")).isEqualTo(Path.of("/var/lib/osmose"));
    assertThatThrownBy(() -> Parsers.path("")).hasMessageContaining("current directory");
    assertThatThrownBy(() -> Parsers.path("  ")).hasMessageContaining("current directory");
  }

  @Test
  void peersAreIpPortListsWithoutDuplicates() {
    assertThat(Parsers.peers("10.0.0.1:4002, 10.0.0.2:4000,[::1]:4002,10.0.0.1:4002"))
        .containsExactly(
            new PeerAddress("10.0.0.1", 4002),
            new PeerAddress("10.0.0.2", 4000),
            new PeerAddress("::1", 4002));
    assertThatThrownBy(() -> Parsers.peers("node.example:4000"))
        .hasMessageContaining("must name a literal IP address, not a host name");
    assertThat(new PeerAddress("::1", 4002)).hasToString("[::1]:4002");
    assertThat(Parsers.peers("")).isEmpty();
    assertThatThrownBy(() -> Parsers.peers("10.0.0.1")).hasMessageContaining("ip:port");
    assertThatThrownBy(() -> Parsers.peers("10.0.0.1:0"))
        .hasMessageContaining("port must be between 1");
    assertThatThrownBy(() -> Parsers.peers("300.0.0.1:4002"))
        .hasMessageContaining("host must be an IPv4");
    assertThatThrownBy(() -> Parsers.peers("1.1.1.1:1,".repeat(1001)))
        .hasMessageContaining("at most 1000 peers");
  }

  @Test
  void levelsAreLoggerLevelPairs() {
    assertThat(Parsers.levels("com.osmosecollective.node.p2p=debug, root=WARN"))
        .isEqualTo(Map.of("com.osmosecollective.node.p2p", "DEBUG", "root", "WARN"));
    assertThatThrownBy(() -> Parsers.levels("osmose.blocks=LOUD"))
        .hasMessageContaining("log level 'osmose.blocks=LOUD'");
    assertThat(Parsers.level("info")).isEqualTo("INFO");
  }

  @Test
  void quotedTextIsBoundedAndShowsControlCharacters() {
    assertThatThrownBy(() -> Parsers.bool("x".repeat(500) + "\u0007"))
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(120).doesNotContain("\u0007"));
    assertThatThrownBy(() -> Parsers.bool("ye\u0007s")).hasMessageContaining("\\u0007");
  }

  @Test
  void variableNamesAreNames() {
    assertThat(Parsers.variableName("OSMOSE_BIP38_PASSWORD")).isEqualTo("OSMOSE_BIP38_PASSWORD");
    assertThatThrownBy(() -> Parsers.variableName("my password")).hasMessageContaining("variable");
    assertThat(List.of("A", "_a1")).allSatisfy(Parsers::variableName);
  }
}
