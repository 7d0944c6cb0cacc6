package com.osmosecollective.node.api;

import static com.osmosecollective.node.api.JsonTrees.assertSameTree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockHeader;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.wallet.DelegateAttributes;
import com.osmosecollective.node.core.wallet.LastBlock;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.BlockCommit;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainStore;
import com.osmosecollective.node.storage.StoreOptions;
import com.osmosecollective.node.storage.WalletChange;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real HTTP on 127.0.0.1 against a real RocksDB chain of two committed blocks. */
class ApiHttpServerTest {
  private static final String KEY =
      "03287bfebba4c7881a0509717e71b34b63f31e40021c321f89ae04f84be6d6ac37";
  private static final String ADDRESS = "ANBkoGqWeTSiaEVgVzSKZd3jS7UWzv9PSo";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private final Network testnet = ArkSamples.testnet();
  private final BlockCodec codec = new BlockCodec(testnet);
  private final SampleChain chain = new SampleChain(testnet);
  private final HttpClient client = HttpClient.newHttpClient();
  private ChainStore store;
  private ApiHttpServer server;
  private BlockData first;
  private BlockData second;

  @BeforeEach
  void startOnATwoBlockChain() throws Exception {
    store = ChainStore.open(StoreOptions.defaults(dir), testnet.nethash());
    Block b1 = block(1, null, 305756400);
    Block b2 = block(2, b1.id(), 305756408);
    first = chain.blockData(b1);
    second = chain.blockData(b2);
    DelegateAttributes registered =
        new DelegateAttributes("genesis_1", 500, 0, 0, 0, 0, 1, 1, null, false);
    Wallet delegate =
        new Wallet(ADDRESS, KEY, 500, 1, null, null, registered, KEY, Set.of(), 0, Map.of());
    store.commit(new BlockCommit(first, List.of(), List.of(WalletChange.put(delegate)), null));
    Wallet forged =
        delegate.withDelegate(
            registered.withForged(0, 0, new LastBlock(2, b2.id(), b2.timestamp())));
    store.commit(new BlockCommit(second, List.of(), List.of(WalletChange.put(forged)), null));
    server = TestServices.serve(TestServices.readOnly(testnet, store));
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
  void blockByHeightAndByIdIsTheBlockResource() throws Exception {
    JsonNode expected = new BlockResource(testnet).toJson(second, "genesis_1", 2);

    HttpResponse<String> byHeight = get("/api/blocks/2");
    HttpResponse<String> byId = get("/api/blocks/" + second.id() + "/");

    for (HttpResponse<String> r : List.of(byHeight, byId)) {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("content-type"))
          .hasValue("application/json; charset=utf-8");
      assertThat(r.headers().firstValue("x-block-height")).hasValue("2");
      assertSameTree(JSON.readTree(r.body()).get("data"), expected);
    }
    JsonNode genesis = JSON.readTree(get("/api/blocks/1").body()).get("data");
    assertThat(genesis.get("confirmations").asLong()).isEqualTo(1);
    assertThat(genesis.get("previous").asText()).isEqualTo("0");
  }

  @Test
  void walletByAddressPublicKeyOrUsernameCarriesItsLastBlock() throws Exception {
    Block lastBlock = codec.decode(second.serialized());
    JsonNode expected =
        new WalletResource().toJson(store.queries().wallet(ADDRESS).orElseThrow(), lastBlock);

    for (String id : List.of(ADDRESS, KEY, "genesis_1")) {
      HttpResponse<String> r = get("/api/wallets/" + id);
      assertThat(r.statusCode()).as(id).isEqualTo(200);
      assertSameTree(JSON.readTree(r.body()).get("data"), expected);
    }
    assertThat(expected.at("/attributes/delegate/lastBlock/id").asText()).isEqualTo(second.id());
  }

  @Test
  void rootAnswersArksHelloWorldSoPeersPortProbesFindTheApi() throws Exception {
    HttpResponse<String> root = get("/");
    assertThat(root.statusCode()).isEqualTo(200);
    assertSameTree(JSON.readTree(root.body()), JSON.readTree("{\"data\":\"Hello World!\"}"));
    HttpResponse<String> probe =
        client.send(
            HttpRequest.newBuilder(uri("/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(probe.statusCode()).as("ARK's pingPorts HEADs / and wants 200").isEqualTo(200);
    assertThat(probe.body()).isEmpty();
    HttpResponse<String> post =
        client.send(
            HttpRequest.newBuilder(uri("/"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(404);
  }

  @Test
  void nodeStatusIsAnsweredWithTheTip() throws Exception {
    HttpResponse<String> status = get("/api/node/status");
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.headers().firstValue("x-block-height")).hasValue("2");
    assertThat(JSON.readTree(status.body()).at("/data/now").asLong()).isEqualTo(2);
  }

  @Test
  void errorsAreArksBodies() throws Exception {
    assertError(get("/api/blocks/notfound"), "err_blocks_notfound.json");
    assertError(get("/api/wallets/bad"), "err_wallets_bad.json");
    assertError(get("/api"), "root.json");

    HttpResponse<String> beyondTip = get("/api/blocks/3");
    assertThat(beyondTip.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(beyondTip.body()).get("message").asText())
        .isEqualTo("Block not found");
    HttpResponse<String> post =
        client.send(
            HttpRequest.newBuilder(uri("/api/blocks/1"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).as("a path served for GET only").isEqualTo(405);
    assertThat(JSON.readTree(post.body()).get("error").asText()).isEqualTo("Method Not Allowed");
  }

  private void assertError(HttpResponse<String> response, String sample) throws Exception {
    JsonNode expected = ArkSamples.load(sample);
    assertThat(response.statusCode()).isEqualTo(expected.get("statusCode").asInt());
    assertSameTree(JSON.readTree(response.body()), expected);
  }

  private Block block(long height, String previous, long timestamp) throws Exception {
    BlockHeader header =
        new BlockHeader(
            0,
            timestamp,
            height,
            previous,
            0,
            0,
            0,
            0,
            0,
            Hex.decode("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            Hex.decode(KEY),
            Hex.decode(SyntheticBlocks.SIGNATURE));
    return new Block(header, List.of(), codec.headers().id(header));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
  }
}
