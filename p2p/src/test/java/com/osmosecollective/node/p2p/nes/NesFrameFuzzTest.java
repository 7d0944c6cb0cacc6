package com.osmosecollective.node.p2p.nes;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Bad bytes never hurt: whatever arrives, the decoder answers with a frame or a DecodeException,
 * and a frame it accepts re-encodes to exactly the bytes it came from.
 */
class NesFrameFuzzTest {
  private final NesFrameCodec codec = new NesFrameCodec(64 * 1024);

  @Property(tries = 2000)
  void randomBytesDecodeOrFailCleanly(@ForAll @Size(max = 300) byte[] bytes) {
    checkOnlyDecodeExceptionAndExactRoundTrip(bytes);
  }

  @Property(tries = 2000)
  void mutatedValidFramesDecodeOrFailCleanly(@ForAll("mutatedFrames") byte[] bytes) {
    checkOnlyDecodeExceptionAndExactRoundTrip(bytes);
  }

  @Provide
  Arbitrary<byte[]> mutatedFrames() {
    Arbitrary<byte[]> valid =
        Arbitraries.of(
            codec.encode(NesFrame.hello(1)),
            codec.encode(
                NesFrame.helloReply(1, "1795857729161:vm:25326:mx07ao2x:10001", 15000, 5000)),
            codec.encode(
                NesFrame.request(2, "p2p.peer.getStatus", Bytes.of(new byte[] {10, 7, 10, 5}))));
    return valid.flatMap(
        frame ->
            Arbitraries.integers()
                .between(0, frame.length - 1)
                .list()
                .ofMaxSize(4)
                .flatMap(
                    positions ->
                        Arbitraries.integers()
                            .between(0, frame.length)
                            .map(
                                cut -> {
                                  byte[] copy = java.util.Arrays.copyOf(frame, cut);
                                  for (int p : positions) {
                                    if (p < copy.length) {
                                      copy[p] = (byte) (copy[p] ^ (1 + p * 31));
                                    }
                                  }
                                  return copy;
                                })));
  }

  private void checkOnlyDecodeExceptionAndExactRoundTrip(byte[] bytes) {
    NesFrame frame;
    try {
      frame = codec.decode(bytes);
    } catch (DecodeException expected) {
      return;
    }
    assertThat(codec.encode(frame)).isEqualTo(bytes);
  }
}
