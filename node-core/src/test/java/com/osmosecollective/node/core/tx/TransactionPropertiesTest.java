package com.osmosecollective.node.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.core.encoding.DecodeException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Round trips of random valid transactions, and decoders that only ever throw DecodeException. */
class TransactionPropertiesTest {

  @Provide
  Arbitrary<Transaction> transactions() {
    return Arbitraries.randomValue(RandomTransactions::generate);
  }

  @Property(tries = 400)
  void wireRoundTrip(@ForAll("transactions") Transaction tx) throws DecodeException {
    Transaction decoded =
        TransactionDecoder.decode(tx.serialized(), RandomTransactions.contextFor(tx));
    assertThat(decoded).isEqualTo(tx);
    assertThat(decoded.id()).isEqualTo(tx.id());
    assertThat(decoded.serialized()).isEqualTo(tx.serialized());
  }

  @Property(tries = 400)
  void jsonRoundTrip(@ForAll("transactions") Transaction tx) throws DecodeException {
    Transaction parsed =
        TransactionJson.parse(TransactionJson.toJson(tx), RandomTransactions.NETWORK);
    assertThat(parsed).isEqualTo(tx);
    assertThat(parsed.id()).isEqualTo(tx.id());
    assertThat(TransactionJson.toJson(parsed)).isEqualTo(TransactionJson.toJson(tx));
  }

  @Property(tries = 300)
  void idIsStableAcrossRebuilds(@ForAll("transactions") Transaction tx) {
    assertThat(tx.toBuilder().build().id()).isEqualTo(tx.id());
  }

  @Property(tries = 1000)
  void randomBytesOnlyFailWithDecodeException(
      @ForAll @Size(max = 400) byte[] bytes, @ForAll boolean version1) {
    byte[] input = bytes.clone();
    if (input.length > 1) {
      input[0] = (byte) 0xff; // get past the marker more often
      input[1] = (byte) (version1 ? 1 : 2);
    }
    decodeOnlyFailsCleanly(input, version1 ? RandomTransactions.V1 : RandomTransactions.V2);
  }

  @Property(tries = 1000)
  void mutatedValidBytesOnlyFailWithDecodeException(
      @ForAll("transactions") Transaction tx, @ForAll long seed) {
    Random r = new Random(seed);
    byte[] bytes = tx.serialized();
    byte[] mutated =
        switch (r.nextInt(4)) {
          case 0 -> {
            byte[] m = bytes.clone();
            for (int i = 1 + r.nextInt(3); i > 0; i--) {
              m[r.nextInt(m.length)] ^= (byte) (1 + r.nextInt(255));
            }
            yield m;
          }
          case 1 -> Arrays.copyOf(bytes, r.nextInt(bytes.length));
          case 2 -> {
            byte[] extra = new byte[1 + r.nextInt(140)];
            r.nextBytes(extra);
            byte[] m = Arrays.copyOf(bytes, bytes.length + extra.length);
            System.arraycopy(extra, 0, m, bytes.length, extra.length);
            yield m;
          }
          default -> {
            int cut = r.nextInt(bytes.length);
            byte[] m = new byte[bytes.length - 1];
            System.arraycopy(bytes, 0, m, 0, cut);
            System.arraycopy(bytes, cut + 1, m, cut, bytes.length - cut - 1);
            yield m;
          }
        };
    decodeOnlyFailsCleanly(mutated, RandomTransactions.contextFor(tx));
  }

  @Property(tries = 1000)
  void mutatedJsonOnlyFailsWithDecodeException(
      @ForAll("transactions") Transaction tx, @ForAll long seed) {
    Random r = new Random(seed);
    ObjectNode json = TransactionJson.toJson(tx);
    List<ObjectNode> objects = new ArrayList<>();
    collectObjects(json, objects);
    ObjectNode target = objects.get(r.nextInt(objects.size()));
    List<String> fields = new ArrayList<>();
    target.fieldNames().forEachRemaining(fields::add);
    if (!fields.isEmpty()) {
      String field = fields.get(r.nextInt(fields.size()));
      JsonNode replacement =
          switch (r.nextInt(8)) {
            case 0 -> null;
            case 1 -> JsonNodeFactory.instance.textNode("");
            case 2 -> JsonNodeFactory.instance.numberNode(-1);
            case 3 -> JsonNodeFactory.instance.numberNode(1.5);
            case 4 -> JsonNodeFactory.instance.objectNode();
            case 5 -> JsonNodeFactory.instance.arrayNode().add(7);
            case 6 -> JsonNodeFactory.instance.textNode("zz" + r.nextInt());
            default -> JsonNodeFactory.instance.numberNode(new BigInteger("99999999999999999999"));
          };
      if (replacement == null) {
        target.remove(field);
      } else {
        target.set(field, replacement);
      }
    }
    try {
      TransactionJson.parse(json, RandomTransactions.NETWORK);
    } catch (DecodeException expected) {
      // the only acceptable failure
    } catch (Throwable t) {
      throw new AssertionError("JSON parser threw " + t + " on " + json, t);
    }
  }

  private static void collectObjects(JsonNode node, List<ObjectNode> out) {
    if (node instanceof ObjectNode o) {
      out.add(o);
    }
    node.elements().forEachRemaining(child -> collectObjects(child, out));
  }

  private static void decodeOnlyFailsCleanly(byte[] input, TxContext ctx) {
    try {
      Transaction tx = TransactionDecoder.decode(input, ctx);
      // whatever decodes must re-serialise and decode to itself
      assertThat(TransactionDecoder.decode(tx.serialized(), ctx)).isEqualTo(tx);
    } catch (DecodeException expected) {
      // the only acceptable failure
    } catch (Throwable t) {
      throw new AssertionError("decoder threw " + t, t);
    }
  }
}
