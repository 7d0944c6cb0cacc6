package com.osmosecollective.node.funding.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.PrivateKey;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ProposalValidatorTest {
  static final int DEVNET = 30;
  static final ObjectMapper JSON = new ObjectMapper();

  static String address(String name, int pubKeyHash) {
    return Address.fromPublicKey(PrivateKey.fromPassphrase(name).publicKey(), pubKeyHash);
  }

  /** The white paper's example: 80 % voters, 10 % development, 8 % event hall, 2 % management. */
  static ObjectNode whitePaperExample() {
    ObjectNode root = JSON.createObjectNode();
    root.put("title", "Salle d'événements coopérative");
    root.put("description", "Nous finançons le développement et la salle.");
    root.putArray("missions").addObject().put("name", "Développement").put("url", "https://x");
    ArrayNode split = root.putArray("split");
    split.addObject().put("name", "voters").put("voters", true).put("percent", 80);
    split
        .addObject()
        .put("name", "development")
        .put("address", address("dev", DEVNET))
        .put("percent", 10);
    split
        .addObject()
        .put("name", "event hall rental")
        .put("address", address("hall", DEVNET))
        .put("percent", 8);
    split
        .addObject()
        .put("name", "management")
        .put("address", address("management", DEVNET))
        .put("percent", 2);
    root.putObject("payoutPeriod").put("days", 7);
    root.put("minimumPayout", "10000000");
    return root;
  }

  private final ProposalValidator validator = new ProposalValidator(DEVNET);

  private Proposal validate(ObjectNode doc) throws Exception {
    return validator.validate(JSON.writeValueAsBytes(doc));
  }

  private void assertRefused(Consumer<ObjectNode> change, String field, String messagePart) {
    ObjectNode doc = whitePaperExample();
    change.accept(doc);
    assertThatThrownBy(() -> validate(doc))
        .isInstanceOfSatisfying(
            InvalidProposalException.class,
            e ->
                assertThat(e.errors())
                    .as("errors %s", e.errors())
                    .anySatisfy(
                        err -> {
                          assertThat(err.field()).isEqualTo(field);
                          assertThat(err.message()).contains(messagePart);
                        }));
  }

  @Test
  void theWhitePaperExampleIsAValidProposal() throws Exception {
    Proposal p = validate(whitePaperExample());
    assertThat(p.votersBasisPoints()).isEqualTo(8000);
    assertThat(p.split())
        .extracting(Proposal.Share::basisPoints)
        .containsExactly(8000, 1000, 800, 200);
    assertThat(p.split().get(1).address()).isEqualTo(address("dev", DEVNET));
    assertThat(p.payoutPeriod()).isEqualTo(new Proposal.PayoutPeriod(0, 7));
    assertThat(p.minimumPayout()).isEqualTo(10_000_000L);
    assertThat(p.missions()).hasSize(1);
  }

  @Test
  void percentagesWithTwoDecimalsSumExactly() throws Exception {
    ObjectNode doc = whitePaperExample();
    ((ObjectNode) doc.get("split").get(0)).put("percent", 79.99);
    ((ObjectNode) doc.get("split").get(3)).put("percent", 2.01);
    assertThat(validate(doc).split())
        .extracting(Proposal.Share::basisPoints)
        .containsExactly(7999, 1000, 800, 201);
  }

  @Test
  void aSumOtherThanExactlyHundredNamesTheSplit() {
    assertRefused(
        d -> ((ObjectNode) d.get("split").get(3)).put("percent", 1.99), "split", "sum to 99.99");
    assertRefused(d -> ((ObjectNode) d.get("split").get(0)).put("percent", 81), "split", "101");
  }

  @Test
  void anAddressOfAnotherNetworkNamesItsField() {
    assertRefused(
        d -> ((ObjectNode) d.get("split").get(2)).put("address", address("hall", 23)),
        "split[2].address",
        "not a valid address");
  }

  @Test
  void twoVotersSharesOrNoneAreRefused() {
    assertRefused(
        d -> {
          ObjectNode hall = (ObjectNode) d.get("split").get(2);
          hall.remove("address");
          hall.put("voters", true);
        },
        "split",
        "exactly one voters' share");
    assertRefused(
        d -> {
          ObjectNode voters = (ObjectNode) d.get("split").get(0);
          voters.remove("voters");
          voters.put("address", address("someone", DEVNET));
        },
        "split",
        "found 0");
  }

  @Test
  void theSameAddressTwiceIsRefused() {
    assertRefused(
        d -> ((ObjectNode) d.get("split").get(3)).put("address", address("dev", DEVNET)),
        "split[3].address",
        "appears twice");
  }

  @Test
  void schemaErrorsNameTheirField() {
    assertRefused(d -> d.remove("title"), "title", "title");
    assertRefused(d -> d.put("colour", "blue"), "colour", "colour");
    assertRefused(
        d -> ((ObjectNode) d.get("split").get(1)).put("percent", 0.001),
        "split[1].percent",
        "0.01");
    assertRefused(d -> d.put("minimumPayout", "-1"), "minimumPayout", "");
    assertRefused(d -> d.putObject("payoutPeriod").put("weeks", 1), "payoutPeriod.weeks", "");
    assertRefused(d -> ((ObjectNode) d.get("split").get(1)).put("voters", true), "split[1]", "");
  }

  @Test
  void oversizedDuplicateKeyAndNonJsonDocumentsAreRefusedBeforeTheSchema() {
    byte[] big = new byte[ProposalValidator.MAX_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    assertThatThrownBy(() -> validator.validate(big)).hasMessageContaining("exceeds 65536");
    assertThatThrownBy(
            () ->
                validator.validate(
                    "{\"title\":\"a\",\"title\":\"b\"}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("Duplicate field 'title'");
    assertThatThrownBy(() -> validator.validate("{".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("not JSON");
  }
}
