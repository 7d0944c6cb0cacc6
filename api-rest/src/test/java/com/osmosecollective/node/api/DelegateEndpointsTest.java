package com.osmosecollective.node.api;

import static com.osmosecollective.node.api.JsonTrees.assertSameTree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.wallet.DelegateAttributes;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.ChainStore;
import com.osmosecollective.node.storage.RoundDelegate;
import com.osmosecollective.node.storage.RoundDelegates;
import com.osmosecollective.node.storage.StoreOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /delegates…} and {@code /rounds/{id}/delegates} over real HTTP against a real RocksDB
 * chain of three blocks forged by genesis_1. The genesis block declares ARK testnet's premine and
 * stores ARK's recorded round 1; genesis_1's wallet is the one ARK recorded. Other delegates:
 * genesis_2 (rank 2), "fresh" (registered, never ranked), "quit" (resigned, once rank 3); two plain
 * wallets vote for genesis_1.
 */
class DelegateEndpointsTest {
  private static final long PREMINE = 12_500_000_000_000_000L;
  private static final String KEY_2 =
      "021770413ad01c60b94e1d3ed44c00e0145fe7897e40f5f6265e220f4e65cf427f";
  private static final String KEY_FRESH =
      "02275d8577a0ec2b75fc8683282d53c5db76ebc54514a80c2854e419b793ea259a";
  private static final String KEY_QUIT =
      "02292be0bf30b21cf57d55b20f9092a70dc1d1b71f51a91d2ccb2d2f8d8abe6983";

  @TempDir Path dir;

  private final Network testnet = ArkSamples.testnet();
  private ChainStore store;
  private StoredChain chain;
  private ApiHttpServer server;
  private HttpGet http;
  private Wallet poorVoter;
  private Wallet richVoter;

  @BeforeEach
  void start() throws Exception {
    store = ChainStore.open(StoreOptions.defaults(dir), testnet.nethash());
    chain = new StoredChain(testnet, store);
    Wallet genesis1 =
        delegate(StoredChain.KEY, 244_999_370_000_000L, "genesis_1", 1, false)
            .withVote(StoredChain.KEY);
    poorVoter = voter(3, 5);
    richVoter = voter(4, 9);
    List<Wallet> wallets =
        List.of(
            genesis1,
            delegate(KEY_2, 1_000, "genesis_2", 2, false),
            delegate(KEY_FRESH, 0, "fresh", 0, false),
            delegate(KEY_QUIT, 0, "quit", 3, true),
            poorVoter,
            richVoter);
    chain.commitGenesis(PREMINE, wallets, recordedRoundOne());
    chain.commit(List.of(), List.of());
    chain.commit(List.of(), List.of());
    server = HttpGet.serve(testnet, store);
    http = new HttpGet(server);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (store != null) {
      store.close();
    }
  }

  @Test
  void oneDelegateIsArksAnswerWithTheApprovalOfTheSupply() throws Exception {
    JsonNode expected = ArkSamples.load("delegates_by_username.json");
    for (String id : List.of("genesis_1", StoredChain.ADDRESS, StoredChain.KEY)) {
      assertSameTree(http.ok("/api/delegates/" + id), expected);
    }
  }

  @Test
  void unknownWalletsAndNonDelegatesAreArksErrors() throws Exception {
    http.assertError("/api/delegates/bad", "err_wallets_bad.json");
    assertThat(http.error("/api/delegates/" + poorVoter.address(), 404).get("message").asText())
        .isEqualTo("Delegate not found");
    assertThat(http.error("/api/delegates/nobody/voters", 404).get("message").asText())
        .isEqualTo("Wallet not found");
  }

  @Test
  void listIsByRankThenUnrankedAndResignedByPublicKey() throws Exception {
    JsonNode body = http.ok("/api/delegates");

    assertThat(usernames(body)).containsExactly("genesis_1", "genesis_2", "fresh", "quit");
    assertThat(body.at("/meta/totalCount").asLong()).isEqualTo(4);
    assertThat(body.at("/meta/totalCountIsEstimate").asBoolean()).isFalse();
    assertSameTree(
        body.get("data").get(0), ArkSamples.load("delegates_by_username.json").get("data"));
    assertThat(body.get("data").get(3).has("rank")).as("resigned: rank omitted").isFalse();

    JsonNode page = http.ok("/api/delegates?limit=3");
    assertThat(usernames(page)).containsExactly("genesis_1", "genesis_2", "fresh");
    JsonNode recorded = ArkSamples.load("delegates_limit3.json").get("meta");
    assertThat(page.at("/meta/self").asText()).isEqualTo(recorded.get("self").asText());
    assertThat(page.at("/meta/next").asText()).isEqualTo(recorded.get("next").asText());
    assertThat(usernames(http.ok("/api/delegates?page=2&limit=3"))).containsExactly("quit");
    http.assertError("/api/delegates?limit=1000", "err_blocks_limit_too_big.json");
  }

