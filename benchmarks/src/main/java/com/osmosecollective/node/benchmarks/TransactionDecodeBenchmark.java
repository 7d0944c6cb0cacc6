package com.osmosecollective.node.benchmarks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.osmosecollective.node.config.Milestone;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionDecoder;
import com.osmosecollective.node.core.tx.TransactionSigner;
import com.osmosecollective.node.core.tx.TxContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Deserialization of one transaction from its wire bytes, including the id (canonical
 * re-serialisation + sha256), as the block decoder does it. No signature verification.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TransactionDecodeBenchmark {
  private static final int NETWORK = 115;

  @Param({"transferV2", "voteV2", "multiPayment2V2", "transferV1"})
  public String kind;

  private byte[] bytes;
  private TxContext context;

  @Setup
  public void setup() {
    PrivateKey sender = PrivateKey.fromPassphrase("benchmark sender");
    Bytes senderKey = Bytes.of(sender.publicKey());
    Bytes recipient =
        Bytes.of(
            Address.payloadFromPublicKey(
                PrivateKey.fromPassphrase("benchmark recipient").publicKey(), NETWORK));
    boolean v1 = kind.equals("transferV1");
    context = new TxContext(NETWORK, milestone(!v1));
    Transaction.Builder b =
        Transaction.builder()
            .version(v1 ? 1 : 2)
            .network(NETWORK)
            .senderPublicKey(senderKey)
            .fee(10_000_000);
    if (v1) {
      b.timestamp(123_456);
    } else {
      b.nonce(42);
    }
    switch (kind) {
      case "voteV2" -> b.asset(new Asset.Vote(List.of(new Asset.VoteEntry(true, senderKey))));
      case "multiPayment2V2" ->
          b.vendorField("benchmark")
              .asset(
                  new Asset.MultiPayment(
                      List.of(
                          new Asset.Payment(1_000, recipient),
                          new Asset.Payment(2_000, recipient))));
      default ->
          b.amount(250_000_000).vendorField("benchmark").asset(new Asset.Transfer(0, recipient));
    }
    bytes = TransactionSigner.sign(b.build(), sender).serialized();
  }

  private static Milestone milestone(boolean aip11) {
    return new Milestone(
        2,
        0,
        51,
        20,
        Instant.parse("2017-02-21T13:00:00Z"),
        0,
        50,
        2_097_152,
        false,
        false,
        Map.of(),
        64,
        128,
        aip11,
        aip11,
        false,
        JsonNodeFactory.instance.objectNode());
  }

  @Benchmark
  public Transaction decode() throws DecodeException {
    return TransactionDecoder.decode(bytes, 0, bytes.length, context);
  }
}
