package com.osmosecollective.node.p2p.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.p2p.message.DownloadedBlock;
import com.osmosecollective.node.p2p.message.GetCommonBlocksRequest;
import com.osmosecollective.node.p2p.message.GetPeersResponse;
import com.osmosecollective.node.p2p.message.GetStatusRequest;
import com.osmosecollective.node.p2p.message.Headers;
import com.osmosecollective.node.p2p.message.PeerAddress;
import com.osmosecollective.node.p2p.message.WireBlockHeader;
import com.osmosecollective.node.p2p.proto.SharedProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The caps of spec §7.2 and §7.3 hold exactly at their boundary. */
class CodecLimitsTest {
  private static final WireBlockHeader HEADER =
      new WireBlockHeader("1", null, 0, 0, null, null, 2, 0, 0, 0, 0, 0, "aa", "bb", "cc");

  @Test
  void atMost2000Peers() throws DecodeException {
    List<PeerAddress> peers = new ArrayList<>();
    for (int i = 0; i < 2001; i++) {
      peers.add(new PeerAddress("10.0." + (i / 256) + "." + (i % 256), 4001));
    }
    byte[] allowed = GetPeersCodec.encodeResponse(new GetPeersResponse(peers.subList(0, 2000)));
    byte[] tooMany = GetPeersCodec.encodeResponse(new GetPeersResponse(peers));

    assertThat(GetPeersCodec.decodeResponse(allowed).peers()).isEqualTo(peers.subList(0, 2000));
    assertThatThrownBy(() -> GetPeersCodec.decodeResponse(tooMany))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("more than 2000 peers");
  }

  @Test
  void atMostTenCommonBlockIds() throws DecodeException {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      ids.add(Long.toString(1000 + i));
    }
    byte[] ten =
        GetCommonBlocksCodec.encodeRequest(new GetCommonBlocksRequest(ids.subList(0, 10), null));
    byte[] eleven = GetCommonBlocksCodec.encodeRequest(new GetCommonBlocksRequest(ids, null));

    assertThat(GetCommonBlocksCodec.decodeRequest(ten).ids()).isEqualTo(ids.subList(0, 10));
    assertThatThrownBy(() -> GetCommonBlocksCodec.decodeRequest(eleven))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("more than 10 ids");
  }

  @Test
  void atMost400DownloadedBlocks() throws DecodeException {
    DownloadedBlock block = new DownloadedBlock(HEADER, List.of());
    byte[] allowed = GetBlocksCodec.encodeResponse(Collections.nCopies(400, block));
    byte[] tooMany = GetBlocksCodec.encodeResponse(Collections.nCopies(401, block));

    assertThat(new GetBlocksCodec().decodeResponse(allowed)).hasSize(400).containsOnly(block);
    assertThatThrownBy(() -> new GetBlocksCodec().decodeResponse(tooMany))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("more than 400 entries");
  }

  @Test
  void perBlockTransactionLimitIsTheCallers() throws DecodeException {
    Bytes tx = Bytes.of(new byte[] {1, 2, 3});
    byte[] payload =
        GetBlocksCodec.encodeResponse(
            List.of(new DownloadedBlock(HEADER, Collections.nCopies(501, tx))));

    assertThatThrownBy(() -> new GetBlocksCodec().decodeResponse(payload))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("more than 500 entries");
    assertThat(new GetBlocksCodec(501).decodeResponse(payload).get(0).transactions()).hasSize(501);
  }

  @Test
  void amountsMustBeCanonicalDecimalsWithinLong() throws DecodeException {
    assertThat(DecimalAmount.parse("9223372036854775807", "a")).isEqualTo(Long.MAX_VALUE);
    assertThat(DecimalAmount.parse("0", "a")).isZero();
    for (String bad :
        new String[] {"", "-1", "01", "1e3", "9223372036854775808", "12345678901234567890", " 1"}) {
      assertThatThrownBy(() -> DecimalAmount.parse(bad, "totalAmount"))
          .as(bad)
          .isInstanceOf(DecodeException.class)
          .hasMessageContaining("totalAmount");
    }
  }

  @Test
  void headerWithoutAmountsIsRefused() {
    SharedProto.BlockHeader header =
        SharedProto.BlockHeader.newBuilder().setId("123").setHeight(5).build();
    byte[] payload = GetBlocksCodec.encodeResponse(List.of()); // empty answer is fine
    assertThat(payload).isEmpty();
    byte[] entry = header.toByteArray();
    byte[] packed = new byte[4 + entry.length];
    packed[3] = (byte) entry.length;
    System.arraycopy(entry, 0, packed, 4, entry.length);
    assertThatThrownBy(() -> new GetBlocksCodec().decodeResponse(packed))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("totalAmount is missing");
  }

  /** SV-044: decoders accept only the fields the protocol defines, at any depth. */
  @Test
  void unknownFieldsAreRefusedAtAnyDepthSv044() throws DecodeException {
    byte[] known = GetStatusCodec.encodeRequest(new GetStatusRequest(new Headers("3.9.1")));
    // field 2 (varint) appended at the top level
    byte[] topLevel = Arrays.copyOf(known, known.length + 2);
    topLevel[known.length] = 0x10;
    topLevel[known.length + 1] = 0x01;
    // field 7 inside the headers message: 0a 09 | 0a 05 "3.9.1" 38 01
    byte[] nested = Hex.decodeOrThrow("0a090a05332e392e313801");

    assertThat(GetStatusCodec.decodeRequest(known).headers()).isEqualTo(new Headers("3.9.1"));
    for (byte[] payload : List.of(topLevel, nested)) {
      assertThatThrownBy(() -> GetStatusCodec.decodeRequest(payload))
          .isInstanceOf(DecodeException.class)
          .hasMessageContaining("does not define");
    }
  }
}
