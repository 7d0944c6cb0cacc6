package com.osmosecollective.node.genesis.spec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.osmosecollective.node.genesis.spec.GenesisSpec.Allocation;
import com.osmosecollective.node.genesis.spec.GenesisSpec.BlockLimits;
import com.osmosecollective.node.genesis.spec.GenesisSpec.Delegates;
import com.osmosecollective.node.genesis.spec.GenesisSpec.Identity;
import com.osmosecollective.node.genesis.spec.GenesisSpec.RewardStep;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a genesis spec from YAML and checks it: unknown keys are refused (a misspelt key must not
 * silently fall back to a default), amounts are coins with at most 8 decimals, the premine
 * distribution adds up exactly, the reward table starts at height 1 and climbs.
 */
public final class GenesisSpecReader {
  /** A spec is a page of text; anything larger is not one. */
  private static final long MAX_SPEC_BYTES = 1024 * 1024;

  private static final int MAX_DELEGATES = 1000;
  private static final String USERNAME = "[a-z0-9!@$&_.]{1,20}";
  private static final String NAME = "[a-z0-9][a-z0-9._-]{0,31}";

  private final YAMLMapper yaml =
      YAMLMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  public GenesisSpec read(Path file) throws SpecException {
    try {
      if (!Files.isRegularFile(file)) {
        throw new SpecException("no such spec file: " + file);
      }
      if (Files.size(file) > MAX_SPEC_BYTES) {
        throw new SpecException(file + " is larger than 1 MiB: not a genesis spec");
      }
      return parse(Files.readString(file));
    } catch (SpecException e) {
      throw new SpecException(file + ": " + e.getMessage());
    } catch (IOException e) {
      throw new SpecException("cannot read " + file + ": " + e.getMessage());
    }
  }

  public GenesisSpec parse(String text) throws SpecException {
    JsonNode root;
    try {
      root = yaml.readTree(text);
    } catch (JacksonException e) {
      throw new SpecException("not valid YAML: " + e.getOriginalMessage());
    }
    if (root == null || root.isMissingNode()) {
      throw new SpecException("the spec is empty");
    }
    SpecNode spec =
        new SpecNode(root, "")
            .onlyKeys(
                Set.of(
                    "seed",
                    "network",
                    "epoch",
                    "blocktime",
                    "delegates",
                    "premine",
                    "rewards",
                    "fees",
                    "block"));
    String seed = spec.has("seed") ? spec.child("seed").text() : null;
    if (seed != null && seed.isBlank()) {
      throw spec.child("seed").error("must not be blank (leave it out to give one separately)");
    }
    Delegates delegates = delegates(spec.required("delegates"));
    long premine =
        spec.required("premine")
            .onlyKeys(Set.of("total", "distribution"))
            .required("total")
            .coins();
    if (premine <= 0) {
      throw spec.child("premine").child("total").error("must be more than 0");
    }
    return new GenesisSpec(
        seed,
        identity(spec.required("network")),
        spec.required("epoch").instant(),
        (int) spec.required("blocktime").integer(3, 3600),
        delegates,
        premine,
        distribution(spec.child("premine").required("distribution"), premine, delegates),
        rewards(spec.required("rewards")),
        fees(spec.required("fees")),
        block(spec));
  }

  private static Identity identity(SpecNode network) throws SpecException {
    network.onlyKeys(
        Set.of("name", "token", "symbol", "pubKeyHash", "wif", "messagePrefix", "explorer"));
    return new Identity(
        network
            .required("name")
            .text(
                NAME, "must be 1-32 characters of a-z, 0-9, '.', '_', '-' (it names directories)"),
        network.required("token").text(".{1,32}", "must be 1-32 characters"),
        network.required("symbol").text(".{1,8}", "must be 1-8 characters"),
        (int) network.required("pubKeyHash").integer(0, 255),
        (int) network.required("wif").integer(0, 255),
        network.has("messagePrefix")
            ? network.child("messagePrefix").text()
            : network.child("token").text() + " message:\n",
        network.has("explorer") ? network.child("explorer").text() : "");
  }

  private static Delegates delegates(SpecNode node) throws SpecException {
    node.onlyKeys(Set.of("count", "usernamePrefix", "balance", "selfVote"));
    int count = (int) node.required("count").integer(1, MAX_DELEGATES);
    String prefix = node.has("usernamePrefix") ? node.child("usernamePrefix").text() : "genesis_";
    String longest = prefix + count;
    if (!longest.matches(USERNAME)) {
      throw node.child("usernamePrefix")
          .error(
              "'" + longest + "' is no delegate username (1-20 characters of a-z, 0-9 and !@$&_.)");
    }
    long balance = node.has("balance") ? node.child("balance").coins() : 0;
    boolean selfVote = node.has("selfVote") && node.child("selfVote").bool();
    if (selfVote && balance == 0) {
      throw node.child("selfVote").error("a self-vote weighs nothing without a delegate balance");
    }
    return new Delegates(count, prefix, balance, selfVote);
  }

