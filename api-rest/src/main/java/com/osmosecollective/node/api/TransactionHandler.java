package com.osmosecollective.node.api;

import com.osmosecollective.node.storage.ChainQueries;
import com.osmosecollective.node.storage.StoredTransaction;
import java.util.Locale;
import java.util.regex.Pattern;

/** {@code GET /transactions/{id}}: one committed transaction joined with its block. */
final class TransactionHandler implements RouteHandler {
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]*");

  private final ChainQueries queries;
  private final TransactionResource transactions;
  private final RawJson raw;
  private final boolean withBlock;

  TransactionHandler(ChainQueries queries, TransactionResource transactions, RawJson raw) {
    this(queries, transactions, raw, true);
  }

  /**
   * @param withBlock ARK's transaction joined with its block (confirmations, the block's
   *     timestamp); else its plain resource, as {@code /votes/{id}} answers
   */
  TransactionHandler(
      ChainQueries queries, TransactionResource transactions, RawJson raw, boolean withBlock) {
    this.queries = queries;
    this.transactions = transactions;
    this.raw = raw;
    this.withBlock = withBlock;
  }

  @Override
  public ApiResponse handle(ApiRequest request) throws ApiException {
    String id = request.param("id");
    // Joi's rules in ARK's order: hex(), then length(64)
    if (!HEX.matcher(id).matches()) {
      throw new ApiException(
          ApiError.unprocessable("\"id\" must only contain hexadecimal characters"));
    }
    if (id.length() != 64) {
      throw new ApiException(ApiError.unprocessable("\"id\" length must be 64 characters long"));
    }
    boolean transform = Transform.value(request, true);
    ApiException notFound = new ApiException(ApiError.notFound("Transaction not found"));
    // ARK compares ids as stored (lowercase) in Postgres: an upper-case spelling finds nothing
    if (!id.equals(id.toLowerCase(Locale.ROOT))) {
      throw notFound;
    }
    StoredTransaction stored = queries.transaction(id).orElseThrow(() -> notFound);
    return ApiResponse.data(
        !transform
            ? raw.transaction(stored)
            : withBlock
                ? transactions.toJson(stored, request.tip())
                : transactions.toJsonWithoutBlock(stored),
        request.tip());
  }
}
