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
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET /wallets/{id}}: an address, a public key or a delegate username, as ARK tries them.
 */
final class WalletHandler implements RouteHandler {
  private static final Pattern PUBLIC_KEY = Pattern.compile("[0-9a-fA-F]{66}");

  private final Network network;
  private final ChainQueries queries;
  private final BlockCodec codec;
  private final WalletResource wallets = new WalletResource();

  WalletHandler(Network network, ChainQueries queries) {
    this.network = network;
    this.queries = queries;
    this.codec = new BlockCodec(network);
  }

  @Override
  public ApiResponse handle(ApiRequest request) throws ApiException {
    String id = request.param("id");
    Optional<Wallet> found;
    if (Address.isValid(id, network.pubKeyHash())) {
      found = queries.wallet(id);
    } else if (PUBLIC_KEY.matcher(id).matches()) {
      found = queries.walletByPublicKey(id.toLowerCase(Locale.ROOT));
    } else {
      found = queries.walletByUsername(id);
    }
    Wallet wallet =
        found.orElseThrow(() -> new ApiException(ApiError.notFound("Wallet not found")));
    return ApiResponse.data(wallets.toJson(wallet, lastBlock(wallet)), request.tip());
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
