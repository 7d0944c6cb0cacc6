package com.osmosecollective.node.api;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.wallet.LastBlock;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainQueries;
import com.osmosecollective.node.storage.ChainTip;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The read endpoints served so far, {@code GET /api/blocks/{idOrHeight}} and {@code GET
 * /api/wallets/{id}}, answered from committed data. Transport-free: the HTTP layer hands it the
 * decoded path.
 */
public final class ReadApi {
  private static final Pattern LEGACY_BLOCK_ID = Pattern.compile("[0-9]{1,20}");
  private static final Pattern HEX_BLOCK_ID = Pattern.compile("[0-9a-fA-F]{64}");
  private static final Pattern PUBLIC_KEY = Pattern.compile("[0-9a-fA-F]{66}");

  private final Network network;
  private final ChainQueries queries;
  private final BlockCodec codec;
  private final BlockResource blocks;
  private final WalletResource wallets = new WalletResource();

  public ReadApi(Network network, ChainQueries queries) {
    this.network = network;
    this.queries = queries;
    this.codec = new BlockCodec(network);
    this.blocks = new BlockResource(network);
  }

  /**
   * @param path the request path without its query, trailing slash removed
   */
  public ApiResponse get(String path) {
    long tip = queries.tip().map(ChainTip::height).orElse(0L);
    String[] parts = path.split("/", -1);
    if (parts.length == 4 && parts[0].isEmpty() && parts[1].equals("api")) {
      if (parts[2].equals("blocks")) {
        return block(parts[3], tip);
      }
      if (parts[2].equals("wallets")) {
        return wallet(parts[3], tip);
      }
    }
    return ApiResponse.error(ApiError.notFound("Not Found"), tip);
  }

  /** ARK's rule: a number up to the tip is a height, anything else of an id's shape is an id. */
  private ApiResponse block(String idOrHeight, long tip) {
    Optional<BlockData> found;
    if (LEGACY_BLOCK_ID.matcher(idOrHeight).matches()) {
      long height = idOrHeight.length() <= 18 ? Long.parseLong(idOrHeight) : Long.MAX_VALUE;
      found = height >= 1 && height <= tip ? queries.block(height) : queries.blockById(idOrHeight);
    } else if (HEX_BLOCK_ID.matcher(idOrHeight).matches()) {
      found = queries.blockById(idOrHeight.toLowerCase(java.util.Locale.ROOT));
    } else {
      return ApiResponse.error(
          ApiError.unprocessable("\"id\" does not match any of the allowed types"), tip);
    }
    if (found.isEmpty()) {
      return ApiResponse.error(ApiError.notFound("Block not found"), tip);
    }
    BlockData block = found.get();
    String username =
        queries
            .walletByPublicKey(block.generatorPublicKey())
            .filter(Wallet::isDelegate)
            .map(w -> w.delegate().username())
            .orElse(null);
    return ApiResponse.data(blocks.toJson(block, username, tip), tip);
  }

  /** An address, a public key or a delegate username, as ARK tries them. */
  private ApiResponse wallet(String id, long tip) {
    Optional<Wallet> found;
    if (Address.isValid(id, network.pubKeyHash())) {
      found = queries.wallet(id);
    } else if (PUBLIC_KEY.matcher(id).matches()) {
      found = queries.walletByPublicKey(id.toLowerCase(java.util.Locale.ROOT));
    } else {
      found = queries.walletByUsername(id);
    }
    if (found.isEmpty()) {
      return ApiResponse.error(ApiError.notFound("Wallet not found"), tip);
    }
    Wallet wallet = found.get();
    return ApiResponse.data(wallets.toJson(wallet, lastBlock(wallet)), tip);
  }

  private Block lastBlock(Wallet wallet) {
    if (!wallet.isDelegate() || wallet.delegate().lastBlock() == null) {
      return null;
    }
    LastBlock last = wallet.delegate().lastBlock();
    BlockData data =
        queries
            .block(last.height())
            .orElseThrow(
                () -> new IllegalStateException("last block " + last.id() + " is not stored"));
    try {
      return codec.decode(data.serialized());
    } catch (DecodeException e) {
      throw new IllegalStateException("stored block " + data.id() + " does not decode", e);
    }
  }
}