  @Test
  void votersAreWalletsByBalance() throws Exception {
    JsonNode body = http.ok("/api/delegates/genesis_1/voters");

    List<String> addresses = new ArrayList<>();
    body.get("data").forEach(w -> addresses.add(w.get("address").asText()));
    assertThat(addresses)
        .containsExactly(StoredChain.ADDRESS, richVoter.address(), poorVoter.address());
    assertSameTree(body.at("/data/1"), new WalletResource().toJson(richVoter, null));
    JsonNode recorded = ArkSamples.load("delegates_voters.json");
    assertSameTree(body.at("/data/0"), recorded.at("/data/0"));
    assertThat(body.at("/meta/self").asText()).isEqualTo(recorded.at("/meta/self").asText());
    assertThat(body.at("/meta/totalCount").asLong()).isEqualTo(3);
    assertThat(http.ok("/api/delegates/genesis_2/voters").get("data")).isEmpty();
  }

  /** ARK's in-memory order: the given keys, missing values last, then rank and public key. */
  @Test
  void delegatesSortOnEveryResourcePath() throws Exception {
    assertThat(usernames(http.ok("/api/delegates?orderBy=username:asc")))
        .containsExactly("fresh", "genesis_1", "genesis_2", "quit");
    // votes are big numbers: 244999370000000 > 1000 > 0 (numerically, not as text)
    assertThat(usernames(http.ok("/api/delegates?orderBy=votes:asc")))
        .containsExactly("fresh", "quit", "genesis_2", "genesis_1");
    // the resigned delegate has no rank: last in both directions
    assertThat(usernames(http.ok("/api/delegates?orderBy=rank:desc")))
        .containsExactly("genesis_2", "genesis_1", "fresh", "quit");
    assertThat(usernames(http.ok("/api/delegates?orderBy=isResigned:desc,username:desc")))
        .containsExactly("quit", "genesis_2", "genesis_1", "fresh");
    assertThat(usernames(http.ok("/api/delegates?orderBy=blocks.produced:desc&limit=1")))
        .containsExactly("genesis_1");
    JsonNode filtered = http.ok("/api/delegates?orderBy=username:desc&votes.to=1000");
    assertThat(usernames(filtered)).containsExactly("quit", "genesis_2", "fresh");
    assertThat(filtered.at("/meta/totalCount").asLong()).isEqualTo(3);
    assertThat(http.error("/api/delegates?orderBy=balance:asc", 422).get("message").asText())
        .isEqualTo("Unknown orderBy property 'balance'");
    assertThat(http.error("/api/delegates?orderBy=rank:up", 422).get("message").asText())
        .isEqualTo("Unexpected orderBy direction 'up' for property 'rank'");
  }

  @Test
  void votersTakeWalletFiltersAndOrders() throws Exception {
    List<String> byBalance =
        addresses(http.ok("/api/delegates/genesis_1/voters?orderBy=balance:asc"));
    assertThat(byBalance)
        .containsExactly(poorVoter.address(), richVoter.address(), StoredChain.ADDRESS);
    assertThat(addresses(http.ok("/api/delegates/genesis_1/voters?balance.to=9")))
        .containsExactly(richVoter.address(), poorVoter.address());
    // the voters without a public key sort after the one with it, whatever the direction
    assertThat(addresses(http.ok("/api/delegates/genesis_1/voters?orderBy=publicKey:desc")))
        .startsWith(StoredChain.ADDRESS);
    List<String> wallets = addresses(http.ok("/api/wallets?orderBy=address:asc"));
    assertThat(wallets).isSorted().hasSize(6);
    assertThat(addresses(http.ok("/api/wallets?orderBy=attributes.delegate.voteBalance:desc")))
        .startsWith(StoredChain.ADDRESS);
    assertThat(addresses(http.ok("/api/wallets?orderBy=nonce:desc&limit=1")))
        .containsExactly(StoredChain.ADDRESS);
    assertThat(http.error("/api/wallets?orderBy=votes:asc", 422).get("message").asText())
        .isEqualTo("Unknown orderBy property 'votes'");
  }

