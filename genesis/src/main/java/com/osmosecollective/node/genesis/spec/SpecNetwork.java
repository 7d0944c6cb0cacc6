package com.osmosecollective.node.genesis.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkConfigException;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.genesis.GenesisAccount;
import com.osmosecollective.node.genesis.GenesisBuilder;
import com.osmosecollective.node.genesis.GenesisPlan;
import com.osmosecollective.node.genesis.spec.GenesisSpec.Allocation;
import com.osmosecollective.node.genesis.spec.GenesisSpec.RewardStep;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link GenesisSpec} into a network definition in ARK 3's crypto.json shape (what {@link
 * NetworkLoader} reads) and, with a seed, into a complete network with its signed genesis block.
 */
public final class SpecNetwork {
  /** ARK's epoch notation, milliseconds included. */
  private static final DateTimeFormatter EPOCH =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private SpecNetwork() {}

  /** A network made from a spec: its definition with the genesis block, and the accounts. */
  public record Created(
      GenesisSpec spec, ObjectNode definition, Network network, GenesisPlan plan) {
    /** The premine wallets with the spec's names, in genesis order. */
    public List<Named> wallets() {
      List<Named> out = new ArrayList<>();
      for (int i = 0; i < plan.funded().size(); i++) {
        out.add(new Named(spec.distribution().get(i).name(), plan.funded().get(i)));
      }
      return out;
    }
  }

  /** A genesis account and the name the spec gave it. */
  public record Named(String name, GenesisAccount account) {}

  /** The network definition without a genesis block (nethash empty): rules and economics only. */
  public static ObjectNode definition(GenesisSpec spec) {
    ObjectNode root = JSON.objectNode();
    GenesisSpec.Identity id = spec.network();
    ObjectNode network = root.putObject("network");
    network.put("name", id.name());
    network.put("messagePrefix", id.messagePrefix());
    ObjectNode bip32 = network.putObject("bip32");
    bip32.put("public", 46090600);
    bip32.put("private", 46089520);
    network.put("pubKeyHash", id.pubKeyHash());
    network.put("nethash", "");
    network.put("wif", id.wif());
    network.put("slip44", 1);
    network.put("aip20", 0);
    network.put("premine", Long.toString(spec.premine()));
    ObjectNode client = network.putObject("client");
    client.put("token", id.token());
    client.put("symbol", id.symbol());
    client.put("explorer", id.explorer());

    ArrayNode milestones = root.putArray("milestones");
    List<RewardStep> rewards = spec.rewards();
    ObjectNode first = milestones.addObject();
    first.put("height", 1);
    first.put("reward", rewards.get(0).reward());
    first.put("activeDelegates", spec.delegates().count());
    first.put("blocktime", spec.blocktime());
    first.put("epoch", EPOCH.format(spec.epoch()));
    ObjectNode block = first.putObject("block");
    block.put("version", 0);
    block.put("maxTransactions", spec.block().maxTransactions());
    block.put("maxPayload", spec.block().maxPayload());
    block.put("idFullSha256", true);
    first.put("aip11", true);
    first.put("htlcEnabled", true);
    first.put("aip37", true);
    first.put("vendorFieldLength", 255);
    first.put("multiPaymentLimit", 64);
    ObjectNode fees = first.putObject("fees").putObject("staticFees");
    for (String name : GenesisSpec.FEE_NAMES) {
      fees.put(name, spec.fees().get(name));
    }
    for (RewardStep step : rewards.subList(1, rewards.size())) {
      ObjectNode milestone = milestones.addObject();
      milestone.put("height", step.height());
      milestone.put("reward", step.reward());
    }
    root.putObject("exceptions");
    return root;
  }

  /** The spec's network without a genesis block, as the node loads it. */
  public static Network rules(GenesisSpec spec) throws NetworkConfigException {
    return new NetworkLoader().fromJson(definition(spec), null);
  }

  /** The genesis accounts, every passphrase derived from the spec's seed. */
  public static GenesisPlan plan(GenesisSpec spec) {
    if (spec.seed() == null) {
      throw new IllegalArgumentException("the spec has no seed to derive the genesis keys from");
    }
    SeedKeys keys = new SeedKeys(spec.seed());
    List<GenesisAccount> wallets = new ArrayList<>();
    for (Allocation allocation : spec.distribution()) {
      wallets.add(
          new GenesisAccount(
              keys.passphrase("wallet/" + allocation.name()), null, allocation.amount()));
    }
    List<GenesisAccount> delegates = new ArrayList<>();
    GenesisSpec.Delegates spec1 = spec.delegates();
    for (int n = 1; n <= spec1.count(); n++) {
      delegates.add(
          new GenesisAccount(
              keys.passphrase("delegate/" + n), spec1.usernamePrefix() + n, spec1.balance()));
    }
    return new GenesisPlan(
        new GenesisAccount(keys.passphrase("genesis"), null, 0),
        wallets,
        delegates,
        spec1.selfVote());
  }

  /** The complete network: definition, signed genesis block, nethash = its payloadHash. */
  public static Created create(GenesisSpec spec) throws NetworkConfigException, DecodeException {
    ObjectNode root = definition(spec);
    GenesisPlan plan = plan(spec);
    Network network = GenesisBuilder.writeInto(root, plan);
    if (network.genesisBlock().path("totalAmount").asLong() != spec.premine()) {
      throw new IllegalStateException("the genesis block does not transfer the whole premine");
    }
    return new Created(spec, root, network, plan);
  }
}
