package com.osmosecollective.node.genesis.spec;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.crypto.Wif;
import com.osmosecollective.node.genesis.GenesisAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * Writes a network made from a spec into a new directory: {@code network.json} (the definition with
 * its genesis block, loadable with {@code --network DIR/network.json}), {@code delegates.secrets}
 * (every delegate's passphrase, the forger's secrets-file format) and {@code accounts.json} (the
 * seed and every genesis account with address, public key, WIF and passphrase). The two secret
 * files are created readable by their owner only, before any byte is written. Output bytes depend
 * only on the spec and its seed.
 */
public final class NetworkFiles {
  public static final String NETWORK = "network.json";
  public static final String DELEGATE_SECRETS = "delegates.secrets";
  public static final String ACCOUNTS = "accounts.json";

  private static final ObjectWriter JSON_OUT =
      new ObjectMapper()
          .writer(
              new DefaultPrettyPrinter()
                  .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                  .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private NetworkFiles() {}

  /** The definition as written to {@code network.json}. */
  public static byte[] networkBytes(ObjectNode definition) {
    return json(definition);
  }

  /** Writes the three files; {@code out} must not exist yet or be empty. */
  public static void write(SpecNetwork.Created created, Path out) throws IOException {
    if (Files.exists(out)) {
      if (!Files.isDirectory(out)) {
        throw new IOException(out + " exists and is not a directory");
      }
      try (Stream<Path> entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new IOException(
              out + " is not empty: genesis create writes only into a new or empty directory");
        }
      }
    }
    Files.createDirectories(out);
    Files.write(
        out.resolve(NETWORK), networkBytes(created.definition()), StandardOpenOption.CREATE_NEW);
    writeSecret(out.resolve(DELEGATE_SECRETS), delegateSecrets(created));
    writeSecret(out.resolve(ACCOUNTS), json(accounts(created)));
  }

  static byte[] delegateSecrets(SpecNetwork.Created created) {
    Network network = created.network();
    StringBuilder text = new StringBuilder();
    text.append("# Forger secrets of the ")
        .append(network.name())
        .append(" genesis delegates: osmose start --forge --secrets <this file>.\n")
        .append("# One passphrase per line; keep this file readable by its owner only.\n");
    for (GenesisAccount delegate : created.plan().delegates()) {
      text.append("# ")
          .append(delegate.username())
          .append(' ')
          .append(delegate.address(network.pubKeyHash()))
          .append('\n')
          .append(delegate.passphrase())
          .append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  static ObjectNode accounts(SpecNetwork.Created created) {
    Network network = created.network();
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("network", network.name());
    root.put("nethash", network.nethash());
    root.put("seed", created.spec().seed());
    root.set("genesis", account(network, "genesis", created.plan().premineSender()));
    ArrayNode wallets = root.putArray("wallets");
    for (SpecNetwork.Named wallet : created.wallets()) {
      wallets.add(account(network, wallet.name(), wallet.account()));
    }
    ArrayNode delegates = root.putArray("delegates");
    for (GenesisAccount delegate : created.plan().delegates()) {
      delegates.add(account(network, delegate.username(), delegate));
    }
    return root;
  }

  private static ObjectNode account(Network network, String name, GenesisAccount account) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("name", name);
    node.put("address", account.address(network.pubKeyHash()));
    node.put("publicKey", account.publicKey());
    node.put("balance", Long.toString(account.amount()));
    node.put("wif", Wif.encode(account.key(), network.wif()));
    node.put("passphrase", account.passphrase());
    return node;
  }

  private static void writeSecret(Path file, byte[] content) throws IOException {
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.write(file, content, StandardOpenOption.TRUNCATE_EXISTING);
  }

  private static byte[] json(JsonNode node) {
    try {
      return (JSON_OUT.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
