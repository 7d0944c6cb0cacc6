package com.osmosecollective.node.p2p.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.testing.TestData;
import com.osmosecollective.node.p2p.message.Headers;
import com.osmosecollective.node.p2p.message.PostBlockRequest;
import com.osmosecollective.node.p2p.message.PostBlockResponse;
import com.osmosecollective.node.p2p.message.PostTransactionsRequest;
import com.osmosecollective.node.p2p.message.PostTransactionsResponse;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * postBlock and postTransactions have no recorded sample; their layout is checked against bytes
 * assembled here by hand from ARK's codec rules (protobuf tags, u32 big-endian entry lengths).
 */
class PostCodecsTest {
  private static final Headers HEADERS = new Headers("3.9.1");
  private static final byte[] HEADERS_FIELD_2 = Hex.decodeOrThrow("12070a05332e392e31");

  private static List<Bytes> vectorTransactions(int count) throws DecodeException {
    JsonNode vectors = TestData.load("transactions-v2.json");
    List<Bytes> out = new ArrayList<>();
    for (JsonNode vector : vectors.path("vectors")) {
      if (out.size() == count) {
        break;
      }
      out.add(Bytes.fromHex(vector.path("serialized").asText()));
    }
    assertThat(out).hasSize(count);
    return out;
  }

  @Test
  void postTransactionsPacksEveryTransactionBehindABigEndianLength() throws DecodeException {
    List<Bytes> transactions = vectorTransactions(3);
    ByteArrayOutputStream packed = new ByteArrayOutputStream();
    for (Bytes tx : transactions) {
      packed.writeBytes(ByteBuffer.allocate(4).putInt(tx.length()).array());
      packed.writeBytes(tx.toArray());
    }
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.write(0x0a);
    writeVarint(expected, packed.size());
    expected.writeBytes(packed.toByteArray());
    expected.writeBytes(HEADERS_FIELD_2);

    byte[] encoded =
        PostTransactionsCodec.encodeRequest(new PostTransactionsRequest(transactions, HEADERS));

    assertThat(encoded).isEqualTo(expected.toByteArray());
    PostTransactionsRequest decoded = PostTransactionsCodec.decodeRequest(encoded);
    assertThat(decoded.transactions()).isEqualTo(transactions);
    assertThat(decoded.headers()).isEqualTo(HEADERS);
  }

  @Test
  void postTransactionsAboveFortyIsRefused() throws DecodeException {
    Bytes tx = vectorTransactions(1).get(0);
    byte[] forty =
        PostTransactionsCodec.encodeRequest(
            new PostTransactionsRequest(Collections.nCopies(40, tx), HEADERS));
    byte[] fortyOne =
        PostTransactionsCodec.encodeRequest(
            new PostTransactionsRequest(Collections.nCopies(41, tx), HEADERS));

    assertThat(PostTransactionsCodec.decodeRequest(forty).transactions()).hasSize(40);
    assertThatThrownBy(() -> PostTransactionsCodec.decodeRequest(fortyOne))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("more than 40 entries");
  }

  @Test
  void postTransactionsWithALyingOrTruncatedEntryIsRefused() {
    // one entry claiming 9 bytes with 3 present; then a dangling 2-byte length; then an empty entry
    for (String packed : new String[] {"00000009aabbcc", "000000014100ff", "00000000"}) {
      byte[] bytes = Hex.decodeOrThrow(packed);
      ByteArrayOutputStream payload = new ByteArrayOutputStream();
      payload.write(0x0a);
      payload.write(bytes.length);
      payload.writeBytes(bytes);
      assertThatThrownBy(() -> PostTransactionsCodec.decodeRequest(payload.toByteArray()))
          .as(packed)
          .isInstanceOf(DecodeException.class)
          .hasMessageStartingWith("posted transactions");
    }
  }

  @Test
  void postTransactionsAnswerListsAcceptedPositions() throws DecodeException {
    PostTransactionsResponse response = new PostTransactionsResponse(List.of("0", "2"));

    byte[] encoded = PostTransactionsCodec.encodeResponse(response);

    assertThat(Hex.encode(encoded)).isEqualTo("0a01300a0132");
    assertThat(PostTransactionsCodec.decodeResponse(encoded)).isEqualTo(response);
  }

  @Test
  void postBlockCarriesTheBlockBytesAndAnswersStatusAndHeight() throws DecodeException {
    JsonNode block = TestData.load("blocks.json").path("blocks").get(1);
    Bytes serialized = Bytes.fromHex(block.path("serialized").asText());
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.write(0x0a);
    writeVarint(expected, serialized.length());
    expected.writeBytes(serialized.toArray());
    expected.writeBytes(HEADERS_FIELD_2);

    byte[] encoded = PostBlockCodec.encodeRequest(new PostBlockRequest(serialized, HEADERS));

    assertThat(encoded).isEqualTo(expected.toByteArray());
    assertThat(PostBlockCodec.decodeRequest(encoded))
        .isEqualTo(new PostBlockRequest(serialized, HEADERS));

    byte[] answer = PostBlockCodec.encodeResponse(new PostBlockResponse(true, 300));
    assertThat(Hex.encode(answer)).isEqualTo("080110ac02");
    assertThat(PostBlockCodec.decodeResponse(answer)).isEqualTo(new PostBlockResponse(true, 300));
  }

  private static void writeVarint(ByteArrayOutputStream out, long value) {
    while (value >= 0x80) {
      out.write((int) (value & 0x7f) | 0x80);
      value >>>= 7;
    }
    out.write((int) value);
  }
}
