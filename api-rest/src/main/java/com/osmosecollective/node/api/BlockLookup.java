package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainQueries;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a block the way ARK's {@code /blocks/{idOrHeight}} routes name it, and renders stored
 * blocks with their generator's username.
 */
final class BlockLookup {
  private static final Pattern LEGACY_BLOCK_ID = Pattern.compile("[0-9]{1,20}");
  private static final Pattern HEX_BLOCK_ID = Pattern.compile("[0-9a-fA-F]{64}");

  /** Blocks rendered lately (a page of 100 and then some; about 1.5 KB each). */
  static final int RENDERED = 2_000;

  private final ChainQueries queries;
  private final BlockResource resource;
  private final RenderCache rendered = new RenderCache(RENDERED);

  BlockLookup(Network network, ChainQueries queries) {
    this.queries = queries;
    this.resource = new BlockResource(network);
  }

  /**
   * ARK's rule: a number up to the tip is a height, anything else of an id's shape is an id.
   *
   * @throws ApiException 422 when the text has neither shape, 404 when no such block is stored
   */
  BlockData find(String idOrHeight, long tip) throws ApiException {
    checkShape(idOrHeight);
    Optional<BlockData> found;
    if (LEGACY_BLOCK_ID.matcher(idOrHeight).matches()) {
      long height = idOrHeight.length() <= 18 ? Long.parseLong(idOrHeight) : Long.MAX_VALUE;
      found = height >= 1 && height <= tip ? queries.block(height) : queries.blockById(idOrHeight);
    } else {
      found = queries.blockById(idOrHeight.toLowerCase(Locale.ROOT));
    }
    return found.orElseThrow(BlockLookup::notFound);
  }

  /**
   * The path parameter's validation, which Hapi runs before the query's.
   *
   * @throws ApiException 422 when the text is neither a height nor a block id
   */
  static void checkShape(String idOrHeight) throws ApiException {
    if (!LEGACY_BLOCK_ID.matcher(idOrHeight).matches()
        && !HEX_BLOCK_ID.matcher(idOrHeight).matches()) {
      throw new ApiException(
          ApiError.unprocessable("\"id\" does not match any of the allowed types"));
    }
  }

  /** The block at {@code height}, which must be stored (1..tip). */
  BlockData at(long height) throws ApiException {
    return queries.block(height).orElseThrow(BlockLookup::notFound);
  }

  ObjectNode toJson(BlockData block, long tip) {
    return confirmed(
        rendered.get(
            block.id(),
            () -> resource.toJson(block, generatorUsername(block.generatorPublicKey()), tip)),
        block,
        tip);
  }

  /**
   * As {@link #toJson(BlockData, long)}, looking each generator's username up once per {@code
   * usernames} (a list's blocks share a few dozen generators).
   */
  ObjectNode toJson(BlockData block, long tip, Map<String, Optional<String>> usernames) {
    return confirmed(
        rendered.get(
            block.id(),
            () -> {
              String username =
                  usernames
                      .computeIfAbsent(
                          block.generatorPublicKey(),
                          key -> Optional.ofNullable(generatorUsername(key)))
                      .orElse(null);
              return resource.toJson(block, username, tip);
            }),
        block,
        tip);
  }

  /**
   * A block's rendering is fixed by its id (a generator's username never changes once registered)
   * except for its confirmations, set here against {@code tip}.
   */
  private static ObjectNode confirmed(ObjectNode rendered, BlockData block, long tip) {
    rendered.put("confirmations", Math.max(0, tip - block.height()));
    return rendered;
  }

  private String generatorUsername(String publicKey) {
    return queries
        .walletByPublicKey(publicKey)
        .filter(Wallet::isDelegate)
        .map(w -> w.delegate().username())
        .orElse(null);
  }

  static ApiException notFound() {
    return new ApiException(ApiError.notFound("Block not found"));
  }
}
