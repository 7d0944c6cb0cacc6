package com.osmosecollective.node.core.tx;

import static com.osmosecollective.node.core.tx.TestTransactions.RECIPIENT;
import static com.osmosecollective.node.core.tx.TestTransactions.signed;
import static com.osmosecollective.node.core.tx.TestTransactions.v2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionSchemaTest {
  private static final TxContext CTX = RandomTransactions.V2;

  private static TransactionSchemaException failure(Transaction tx) {
    return catchThrowableOfType(
        TransactionSchemaException.class, () -> TransactionSchema.check(tx, CTX));
  }

  private static void assertFails(Transaction tx, String field) {
    TransactionSchemaException e = failure(tx);
    assertThat(e).as("expected a schema failure on " + field).isNotNull();
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.reason()).isNotBlank();
  }

  @Test
  void aSignedTransferPasses() {
    assertThatCode(() -> TransactionSchema.check(TestTransactions.transfer(), CTX))
        .doesNotThrowAnyException();
  }

  @Test
  void commonRules() {
    Transaction transfer = TestTransactions.transfer();
    assertFails(signed(transfer.toBuilder().network(23)), "network");
    assertFails(transfer.toBuilder().signature(null).build(), "signature");
    assertFails(signed(transfer.toBuilder().amount(0)), "amount");
    assertFails(signed(transfer.toBuilder().fee(0)), "fee");
    assertFails(signed(transfer.toBuilder().vendorField("x".repeat(65))), "vendorField");
  }

  @Test
  void genesisMayHaveZeroFeeAndAmount() {
    Transaction tx = signed(TestTransactions.transfer().toBuilder().fee(0).amount(0));
    assertThatCode(() -> TransactionSchema.check(tx, CTX, true)).doesNotThrowAnyException();
  }

  @Test
  void delegateUsernames() {
    assertThatCode(
            () ->
                TransactionSchema.check(
                    signed(v2(new Asset.DelegateRegistration("a.b_c!@$&9"))), CTX))
        .doesNotThrowAnyException();
    assertFails(signed(v2(new Asset.DelegateRegistration("Osmose"))), "asset.delegate.username");
    assertFails(
        signed(v2(new Asset.DelegateRegistration("a".repeat(21)))), "asset.delegate.username");
    assertFails(signed(v2(new Asset.DelegateRegistration(""))), "asset.delegate.username");
    assertFails(signed(v2(new Asset.DelegateRegistration("ok")).amount(5)), "amount");
  }

  @Test
  void votes() {
    Asset.VoteEntry vote = new Asset.VoteEntry(true, TestTransactions.SENDER_KEY);
    assertFails(signed(v2(new Asset.Vote(List.of()))), "asset.votes");
    assertFails(signed(v2(new Asset.Vote(List.of(vote, vote, vote)))), "asset.votes");
    assertThat(failure(signed(v2(new Asset.Vote(List.of(vote, vote)))))).isNull();
  }

  @Test
  void multiPayments() {
    Asset.Payment one = new Asset.Payment(1, RECIPIENT);
    assertFails(signed(v2(new Asset.MultiPayment(List.of(one)))), "asset.payments");
    assertFails(
        signed(v2(new Asset.MultiPayment(java.util.Collections.nCopies(129, one)))),
        "asset.payments");
    assertFails(
        signed(v2(new Asset.MultiPayment(List.of(one, new Asset.Payment(0, RECIPIENT))))),
        "asset.payments[1].amount");
    assertThat(failure(signed(v2(new Asset.MultiPayment(List.of(one, one)))))).isNull();
  }

  @Test
  void htlc() {
    Bytes hash = Bytes.of(new byte[32]);
    assertFails(
        signed(v2(new Asset.HtlcLock(hash, 3, 10, RECIPIENT)).amount(1)),
        "asset.lock.expiration.type");
    assertFails(signed(v2(new Asset.HtlcClaim(hash, hash)).fee(1)), "fee");
    assertThat(failure(signed(v2(new Asset.HtlcClaim(hash, hash)).fee(0)))).isNull();
    assertFails(signed(v2(new Asset.HtlcRefund(hash)).fee(1)), "fee");
  }

  @Test
  void secondSignatureRegistration() {
    Bytes second = Bytes.of(TestTransactions.SECOND.publicKey());
    Transaction ok = signed(v2(new Asset.SecondSignature(second)));
    assertThat(failure(ok)).isNull();
    assertFails(TransactionSigner.secondSign(ok, TestTransactions.SECOND), "secondSignature");
    byte[] notAPoint = new byte[33];
    notAPoint[0] = 2;
    assertFails(
        signed(v2(new Asset.SecondSignature(Bytes.of(notAPoint)))), "asset.signature.publicKey");
  }

  @Test
  void multiSignatureRegistration() {
    List<PrivateKey> keys = TestTransactions.participants(3);
    List<Bytes> publicKeys = keys.stream().map(k -> Bytes.of(k.publicKey())).toList();
    Transaction unsigned = v2(new Asset.MultiSignature(2, publicKeys)).build();
    Transaction one = TransactionSigner.multiSign(unsigned, keys.get(0), 0);
    assertFails(TransactionSigner.sign(one, TestTransactions.SENDER), "signatures");
    Transaction two = TransactionSigner.multiSign(one, keys.get(1), 1);
    assertThat(failure(TransactionSigner.sign(two, TestTransactions.SENDER))).isNull();
    assertFails(signed(v2(new Asset.MultiSignature(4, publicKeys))), "asset.multiSignature.min");
    assertFails(
        signed(v2(new Asset.MultiSignature(1, List.of(publicKeys.get(0), publicKeys.get(0))))),
        "asset.multiSignature.publicKeys");
  }
}
