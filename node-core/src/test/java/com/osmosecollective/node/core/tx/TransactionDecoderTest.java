package com.osmosecollective.node.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.osmosecollective.node.core.encoding.ByteWriter;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionDecoderTest {
  private static final TxContext V2 = RandomTransactions.V2;

  @Test
  void decodesASliceOfALargerBuffer() throws DecodeException {
    Transaction tx = TestTransactions.transfer();
    byte[] bytes = tx.serialized();
    byte[] buffer = new byte[bytes.length + 10];
    System.arraycopy(bytes, 0, buffer, 7, bytes.length);
    assertThat(TransactionDecoder.decode(buffer, 7, bytes.length, V2)).isEqualTo(tx);
    assertThatThrownBy(() -> TransactionDecoder.decode(buffer, 7, buffer.length, V2))
        .isInstanceOf(DecodeException.class);
  }

  @Test
  void aNonCanonicalVoteFlagGetsTheIdOfTheCanonicalForm() throws DecodeException {
    Transaction vote =
        TestTransactions.signed(
            TestTransactions.v2(
                new Asset.Vote(List.of(new Asset.VoteEntry(true, TestTransactions.SENDER_KEY)))));
    byte[] bytes = vote.serialized();
    int flagOffset = 59 + 1; // header + vendorField length byte, then the vote count
    assertThat(bytes[flagOffset]).isEqualTo((byte) 1);
    bytes[flagOffset] = 0x21; // ARK reads the low hex digit only: still "+"
    Transaction decoded = TransactionDecoder.decode(bytes, V2);
    assertThat(decoded).isEqualTo(vote);
    assertThat(decoded.id()).isEqualTo(vote.id());
  }

  @Test
  void aVendorFieldOnATypeWithoutOneIsSkipped() throws DecodeException {
    Transaction resignation =
        TestTransactions.signed(TestTransactions.v2(new Asset.DelegateResignation()));
    byte[] canonical = resignation.serialized();
    ByteWriter w = new ByteWriter();
    w.bytes(canonical, 0, 58).u8(3).bytes(new byte[] {'a', 'b', 'c'});
    w.bytes(canonical, 59, canonical.length - 59);
    Transaction decoded = TransactionDecoder.decode(w.toByteArray(), V2);
    assertThat(decoded).isEqualTo(resignation);
    assertThat(decoded.id()).isEqualTo(resignation.id());
  }

  @Test
  void boundsAreEnforced() {
    // 17 participant signatures
    Transaction transfer = TestTransactions.transfer();
    byte[] body = TransactionSerializer.serialize(transfer, SignatureSelection.FOR_PARTICIPANTS);
    ByteWriter w = new ByteWriter();
    w.bytes(body);
    for (int i = 0; i < 17; i++) {
      byte[] entry = new byte[65];
      entry[0] = (byte) i;
      w.bytes(entry);
    }
    assertThatThrownBy(() -> TransactionDecoder.decode(w.toByteArray(), V2))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("too many multi-signatures");

    // a payment count larger than the milestone's limit, before anything is allocated
    Transaction payments =
        TestTransactions.signed(
            TestTransactions.v2(
                new Asset.MultiPayment(
                    List.of(
                        new Asset.Payment(1, TestTransactions.RECIPIENT),
                        new Asset.Payment(1, TestTransactions.RECIPIENT)))));
    byte[] bytes = payments.serialized();
    bytes[59] = (byte) 0xff;
    bytes[60] = (byte) 0xff;
    assertThatThrownBy(() -> TransactionDecoder.decode(bytes, V2))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("multiPaymentLimit");
  }

  @Test
  void version2EcdsaWithALegacyMultiSignatureBlockIsRefused() throws DecodeException {
    Transaction ecdsa =
        TransactionSigner.sign(
            TestTransactions.transfer().toBuilder().signature(null).build(),
            TestTransactions.SENDER,
            TransactionSigner.Scheme.ECDSA);
    byte[] bytes = Arrays.copyOf(ecdsa.serialized(), ecdsa.serializedLength() + 3);
    bytes[bytes.length - 3] = (byte) 0xff;
    assertThatThrownBy(() -> TransactionDecoder.decode(bytes, V2))
        .isInstanceOf(DecodeException.class);
    // version 1 keeps ARK 3's single concatenated blob
    Transaction v1 =
        TransactionSigner.sign(
                TestTransactions.v1(new Asset.Transfer(0, TestTransactions.RECIPIENT))
                    .amount(1)
                    .build(),
                TestTransactions.SENDER)
            .toBuilder()
            .signatures(List.of(Bytes.of(new byte[] {1, 2, 3})))
            .build();
    assertThat(TransactionDecoder.decode(v1.serialized(), RandomTransactions.V1)).isEqualTo(v1);
  }

  @Test
  void versionMustMatchTheMilestone() {
    byte[] v2 = TestTransactions.transfer().serialized();
    assertThatThrownBy(() -> TransactionDecoder.decode(v2, RandomTransactions.V1))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("version 2");
  }
}
