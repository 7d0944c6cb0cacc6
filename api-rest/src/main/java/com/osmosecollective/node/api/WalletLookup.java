package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.wallet.LastBlock;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainQueries;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a wallet the way ARK's {@code /wallets/{id}} and {@code /delegates/{id}} name it (address,
 * public key or username) and renders wallets with the block their {@code lastBlock} names.
 */
final class WalletLookup {
  private static final Pattern PUBLIC_KEY = Pattern.compile("[0-9a-fA-F]{66}");
  private static final Pattern ADDRESS_SHAPE = Pattern.compile("[0-9A-Za-z]{34}");
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9!@$&_.]{1,20}");

  /**
   * ARK's {@code walletId} schema: a username, a 34-character alphanumeric address or a 66-hex
   * public key; anything else is a 422 before any lookup.
   */
  static void checkShape(String id) throws ApiException {
    if (!USERNAME.matcher(id).matches()
        && !ADDRESS_SHAPE.matcher(id).matches()
        && !PUBLIC_KEY.matcher(id).matches()) {
      throw new ApiException(
          ApiError.unprocessable("\"id\" does not match any of the allowed types"));
    }
  }

  private final Network network;
  private final ChainQueries queries;
  private final BlockCodec codec;
  private final WalletResource wallets = new WalletResource();

  WalletLookup(Network network, ChainQueries queries) {
    this.network = network;
    this.queries = queries;
    this.codec = new BlockCodec(network);
  }

  /**
   * @throws ApiException 404 {@code Wallet not found}
   */
  Wallet find(String id) throws ApiException {
    checkShape(id);
    Optional<Wallet> found;
    if (Address.isValid(id, network.pubKeyHash())) {
      found = queries.wallet(id);
    } else if (PUBLIC_KEY.matcher(id).matches()) {
      found = queries.walletByPublicKey(id.toLowerCase(Locale.ROOT));
    } else {
      found = queries.walletByUsername(id);
    }
    return found.orElseThrow(() -> new ApiException(ApiError.notFound("Wallet not found")));
  }

  /**
   * @throws ApiException 404 {@code Wallet not found}, or {@code Delegate not found} for a wallet
   *     that is not a delegate
   */
  Wallet findDelegate(String id) throws ApiException {
    Wallet wallet = find(id);
    if (!wallet.isDelegate()) {
      throw new ApiException(ApiError.notFound("Delegate not found"));
    }
    return wallet;
  }

  ObjectNode toJson(Wallet wallet) {
    return wallets.toJson(wallet, lastBlock(wallet));
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
