package com.osmosecollective.node.consensus.chain;

import com.osmosecollective.node.config.NetworkExceptions;
import com.osmosecollective.node.consensus.BlockTimestampLookup;
import com.osmosecollective.node.consensus.BlockTimestampRules;
import com.osmosecollective.node.consensus.ForgingSchedule;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockVerification;
import com.osmosecollective.node.core.block.BlockVerifier;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.state.WalletKeys;
import com.osmosecollective.node.core.state.WalletRepository;
import com.osmosecollective.node.core.tx.Transaction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ARK Core 3.9's block processor decision list (spec §3.4), steps 1–8: whether a verified block may
 * be applied on top of the tip, is a double-forging that needs a rollback, or is discarded.
 * Applying (step 9) is the chain's job.
 */
final class BlockProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(BlockProcessor.class);

  private final ForgingSchedule schedule;
  private final BlockTimestampRules timestamps;
  private final BlockTimestampLookup lookup;
  private final BlockVerifier verifier;
  private final NetworkExceptions exceptions;
  private final boolean hasExceptionBlocks;
  private final Predicate<String> blockStored;

  /**
   * @param exceptions the network's exceptions (step 1)
   * @param blockStored whether a block id is already in the chain
   */
  BlockProcessor(
      ForgingSchedule schedule,
      BlockTimestampRules timestamps,
      BlockTimestampLookup lookup,
      BlockVerifier verifier,
      NetworkExceptions exceptions,
      Predicate<String> blockStored) {
    this.verifier = verifier;
    this.schedule = schedule;
    this.timestamps = timestamps;
    this.lookup = lookup;
    this.exceptions = exceptions;
    this.hasExceptionBlocks =
        !exceptions.blocks().isEmpty() || !exceptions.transactions().isEmpty();
    this.blockStored = blockStored;
  }

  /**
   * @param forgingOrder forging order of the round of a height
   * @param alreadyForged whether a transaction id is already in the chain
   */
  BlockOutcome decide(
      Block block,
      BlockVerification verification,
      Block last,
      LongFunction<List<String>> forgingOrder,
      WalletRepository wallets,
      Predicate<String> alreadyForged) {
    Optional<BlockOutcome> exception = exceptionStep(block, last);
    if (exception.isPresent()) {
      return exception.get();
    }
    if (!verification.verified()) {
      return unverified(verification);
    }
    Optional<BlockOutcome> walletRefusal = walletRefusal(block, verification, wallets);
    if (walletRefusal.isPresent()) {
      return walletRefusal.get();
    }
    return decideVerified(block, last, forgingOrder, wallets, alreadyForged);
  }

  /**
   * Step 1: the outcome of a network exception block (verification does not apply), if it is one.
   */
  Optional<BlockOutcome> exceptionStep(Block block, Block last) {
    if (hasExceptionBlocks
        && exceptions.isBlockException(
            block.id(), block.transactions().stream().map(Transaction::id).toList())) {
      return Optional.of(exceptionBlock(block, last));
    }
    return Optional.empty();
  }

  /** Step 2, the refusal of a block that failed verification. */
  static BlockOutcome unverified(BlockVerification verification) {
    return reject("verification failed: " + String.join("; ", verification.errors()));
  }

  /**
   * The rest of step 2 for a verified block: participant signatures of multi-signature wallets need
   * the wallets (spec §3.1 step 7); the refusal when they fail.
   */
  Optional<BlockOutcome> walletRefusal(
      Block block, BlockVerification verification, WalletRepository wallets) {
    if (verification.containsMultiSignatures()) {
      List<String> errors =
          verifier.verifyWithWallets(
              verification.walletChecks(),
              block.height(),
              tx -> WalletKeys.of(wallets.byPublicKey(tx.senderPublicKey().hex())));
      if (!errors.isEmpty()) {
        return Optional.of(reject("verification failed: " + String.join("; ", errors)));
      }
    }
    return Optional.empty();
  }

  /**
   * Steps 3–8 for a block whose verification passed (or is still running: the chain decides and
   * applies while signatures are checked, then refuses with {@link #unverified} or {@link
   * #walletRefusal} if they fail).
   */
  BlockOutcome decideVerified(
      Block block,
      Block last,
      LongFunction<List<String>> forgingOrder,
      WalletRepository wallets,
      Predicate<String> alreadyForged) {
    List<Transaction> txs = block.transactions();
    if (txs.stream().map(Transaction::version).distinct().count() > 1) {
      return reject("transactions of mixed versions");
    }
    Optional<String> nonceProblem = nonceProblem(txs, wallets);
    if (nonceProblem.isPresent()) {
      return reject(nonceProblem.get());
    }
    String generator = block.header().generatorPublicKeyHex();
    List<String> order = forgingOrder.apply(block.height());
    boolean validGenerator = isValidGenerator(block, generator, order, wallets);
    boolean chained =
        block.previousBlock() != null
            && block.previousBlock().equals(last.id())
            && block.height() == last.height() + 1
            && timestamps.isAfterPreviousSlot(
                last.timestamp(), block.timestamp(), block.height(), lookup);
    if (!chained) {
      return unchained(block, last, validGenerator, generator, order);
    }
    if (!validGenerator) {
      return reject("generator " + generator + " is not the delegate scheduled for this slot");
    }
    for (Transaction tx : txs) {
      if (alreadyForged.test(tx.id())) {
        return BlockOutcome.of(
            BlockStatus.DISCARDED_BUT_CAN_BE_BROADCASTED,
            "transaction " + tx.id() + " is already forged");
      }
    }
    return BlockOutcome.accepted();
  }

  /**
   * Step 1: a network exception block bypasses every other check; it needs only to be new and to
   * follow the tip.
   */
  private BlockOutcome exceptionBlock(Block block, Block last) {
    if (block.height() != last.height() + 1 || blockStored.test(block.id())) {
      return reject(
          "exception block "
              + block.id()
              + " at height "
              + block.height()
              + " is already stored or does not follow the tip "
              + last.height());
    }
    LOG.warn("block {} ({}) forcibly accepted as a network exception", block.height(), block.id());
    return BlockOutcome.accepted();
  }

  private BlockOutcome unchained(
      Block block, Block last, boolean validGenerator, String generator, List<String> order) {
    if (block.height() > last.height() + 1) {
      return reject("block " + block.height() + " is ahead of the tip " + last.height());
    }
    if (block.height() < last.height()) {
      return BlockOutcome.of(
          BlockStatus.DISCARDED_BUT_CAN_BE_BROADCASTED,
          "block " + block.height() + " is below the tip " + last.height());
    }
    if (block.height() == last.height() && block.id().equals(last.id())) {
      return BlockOutcome.of(BlockStatus.DISCARDED, "already have block " + block.id());
    }
    if (block.timestamp() < last.timestamp()) {
      return reject("block is older than the tip");
    }
    if (!validGenerator) {
      return reject("unchained block from a generator not scheduled for its slot");
    }
    if (order.contains(generator)) {
      return BlockOutcome.of(
          BlockStatus.ROLLBACK,
          "double forging by "
              + generator
              + " at height "
              + block.height()
              + " (tip "
              + last.height()
              + " "
              + last.id()
              + ", received "
              + block.id()
              + ")");
    }
    return reject("unchained block from a delegate outside the round");
  }

  private boolean isValidGenerator(
      Block block, String generator, List<String> order, WalletRepository wallets) {
    boolean registered = wallets.byPublicKey(generator).isDelegate();
    if (!registered) {
      return false;
    }
    // ARK lets the check pass when the slot index falls outside the order (logged only).
    return schedule
        .scheduledForger(order, block.timestamp(), block.height(), lookup)
        .map(generator::equals)
        .orElse(true);
  }

  /** v2 nonces of each sender must continue its wallet's nonce without gaps (step 4). */
  private static Optional<String> nonceProblem(List<Transaction> txs, WalletRepository wallets) {
    Map<String, Long> next = new HashMap<>();
    for (Transaction tx : txs) {
      if (tx.version() < 2) {
        continue;
      }
      String sender = Hex.encode(tx.senderPublicKey().toArray());
      long expected = next.computeIfAbsent(sender, key -> wallets.byPublicKey(key).nonce() + 1);
      if (tx.nonce() != expected) {
        return Optional.of(
            "transaction " + tx.id() + " has nonce " + tx.nonce() + ", expected " + expected);
      }
      next.put(sender, expected + 1);
    }
    return Optional.empty();
  }

  private static BlockOutcome reject(String reason) {
    return BlockOutcome.of(BlockStatus.REJECTED, reason);
  }
}
