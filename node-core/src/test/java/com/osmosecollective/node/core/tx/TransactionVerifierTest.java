package com.osmosecollective.node.core.tx;

import static com.osmosecollective.node.core.tx.TestTransactions.SENDER;
import static com.osmosecollective.node.core.tx.TestTransactions.v1;
import static com.osmosecollective.node.core.tx.TestTransactions.v2;
import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.crypto.BouncyCastleVerifier;
import com.osmosecollective.node.core.crypto.MultiSignatureKeys;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionVerifierTest {
  private final TransactionVerifier verifier = new TransactionVerifier(new BouncyCastleVerifier());

  @Test
  void schnorrAndEcdsaVersion2Verify() throws DecodeException {
    Transaction unsigned = TestTransactions.transfer().toBuilder().signature(null).build();
    for (TransactionSigner.Scheme scheme : TransactionSigner.Scheme.values()) {
      Transaction tx = TransactionSigner.sign(unsigned, SENDER, scheme);
      if (scheme == TransactionSigner.Scheme.SCHNORR) {
        assertThat(tx.signature().length()).isEqualTo(64);
      } else {
        assertThat(tx.signature().get(0)).isEqualTo(0x30);
        assertThat(tx.signature().length()).isBetween(8, 72).isNotEqualTo(64);
      }
      assertThat(verifier.verify(tx, RandomTransactions.V2).verified()).isTrue();
      // and the bytes read back the same
      assertThat(TransactionDecoder.decode(tx.serialized(), RandomTransactions.V2)).isEqualTo(tx);
    }
  }

  @Test
  void wrongKeyFails() {
    Transaction tx = TestTransactions.transfer();
    Transaction other =
        tx.toBuilder().senderPublicKey(Bytes.of(TestTransactions.SECOND.publicKey())).build();
    assertThat(verifier.verify(other, RandomTransactions.V2).reasons())
        .containsExactly("invalid signature");
  }

  @Test
  void withoutSignaturesSkipsOnlyTheCryptography() {
    Transaction tx = TestTransactions.transfer();
    Transaction wrongKey =
        tx.toBuilder().senderPublicKey(Bytes.of(TestTransactions.SECOND.publicKey())).build();
    assertThat(verifier.verifyWithoutSignatures(wrongKey, RandomTransactions.V2).verified())
        .isTrue();
    assertThat(verifier.verify(wrongKey, RandomTransactions.V2).verified()).isFalse();

    // the rules that need no cryptography still refuse
    Transaction unsigned = tx.toBuilder().signature(null).build();
    assertThat(verifier.verifyWithoutSignatures(unsigned, RandomTransactions.V2).reasons())
        .containsExactly("missing signature");
    Transaction v1 =
        TransactionSigner.sign(
            v1(new Asset.Transfer(0, TestTransactions.RECIPIENT)).amount(5).build(), SENDER);
    assertThat(verifier.verifyWithoutSignatures(v1, RandomTransactions.V2).reasons())
        .containsExactly("version 1 is not supported at this height");
  }

  @Test
  void versionAndTypeFollowTheMilestone() {
    Transaction v1 =
        TransactionSigner.sign(
            v1(new Asset.Transfer(0, TestTransactions.RECIPIENT)).amount(5).build(), SENDER);
    assertThat(verifier.verify(v1, RandomTransactions.V1).verified()).isTrue();
    assertThat(verifier.verify(v1, RandomTransactions.V2).reasons())
        .containsExactly("version 1 is not supported at this height");

    Transaction claim =
        TestTransactions.signed(
            v2(new Asset.HtlcClaim(Bytes.of(new byte[32]), Bytes.of(new byte[32]))).fee(0));
    assertThat(verifier.verify(claim, RandomTransactions.V2).verified()).isTrue();
    TxContext noHtlc =
        new TxContext(
            RandomTransactions.NETWORK, withHtlc(RandomTransactions.milestone(2, true), false));
    assertThat(verifier.verify(claim, noHtlc).reasons())
        .containsExactly("htlcClaim transactions are not enabled at this height");
  }

  private static com.osmosecollective.node.config.Milestone withHtlc(
      com.osmosecollective.node.config.Milestone m, boolean htlc) {
    return new com.osmosecollective.node.config.Milestone(
        m.height(),
        m.reward(),
        m.activeDelegates(),
        m.blocktime(),
        m.epoch(),
        m.blockVersion(),
        m.maxTransactions(),
        m.maxPayload(),
        m.idFullSha256(),
        m.acceptExpiredTransactionTimestamps(),
        m.staticFees(),
        m.vendorFieldLength(),
        m.multiPaymentLimit(),
        m.aip11(),
        htlc,
        m.aip37(),
        m.raw());
  }

  @Test
  void secondSignatureIsCheckedWhenTheKeyIsKnown() {
    Transaction tx =
        TransactionSigner.secondSign(TestTransactions.transfer(), TestTransactions.SECOND);
    Bytes second = Bytes.of(TestTransactions.SECOND.publicKey());
    assertThat(verifier.verify(tx, RandomTransactions.V2, SenderKeys.of(second, null)).verified())
        .isTrue();
    Bytes wrong = Bytes.of(PrivateKey.fromPassphrase("someone else").publicKey());
    assertThat(verifier.verify(tx, RandomTransactions.V2, SenderKeys.of(wrong, null)).reasons())
        .containsExactly("invalid second signature");
    assertThat(
            verifier
                .verify(
                    TestTransactions.transfer(), RandomTransactions.V2, SenderKeys.of(second, null))
                .reasons())
        .containsExactly("missing second signature");
  }

  @Test
  void multiSignatureWallet() throws DecodeException {
    List<PrivateKey> keys = TestTransactions.participants(3);
    List<Bytes> publicKeys = keys.stream().map(k -> Bytes.of(k.publicKey())).toList();
    Asset.MultiSignature wallet = new Asset.MultiSignature(2, publicKeys);
    Bytes walletKey =
        Bytes.of(MultiSignatureKeys.publicKey(2, publicKeys.stream().map(Bytes::toArray).toList()));
    Transaction unsigned =
        v2(new Asset.Transfer(0, TestTransactions.RECIPIENT))
            .amount(1)
            .senderPublicKey(walletKey)
            .build();
    Transaction one = TransactionSigner.multiSign(unsigned, keys.get(2), 2);
    Transaction two = TransactionSigner.multiSign(one, keys.get(0), 0);
    SenderKeys sender = SenderKeys.of(null, wallet);
    assertThat(verifier.verify(two, RandomTransactions.V2, sender).verified()).isTrue();
    assertThat(verifier.verify(one, RandomTransactions.V2, sender).reasons())
        .containsExactly("invalid multi-signatures");
    assertThat(verifier.verify(two, RandomTransactions.V2).verified())
        .as("the library cannot verify without the wallet")
        .isFalse();
    // a participant signing under the wrong index does not count
    Transaction misindexed =
        TransactionSigner.multiSign(
            TransactionSigner.multiSign(unsigned, keys.get(2), 1), keys.get(0), 0);
    assertThat(verifier.verify(misindexed, RandomTransactions.V2, sender).verified()).isFalse();
  }

  @Test
  void multiSignatureKeysMatchCryptoVectors() throws DecodeException {
    com.fasterxml.jackson.databind.JsonNode rows =
        com.osmosecollective.node.core.testing.TestData.load("crypto.json")
            .get("multiSignatureKeys");
    assertThat(rows).isNotEmpty();
    for (com.fasterxml.jackson.databind.JsonNode row : rows) {
      Asset.MultiSignature asset = TxVectors.multiSignature(row.get("asset"));
      assertThat(
              Bytes.of(
                      MultiSignatureKeys.publicKey(
                          asset.min(), asset.publicKeys().stream().map(Bytes::toArray).toList()))
                  .hex())
          .isEqualTo(row.get("publicKey").asText());
    }
  }

  @Test
  void multiSignatureRegistrationChecksParticipantsAgainstItsAsset() {
    List<PrivateKey> keys = TestTransactions.participants(2);
    List<Bytes> publicKeys = keys.stream().map(k -> Bytes.of(k.publicKey())).toList();
    Transaction unsigned = v2(new Asset.MultiSignature(2, publicKeys)).build();
    Transaction good =
        TransactionSigner.sign(
            TransactionSigner.multiSign(
                TransactionSigner.multiSign(unsigned, keys.get(0), 0), keys.get(1), 1),
            SENDER);
    assertThat(verifier.verify(good, RandomTransactions.V2).verified()).isTrue();
    Transaction forged =
        TransactionSigner.sign(
            TransactionSigner.multiSign(
                TransactionSigner.multiSign(unsigned, keys.get(0), 0), SENDER, 1),
            SENDER);
    assertThat(verifier.verify(forged, RandomTransactions.V2).reasons())
        .containsExactly("invalid multi-signatures");
  }
}