  @Test
  void blocksAreTheDelegatesNewestFirst() throws Exception {
    JsonNode body = http.ok("/api/delegates/genesis_1/blocks?limit=2");

    assertThat(body.at("/data/0/height").asLong()).isEqualTo(3);
    assertThat(body.at("/data/1/height").asLong()).isEqualTo(2);
    assertSameTree(
        body.at("/data/0"), new BlockResource(testnet).toJson(chain.block(3), "genesis_1", 3));
    assertThat(body.at("/meta/self").asText())
        .isEqualTo(ArkSamples.load("delegates_blocks.json").at("/meta/self").asText());
    // ARK estimates the total (Postgres); the generator's counted list knows it
    assertThat(body.at("/meta/totalCountIsEstimate").asBoolean()).isFalse();
    assertThat(body.at("/meta/totalCount").asLong()).isEqualTo(3);
    assertThat(body.at("/meta/next").asText())
        .isEqualTo("/delegates/genesis_1/blocks?limit=2&transform=true&page=2");

    JsonNode last = http.ok("/api/delegates/genesis_1/blocks?limit=2&page=2");
    assertThat(last.at("/data/0/height").asLong()).isEqualTo(1);
    assertThat(last.at("/meta/totalCount").asLong()).isEqualTo(3);
    assertThat(last.at("/meta/totalCountIsEstimate").asBoolean()).isFalse();
    assertThat(http.ok("/api/delegates/genesis_2/blocks").get("data")).isEmpty();
  }

  @Test
  void roundDelegatesAreArksRecordedRound() throws Exception {
    assertSameTree(http.ok("/api/rounds/1/delegates"), ArkSamples.load("rounds_1_delegates.json"));
    assertThat(http.error("/api/rounds/2/delegates", 404).get("message").asText())
        .isEqualTo("Round not found");
    assertThat(http.error("/api/rounds/0/delegates", 422).get("message").asText())
        .isEqualTo("\"id\" must be greater than or equal to 1");
    assertThat(http.error("/api/rounds/x/delegates", 422).get("message").asText())
        .isEqualTo("\"id\" must be a number");
  }

  private static RoundDelegates recordedRoundOne() {
    List<RoundDelegate> delegates = new ArrayList<>();
    for (JsonNode d : ArkSamples.load("rounds_1_delegates.json").get("data")) {
      delegates.add(
          new RoundDelegate(d.get("publicKey").asText(), Long.parseLong(d.get("votes").asText())));
    }
    return new RoundDelegates(1, delegates);
  }

  private Wallet delegate(String key, long votes, String username, int rank, boolean resigned)
      throws Exception {
    String address = Address.fromPublicKey(Hex.decode(key), testnet.pubKeyHash());
    DelegateAttributes d =
        new DelegateAttributes(username, votes, 0, 0, 0, 0, rank, rank > 0 ? 1 : 0, null, resigned);
    long balance = key.equals(StoredChain.KEY) ? votes : 0;
    long nonce = key.equals(StoredChain.KEY) ? 4 : 1;
    return new Wallet(address, key, balance, nonce, null, null, d, null, Set.of(), 0, Map.of());
  }

  /** A wallet without a known public key voting for genesis_1. */
  private Wallet voter(int seed, long balance) {
    byte[] payload = new byte[21];
    payload[0] = (byte) testnet.pubKeyHash();
    payload[20] = (byte) seed;
    String address = Address.fromPayload(payload);
    return new Wallet(
        address, null, balance, 0, null, null, null, StoredChain.KEY, Set.of(), 0, Map.of());
  }

  private static List<String> addresses(JsonNode body) {
    List<String> out = new ArrayList<>();
    body.get("data").forEach(w -> out.add(w.get("address").asText()));
    return out;
  }

  private static List<String> usernames(JsonNode body) {
    List<String> out = new ArrayList<>();
    body.get("data").forEach(d -> out.add(d.get("username").asText()));
    return out;
  }
}
