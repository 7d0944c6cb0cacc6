package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.tx.TransactionType;

/**
 * {@code GET /transactions/types} ({@code {"1": {"Transfer": 0, …}}}) and {@code GET
 * /transactions/fees} ({@code {"1": {"transfer": "10000000", …}}}, the static fees of the milestone
 * at the tip): the types active at the tip, by type group.
 */
final class TransactionTypesHandler implements RouteHandler {
  private final Network network;
  private final boolean fees;

  private TransactionTypesHandler(Network network, boolean fees) {
    this.network = network;
    this.fees = fees;
  }

  static TransactionTypesHandler types(Network network) {
    return new TransactionTypesHandler(network, false);
  }

  static TransactionTypesHandler fees(Network network) {
    return new TransactionTypesHandler(network, true);
  }

  @Override
  public ApiResponse handle(ApiRequest request) {
    var milestone = network.milestones().at(Math.max(1, request.tip()));
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    ObjectNode group = data.putObject(Integer.toString(TransactionType.CORE_TYPE_GROUP));
    for (TransactionType type : ActiveTransactionTypes.at(milestone)) {
      if (fees) {
        long fee = milestone.staticFee(type.feeKey(), type.defaultStaticFee());
        group.put(type.feeKey(), Long.toString(fee));
      } else {
        group.put(ActiveTransactionTypes.typeName(type), type.code());
      }
    }
    return ApiResponse.data(data, request.tip());
  }
}
