package com.osmosecollective.node.p2p.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Every payload decoder, fed random bytes and mutations of real ARK payloads, either decodes or
 * throws DecodeException; any other exception fails the property. The seeds are copies of the
 * recorded payloads so the property runs even without the shared folder.
 */
class DecoderFuzzTest {
  interface Decoder {
    void decode(byte[] payload) throws DecodeException;
  }

  private static final InternalJsonCodec JSON = new InternalJsonCodec(new ObjectMapper());

  private static final List<Decoder> DECODERS =
      List.of(
          GetPeersCodec::decodeRequest,
          GetPeersCodec::decodeResponse,
          GetCommonBlocksCodec::decodeRequest,
          GetCommonBlocksCodec::decodeResponse,
          GetStatusCodec::decodeRequest,
          GetStatusCodec::decodeResponse,
          GetBlocksCodec::decodeRequest,
          new GetBlocksCodec()::decodeResponse,
          PostBlockCodec::decodeRequest,
          PostBlockCodec::decodeResponse,
          PostTransactionsCodec::decodeRequest,
          PostTransactionsCodec::decodeResponse,
          JSON::decode);

  private static final List<byte[]> SEEDS =
      List.of(
          Hex.decodeOrThrow("0a070a05332e392e31"),
          Hex.decodeOrThrow("0a18080712143131373734323233363238303331323630373537"),
          Hex.decodeOrThrow("08041002180020012a070a05332e392e31"),
          Hex.decodeOrThrow(
              "0a8f030807100118aede9c122283030a143131373734323233363238303331323630373537121061"
                  + "333636373230316436643037383535180020f0f2e591012a13373435353632323838383335303936"
                  + "39303339321036373737623138336566366536636366380740014a013052093130303030303030"
                  + "305a013060206a40633335623237346466636565373035656630343331626538353261323734"
                  + "6130343034653036303732313730353938643661376631336136643038663830666572423033"
                  + "3437373662643630383061353034623066383466386436366231366166323932646332353361"
                  + "6135663462653862383037373436613832616133383362643363"),
          Hex.decodeOrThrow("0000000d0a0131180020002a0130820103000000010a"),
          Hex.decodeOrThrow("0a0c0000000341424300000001ff12070a05332e392e31"),
          "{\"headers\":{\"version\":\"3.9.1\"}}".getBytes());

  @Property(tries = 1500)
  void randomBytesNeverEscapeAsAnythingButDecodeException(@ForAll @Size(max = 200) byte[] payload) {
    decodeWithEvery(payload);
  }

  @Property(tries = 1500)
  void mutatedArkPayloadsNeverEscapeAsAnythingButDecodeException(
      @ForAll("mutatedSeeds") byte[] payload) {
    decodeWithEvery(payload);
  }

  @Provide
  Arbitrary<byte[]> mutatedSeeds() {
    return Arbitraries.of(SEEDS)
        .flatMap(
            seed ->
                Arbitraries.integers()
                    .between(0, seed.length - 1)
                    .list()
                    .ofMaxSize(3)
                    .flatMap(
                        positions ->
                            Arbitraries.integers()
                                .between(0, 255)
                                .list()
                                .ofSize(positions.size())
                                .flatMap(
                                    values ->
                                        Arbitraries.integers()
                                            .between(0, seed.length)
                                            .map(cut -> mutate(seed, positions, values, cut)))));
  }

  private static byte[] mutate(
      byte[] seed, List<Integer> positions, List<Integer> values, int cut) {
    byte[] copy = Arrays.copyOf(seed, seed.length);
    for (int i = 0; i < positions.size(); i++) {
      copy[positions.get(i)] = (byte) (int) values.get(i);
    }
    return Arrays.copyOf(copy, cut);
  }

  private static void decodeWithEvery(byte[] payload) {
    for (Decoder decoder : DECODERS) {
      try {
        decoder.decode(payload);
      } catch (DecodeException expected) {
        // the only allowed failure
      }
    }
  }
}