  /**
   * Resolves every entry to an amount: {@code percent} of the total (exact to the arktoshi), {@code
   * amount} in coins, or {@code rest: true} (at most one) for what the others and the delegates'
   * balances leave. Without a rest entry the entries must add up to the total.
   */
  private static List<Allocation> distribution(SpecNode node, long premine, Delegates delegates)
      throws SpecException {
    List<SpecNode> entries = node.list();
    if (entries.isEmpty()) {
      throw node.error("needs at least one wallet");
    }
    long delegateShare;
    try {
      delegateShare = Math.multiplyExact(delegates.balance(), (long) delegates.count());
    } catch (ArithmeticException e) {
      throw node.error("the delegates' balances overflow");
    }
    if (delegateShare > premine) {
      throw node.error("the delegates' balances exceed the premine total");
    }
    long assigned = delegateShare;
    int restIndex = -1;
    Set<String> names = new HashSet<>();
    List<Allocation> out = new ArrayList<>();
    for (SpecNode entry : entries) {
      entry.onlyKeys(Set.of("name", "percent", "amount", "rest"));
      String name = entry.required("name").text(NAME, "must be 1-32 characters of a-z, 0-9, ._-");
      if (!names.add(name)) {
        throw entry.child("name").error("'" + name + "' appears twice");
      }
      int kinds =
          (entry.has("percent") ? 1 : 0)
              + (entry.has("amount") ? 1 : 0)
              + (entry.has("rest") ? 1 : 0);
      if (kinds != 1) {
        throw entry.error("give exactly one of percent, amount or rest: true");
      }
      if (entry.has("rest")) {
        if (!entry.child("rest").bool()) {
          throw entry.child("rest").error("can only be true");
        }
        if (restIndex >= 0) {
          throw entry.child("rest").error("only one wallet can take the rest");
        }
        restIndex = out.size();
        out.add(new Allocation(name, 0, null));
        continue;
      }
      BigDecimal percent = entry.has("percent") ? entry.child("percent").decimal() : null;
      long amount = entry.has("amount") ? entry.child("amount").coins() : share(entry, premine);
      if (amount <= 0) {
        throw entry.error("gives nothing");
      }
      if (amount > premine - assigned) {
        throw entry.error("the distribution exceeds the premine total");
      }
      assigned += amount;
      out.add(new Allocation(name, amount, percent));
    }
    long left = premine - assigned;
    if (restIndex >= 0) {
      if (left <= 0) {
        throw entries.get(restIndex).error("nothing is left for the rest");
      }
      out.set(restIndex, new Allocation(out.get(restIndex).name(), left, null));
    } else if (left != 0) {
      throw node.error(
          "adds up to "
              + BigDecimal.valueOf(assigned, 8).toPlainString()
              + " coins"
              + (delegateShare > 0 ? " with the delegates' balances" : "")
              + ", not the premine total "
              + BigDecimal.valueOf(premine, 8).toPlainString()
              + " (give one wallet rest: true to take what is left)");
    }
    return out;
  }

  private static long share(SpecNode entry, long premine) throws SpecException {
    SpecNode node = entry.child("percent");
    BigDecimal percent = node.decimal();
    if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw node.error("must be more than 0 and at most 100");
    }
    BigDecimal exact =
        BigDecimal.valueOf(premine).multiply(percent).divide(BigDecimal.valueOf(100));
    try {
      return exact.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    } catch (ArithmeticException e) {
      throw node.error(
          percent.toPlainString() + " % of the premine is not a whole number of arktoshi");
    }
  }

  private static List<RewardStep> rewards(SpecNode node) throws SpecException {
    List<RewardStep> out = new ArrayList<>();
    for (SpecNode entry : node.list()) {
      entry.onlyKeys(Set.of("height", "reward"));
      long height = entry.required("height").integer(1, Long.MAX_VALUE);
      long reward = entry.required("reward").coins();
      if (out.isEmpty() && height != 1) {
        throw entry.child("height").error("the first reward starts at height 1");
      }
      if (!out.isEmpty() && height <= out.get(out.size() - 1).height()) {
        throw entry.child("height").error("heights must climb");
      }
      out.add(new RewardStep(height, reward));
    }
    if (out.isEmpty()) {
      throw node.error("needs at least the reward from height 1");
    }
    return out;
  }

  private static Map<String, Long> fees(SpecNode node) throws SpecException {
    node.onlyKeys(Set.copyOf(GenesisSpec.FEE_NAMES));
    Map<String, Long> out = new HashMap<>();
    for (String name : GenesisSpec.FEE_NAMES) {
      out.put(name, node.required(name).coins());
    }
    return out;
  }

  private static BlockLimits block(SpecNode spec) throws SpecException {
    if (!spec.has("block")) {
      return new BlockLimits(150, 6_300_000);
    }
    SpecNode block = spec.child("block").onlyKeys(Set.of("maxTransactions", "maxPayload"));
    return new BlockLimits(
        block.has("maxTransactions")
            ? (int) block.child("maxTransactions").integer(1, 100_000)
            : 150,
        block.has("maxPayload")
            ? block.child("maxPayload").integer(1, 64L * 1024 * 1024)
            : 6_300_000);
  }
}
