package com.osmosecollective.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkExceptionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TX_A = "a".repeat(64);
  private static final String TX_B = "b".repeat(64);
  private static final String FULL_BLOCK = "c".repeat(64);

  private static NetworkExceptions parse(String json) throws Exception {
    return NetworkExceptions.parse(JSON.readTree(json));
  }

  @Test
  void readsEveryArkKeyAndIgnoresUnknownOnes() throws Exception {
    NetworkExceptions e =
        parse(
            """
            {"blocks": ["5139199631254983076", "%s"],
             "transactions": ["%s"],
             "blocksTransactions": {"5139199631254983076": ["%s", "%s"]},
             "outlookTable": {"123": "456"},
             "transactionIdFixTable": {"%s": "%s"},
             "wrongTransactionOrder": {"789": ["%s", "%s"]},
             "negativeBalances": {"03aa": {"1": "-200000000", "2": -5}},
             "somethingNew": {"x": 1}}
            """
                .formatted(FULL_BLOCK, TX_A, TX_A, TX_B, TX_A, TX_B, TX_B, TX_A));
    assertThat(e.blocks()).containsExactlyInAnyOrder("5139199631254983076", FULL_BLOCK);
    assertThat(e.transactions()).containsExactly(TX_A);
    assertThat(e.blocksTransactions()).containsEntry("5139199631254983076", List.of(TX_A, TX_B));
    assertThat(e.outlookTable()).isEqualTo(Map.of("123", "456"));
    assertThat(e.transactionIdFixTable()).isEqualTo(Map.of(TX_A, TX_B));
    assertThat(e.wrongTransactionOrder()).containsEntry("789", List.of(TX_B, TX_A));
    assertThat(e.negativeBalances())
        .isEqualTo(Map.of("03aa", Map.of("1", "-200000000", "2", "-5")));
    assertThat(e.isEmpty()).isFalse();
  }

  @Test
  void arkIsExceptionRules() throws Exception {
    NetworkExceptions e =
        parse(
            """
            {"blocks": ["111", "%s", "222"], "transactions": ["%s"],
             "blocksTransactions": {"111": ["%s", "%s"]}}
            """
                .formatted(FULL_BLOCK, TX_A, TX_A, TX_B));
    assertThat(e.isTransactionException(TX_A)).isTrue();
    assertThat(e.isTransactionException(TX_B)).isFalse();
    // ARK checks one set of block and transaction ids
    assertThat(e.isTransactionException(FULL_BLOCK)).isTrue();
    assertThat(e.isBlockException(FULL_BLOCK, List.of(TX_B))).isTrue();
    assertThat(e.isBlockException(TX_A, List.of())).isTrue();
    // a legacy id counts only with exactly the listed transactions, in any order
    assertThat(e.isBlockException("111", List.of(TX_B, TX_A))).isTrue();
    assertThat(e.isBlockException("111", List.of(TX_A))).isFalse();
    assertThat(e.isBlockException("111", List.of(TX_A, TX_A))).isFalse();
    assertThat(e.isBlockException("222", List.of())).isFalse();
    assertThat(e.isBlockException("333", List.of())).isFalse();
    assertThat(e.isBlockException(null, List.of())).isFalse();
  }

  @Test
  void outlookTableRemapsBlockIds() throws Exception {
    NetworkExceptions e = parse("{\"outlookTable\": {\"123\": \"456\"}}");
    assertThat(e.blockId("123")).isEqualTo("456");
    assertThat(e.blockId("124")).isEqualTo("124");
  }

  @Test
  void absentEmptyOrNullMeanNone() throws Exception {
    assertThat(NetworkExceptions.parse(null)).isEqualTo(NetworkExceptions.none());
    assertThat(parse("null")).isEqualTo(NetworkExceptions.none());
    assertThat(parse("{}").isEmpty()).isTrue();
    assertThat(parse("{\"blocks\": null, \"outlookTable\": null}").isEmpty()).isTrue();
  }

  @Test
  void badShapesAreRefusedWithTheKey() {
    assertRefused("[]", "'exceptions' must be an object");
    assertRefused("{\"blocks\": \"123\"}", "exceptions.blocks must be a list");
    assertRefused("{\"transactions\": [1]}", "exceptions.transactions must hold");
    assertRefused("{\"transactions\": [\"\"]}", "exceptions.transactions must hold");
    assertRefused("{\"blocksTransactions\": [\"1\"]}", "exceptions.blocksTransactions must be");
    assertRefused(
        "{\"blocksTransactions\": {\"1\": \"x\"}}", "exceptions.blocksTransactions.1 must be");
    assertRefused("{\"outlookTable\": {\"1\": 2}}", "exceptions.outlookTable.1 must hold");
    assertRefused("{\"negativeBalances\": {\"03\": 5}}", "exceptions.negativeBalances.03 must");
    assertRefused(
        "{\"negativeBalances\": {\"03\": {\"1\": \"lots\"}}}",
        "exceptions.negativeBalances.03.1 must be an integer");
  }

  @Test
  void idsMustHaveTheShapeOfTheirKind() throws Exception {
    assertRefused("{\"transactions\": [\"123\"]}", "'123' is not a transaction id");
    assertRefused("{\"transactions\": [\"" + "A".repeat(64) + "\"]}", "is not a transaction id");
    assertRefused("{\"blocks\": [\"12x\"]}", "exceptions.blocks: '12x' is not a block id");
    assertRefused("{\"blocks\": [\"18446744073709551616\"]}", "is not a block id");
    assertRefused("{\"outlookTable\": {\"1\": \"z\"}}", "exceptions.outlookTable.1: 'z'");
    assertRefused("{\"outlookTable\": {\"-1\": \"2\"}}", "exceptions.outlookTable: '-1'");
    assertRefused(
        "{\"blocksTransactions\": {\"5\": [\"5\"]}}",
        "exceptions.blocksTransactions.5: '5' is not a transaction id");
    assertRefused(
        "{\"transactionIdFixTable\": {\"" + TX_A + "\": \"12\"}}", "is not a transaction id");
    assertThat(parse("{\"blocks\": [\"18446744073709551615\", \"" + TX_A + "\"]}").blocks())
        .hasSize(2);
  }

  @Test
  void theLoaderKeepsTheTypedExceptions() throws Exception {
    ObjectNode root =
        (ObjectNode)
            JSON.readTree(
                """
                {"network": {"name": "t", "pubKeyHash": 30, "wif": 170, "nethash": ""},
                 "milestones": [{"height": 1, "blocktime": 8, "activeDelegates": 51,
                                 "epoch": "2017-03-21T13:00:00.000Z"}],
                 "exceptions": {"transactions": ["%s"]}}
                """
                    .formatted(TX_A));
    NetworkLoader loader = new NetworkLoader();
    assertThat(loader.fromJson(root, null).exceptions().isTransactionException(TX_A)).isTrue();
    root.remove("exceptions");
    assertThat(loader.fromJson(root, null).exceptions()).isEqualTo(NetworkExceptions.none());
    root.set("exceptions", JSON.readTree("{\"blocks\": 5}"));
    assertThatThrownBy(() -> loader.fromJson(root, null))
        .isInstanceOf(NetworkConfigException.class)
        .hasMessageContaining("exceptions.blocks");
    assertThat(loader.load("osmose-2018").exceptions().isEmpty()).isTrue();
  }

  private static void assertRefused(String json, String message) {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOf(NetworkConfigException.class)
        .hasMessageContaining(message);
  }
}
