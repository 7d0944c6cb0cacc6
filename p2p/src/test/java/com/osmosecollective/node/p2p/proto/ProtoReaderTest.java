package com.osmosecollective.node.p2p.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import org.junit.jupiter.api.Test;

class ProtoReaderTest {
  @Test
  void unknownFieldsOfEveryWireTypeAreSkipped() throws DecodeException {
    // field 9 varint 300, field 10 fixed64, field 11 bytes "xy", field 12 fixed32, then field 1
    // "ok"
    byte[] bytes =
        Hex.decodeOrThrow("48ac02" + "510102030405060708" + "5a027879" + "6501020304" + "0a026f6b");
    ProtoReader r = new ProtoReader(bytes);
    String found = null;
    while (r.hasRemaining()) {
      int field = r.nextField();
      if (field == 1) {
        found = r.string(10, "name");
      } else {
        r.skip(field);
      }
    }
    assertThat(found).isEqualTo("ok");
  }

  @Test
  void uint32KeepsTheLowBitsOfALongerVarintAsProtobufjsDoes() throws DecodeException {
    // 2^32 + 5 as a varint
    ProtoReader r = new ProtoReader(Hex.decodeOrThrow("08858080801001"));
    r.nextField();
    assertThat(r.uint32("x")).isEqualTo(5);
  }

  @Test
  void malformedInputIsRefusedWithAReason() {
    assertRefused("0b", "unsupported protobuf wire type 3"); // start group
    assertRefused("00", "invalid protobuf field number 0");
    assertRefused("ffffffffffffffffffffff01", "longer than 10 bytes"); // the key itself
    assertRefused("80", "truncated protobuf varint");
    assertRefused("0a05616263", "claims 5 bytes, 3 left");
    assertRefused("0a0bffffffffffffffffffff", "claims 11 bytes");
    assertRefused("0a02c328", "not valid UTF-8");
    assertRefused("08 01".replace(" ", ""), "wire type 0, expected 2");
    assertRefused("0a0b6161616161616161616161", "exceeds 10");
  }

  private static void assertRefused(String hex, String reason) {
    ProtoReader r = new ProtoReader(Hex.decodeOrThrow(hex));
    assertThatThrownBy(
            () -> {
              r.nextField();
              r.string(10, "name");
            })
        .as(hex)
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void writerWritesPresentDefaultsLikeProtobufjs() {
    byte[] bytes =
        new ProtoWriter()
            .uint32(3, 0)
            .bool(2, false)
            .string(1, "")
            .bytes(16, new byte[0])
            .toByteArray();
    assertThat(Hex.encode(bytes)).isEqualTo("180010000a00820100");
  }
}
