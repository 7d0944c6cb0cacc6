package com.osmosecollective.node.p2p.nes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.p2p.ArkSamples;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NesFrameCodecTest {
  private final NesFrameCodec codec = new NesFrameCodec(NesFrameCodec.SERVER_MAX_FRAME_BYTES);

  @Test
  void arkHelloRequestDecodesAndReencodes() throws DecodeException {
    byte[] bytes =
        Hex.decodeOrThrow(ArkSamples.load("p2p_hello").path("request_frame_hex").asText());

    NesFrame frame = codec.decode(bytes);

    assertThat(frame.version()).isEqualTo(2);
    assertThat(frame.type()).isEqualTo(NesFrameType.HELLO);
    assertThat(frame.id()).isEqualTo(1);
    assertThat(frame.statusCode()).isEqualTo(200);
    assertThat(frame.path()).isEmpty();
    assertThat(frame.socket()).isEmpty();
    assertThat(frame.payload().isEmpty()).isTrue();
    assertThat(codec.encode(frame)).isEqualTo(bytes);
    assertThat(codec.encode(NesFrame.hello(1))).isEqualTo(bytes);
  }

  @Test
  void arkHelloResponseDecodesToTheRecordedFieldsAndReencodes() throws DecodeException {
    JsonNode sample = ArkSamples.load("p2p_hello");
    byte[] bytes = Hex.decodeOrThrow(sample.path("response_frame_hex").asText());
    JsonNode recorded = sample.path("response");

    NesFrame frame = codec.decode(bytes);

    assertThat(frame.version()).isEqualTo(recorded.path("version").asInt());
    assertThat(frame.type().name().toLowerCase()).isEqualTo(recorded.path("type").asText());
    assertThat(frame.id()).isEqualTo(recorded.path("id").asLong());
    assertThat(frame.statusCode()).isEqualTo(recorded.path("statusCode").asInt());
    assertThat(frame.path()).isEqualTo(recorded.path("path").asText());
    assertThat(frame.socket()).isEqualTo(recorded.path("socket").asText());
    assertThat(frame.heartbeatInterval())
        .isEqualTo(recorded.path("heartbeat").path("interval").asInt());
    assertThat(frame.heartbeatTimeout())
        .isEqualTo(recorded.path("heartbeat").path("timeout").asInt());
    assertThat(frame.payload().hex()).isEqualTo(recorded.path("payload").asText());
    assertThat(codec.encode(frame)).isEqualTo(bytes);
    assertThat(codec.encode(NesFrame.helloReply(1, frame.socket(), 15000, 5000))).isEqualTo(bytes);
  }

  @Test
  void arkGetStatusRequestDecodesAndReencodes() throws DecodeException {
    byte[] bytes = ArkSamples.requestFrame("p2p_peer_getStatus");

    NesFrame frame = codec.decode(bytes);

    assertThat(frame.type()).isEqualTo(NesFrameType.REQUEST);
    assertThat(frame.version()).isZero();
    assertThat(frame.id()).isEqualTo(2);
    assertThat(frame.statusCode()).isEqualTo(200);
    assertThat(frame.path()).isEqualTo("p2p.peer.getStatus");
    assertThat(frame.socket()).isEmpty();
    assertThat(frame.payload().hex()).isEqualTo("0a070a05332e392e31");
    assertThat(codec.encode(frame)).isEqualTo(bytes);
    assertThat(codec.encode(NesFrame.request(2, "p2p.peer.getStatus", frame.payload())))
        .isEqualTo(bytes);
  }

  @Test
  void arkGetStatusResponseDecodesAndReencodes() throws DecodeException {
    JsonNode recorded = ArkSamples.load("p2p_peer_getStatus").path("response");
    byte[] bytes = ArkSamples.responseFrame("p2p_peer_getStatus");

    NesFrame frame = codec.decode(bytes);

    assertThat(frame.type()).isEqualTo(NesFrameType.REQUEST);
    assertThat(frame.id()).isEqualTo(recorded.path("id").asLong());
    assertThat(frame.statusCode()).isEqualTo(recorded.path("statusCode").asInt());
    assertThat(frame.path()).isEmpty();
    assertThat(frame.payload().length()).isEqualTo(recorded.path("frame_len").asInt() - 14);
    assertThat(codec.encode(frame)).isEqualTo(bytes);
    assertThat(codec.encode(NesFrame.response(2, 200, frame.payload()))).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "p2p_blocks_getBlocks",
        "p2p_peer_getCommonBlocks",
        "p2p_peer_getPeers",
        "p2p_internal_getNetworkState",
        "p2p_internal_getUnconfirmedTransactions"
      })
  void everyRecordedExchangeRoundTrips(String sample) throws DecodeException {
    for (byte[] bytes :
        new byte[][] {ArkSamples.requestFrame(sample), ArkSamples.responseFrame(sample)}) {
      assertThat(codec.encode(codec.decode(bytes))).isEqualTo(bytes);
    }
  }

  @Test
  void frameAboveTheCallersLimitIsRefusedBeforeParsing() {
    NesFrameCodec client = new NesFrameCodec(NesFrameCodec.CLIENT_DEFAULT_MAX_FRAME_BYTES);
    byte[] big = codec.encode(NesFrame.response(1, 200, Bytes.of(new byte[100 * 1024 - 13])));

    assertThatThrownBy(() -> client.decode(big))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("exceeds the limit of 102400");
  }

  @Test
  void shortFramesUnknownTypesAndLyingLengthsAreRefused() {
    byte[] hello = codec.encode(NesFrame.hello(7));

    assertThatThrownBy(() -> codec.decode(Arrays.copyOf(hello, 13)))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("below the header size");

    for (int type : new int[] {4, 5, 8, 10, 255}) {
      byte[] bad = hello.clone();
      bad[1] = (byte) type;
      assertThatThrownBy(() -> codec.decode(bad))
          .isInstanceOf(DecodeException.class)
          .hasMessageContaining("unknown nes frame type " + type);
    }

    byte[] longPath = hello.clone();
    longPath[8] = 101;
    assertThatThrownBy(() -> codec.decode(longPath)).hasMessageContaining("path length 101");

    byte[] longSocket = hello.clone();
    longSocket[9] = 101;
    assertThatThrownBy(() -> codec.decode(longSocket)).hasMessageContaining("socket length 101");

    byte[] missingPath = hello.clone();
    missingPath[8] = 5;
    assertThatThrownBy(() -> codec.decode(missingPath))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("need 5 bytes, 0 left");
  }

  @Test
  void malformedUtf8InThePathIsRefused() {
    byte[] frame = codec.encode(NesFrame.request(3, "ab", Bytes.EMPTY));
    frame[14] = (byte) 0xc3; // a lead byte followed by ASCII
    assertThatThrownBy(() -> codec.decode(frame))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("path is not valid UTF-8");
  }

  @Test
  void framesThatCannotBeWrittenAreRejectedWhenBuilt() {
    String route101 = "p".repeat(101);
    assertThatThrownBy(() -> NesFrame.request(1, route101, Bytes.EMPTY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NesFrame.request(0x1_0000_0000L, "x", Bytes.EMPTY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(codec.encode(NesFrame.request(0xffff_ffffL, "p".repeat(100), Bytes.EMPTY)))
        .hasSize(114);
  }
}
