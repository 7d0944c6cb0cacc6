package com.osmosecollective.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ARK core-webhooks' conditions, value by value, and its any-one-satisfies rule. */
class WebhookConditionTest {
  private static JsonNode json(String text) {
    try {
      return Http.JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Optional<Boolean> test(String condition, String value, String data) {
    return new WebhookCondition("k", value == null ? null : json(value), condition)
        .test(json(data));
  }

  @Test
  void numbersCompareAsBigNumbersAndAmountStringsCount() {
    assertThat(test("gt", "\"100000000\"", "{\"k\":\"100000001\"}")).contains(true);
    assertThat(test("gt", "5", "{\"k\":5}")).contains(false);
    assertThat(test("gte", "5", "{\"k\":5}")).contains(true);
    assertThat(test("lt", "5", "{\"k\":\"4.5\"}")).contains(true);
    assertThat(test("lte", "5", "{\"k\":6}")).contains(false);
    // not a number, or missing: false, as BigNumber's NaN compares
    assertThat(test("gt", "5", "{\"k\":\"abc\"}")).contains(false);
    assertThat(test("lt", "5", "{}")).contains(false);
    assertThat(test("gt", "99999999999999999999999", "{\"k\":\"99999999999999999999998\"}"))
        .contains(false);
  }

  @Test
  void betweenIsExclusiveAndNotBetweenItsOpposite() {
    String range = "{\"min\":1,\"max\":10}";
    assertThat(test("between", range, "{\"k\":5}")).contains(true);
    assertThat(test("between", range, "{\"k\":1}")).contains(false);
    assertThat(test("between", range, "{\"k\":10}")).contains(false);
    assertThat(test("not-between", range, "{\"k\":10}")).contains(true);
    assertThat(test("not-between", range, "{\"k\":5}")).contains(false);
  }

  @Test
  void eqComparesJsonAndNeItsOpposite() {
    assertThat(test("eq", "\"AbC\"", "{\"k\":\"AbC\"}")).contains(true);
    assertThat(test("eq", "5", "{\"k\":\"5\"}")).contains(false);
    assertThat(test("eq", "{\"a\":[1,2]}", "{\"k\":{\"a\":[1,2]}}")).contains(true);
    assertThat(test("ne", "\"x\"", "{\"k\":\"y\"}")).contains(true);
    assertThat(test("ne", "\"x\"", "{\"k\":\"x\"}")).contains(false);
  }

  @Test
  void containsWorksOnTextAndArraysAndThrowsOnNothing() {
    assertThat(test("contains", "\"pay\"", "{\"k\":\"payment 42\"}")).contains(true);
    assertThat(test("contains", "\"x\"", "{\"k\":\"payment\"}")).contains(false);
    assertThat(test("contains", "2", "{\"k\":[1,2,3]}")).contains(true);
    assertThat(test("contains", "\"x\"", "{}")).isEmpty();
  }

  @Test
  void truthyAndFalsyReadTrueOrItsText() {
    assertThat(test("truthy", null, "{\"k\":true}")).contains(true);
    assertThat(test("truthy", null, "{\"k\":\" TRUE \"}")).contains(true);
    assertThat(test("truthy", null, "{\"k\":1}")).contains(false);
    assertThat(test("falsy", null, "{\"k\":false}")).contains(true);
    assertThat(test("falsy", null, "{\"k\":\"no\"}")).contains(true);
    assertThat(test("falsy", null, "{\"k\":\"true\"}")).contains(false);
    assertThat(test("truthy", null, "{}")).isEmpty();
  }

  @Test
  void regexpSearchesTheValuesText() {
    assertThat(test("regexp", "\"^inv-[0-9]+$\"", "{\"k\":\"inv-2026\"}")).contains(true);
    assertThat(test("regexp", "\"^inv-[0-9]+$\"", "{\"k\":\"inv-x\"}")).contains(false);
    assertThat(test("regexp", "\"[\"", "{\"k\":\"x\"}")).isEmpty();
  }

  @Test
  void oneSatisfiedConditionLetsTheEventThroughAndAThrowingOneStopsIt() {
    WebhookCondition big = new WebhookCondition("amount", json("1000"), "gt");
    WebhookCondition memo = new WebhookCondition("vendorField", json("\"order\""), "contains");
    Webhook hook =
        new Webhook(
            "id", "transaction.applied", "http://x", "t".repeat(64), true, List.of(big, memo));
    assertThat(hook.accepts(json("{\"amount\":\"5\",\"vendorField\":\"order 7\"}"))).isTrue();
    assertThat(hook.accepts(json("{\"amount\":\"5000\",\"vendorField\":\"gift\"}"))).isTrue();
    assertThat(hook.accepts(json("{\"amount\":\"5\",\"vendorField\":\"gift\"}"))).isFalse();
    // no vendorField: ARK's includes() throws, which withholds the event
    assertThat(hook.accepts(json("{\"amount\":\"5\"}"))).isFalse();
    Webhook all = new Webhook("id", "block.applied", "http://x", "t".repeat(64), true, List.of());
    assertThat(all.accepts(json("{}"))).isTrue();
  }
}
