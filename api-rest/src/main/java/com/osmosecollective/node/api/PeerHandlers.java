package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.consensus.network.NetworkView;
import com.osmosecollective.node.consensus.network.PeerSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code /peers} and {@code /peers/{ip}}: the verified peers the P2P layer reports (none without
 * P2P; never an invented one).
 */
final class PeerHandlers {
  static final QueryKeys KEYS = QueryKeys.paged("orderBy", "version", "ip");

  private final NetworkView network;
  private final PaginationValidator validator;

  PeerHandlers(NetworkView network, PaginationValidator validator) {
    this.network = network;
    this.validator = validator;
  }

  static ObjectNode toJson(PeerSummary p) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("ip", p.ip());
    o.put("port", p.port());
    ObjectNode ports = o.putObject("ports");
    p.ports().forEach(ports::put);
    o.put("version", p.version());
    o.put("height", p.height());
    o.put("latency", p.latencyMillis());
    ObjectNode plugins = o.putObject("plugins");
    p.plugins()
        .forEach(
            (name, plugin) -> {
              ObjectNode q = plugins.putObject(name);
              q.put("enabled", plugin.enabled());
              q.put("port", plugin.port());
              if (plugin.estimateTotalCount() != null) {
                q.put("estimateTotalCount", plugin.estimateTotalCount());
              }
            });
    return o;
  }

  ApiResponse list(ApiRequest request) throws ApiException {
    Paging paging = new Paging(validator, "/peers", Map.of());
    Pagination pagination = paging.validate(request);
    Comparator<PeerSummary> order = order(request.queryValue("orderBy"));
    List<PeerSummary> peers = new ArrayList<>(network.peers());
    String version = request.queryValue("version");
    if (version != null) {
      SemverRange range =
          SemverRange.parse(version)
              .orElseThrow(() -> new ApiException(ApiError.notFound("Peers not found")));
      peers.removeIf(p -> !range.test(p.version()));
    }
    peers.sort(order);
    ArrayNode data = JsonNodeFactory.instance.arrayNode();
    long end = Math.min(peers.size(), pagination.offset() + pagination.limit());
    for (long i = pagination.offset(); i < end; i++) {
      data.add(toJson(peers.get((int) i)));
    }
    return ApiResponse.page(
        paging.meta(request, pagination, data.size(), peers.size(), false), data, request.tip());
  }

  ApiResponse one(ApiRequest request) throws ApiException {
    String ip = request.param("ip");
    return network.peers().stream()
        .filter(p -> p.ip().equals(ip))
        .findFirst()
        .map(p -> ApiResponse.data(toJson(p), request.tip()))
        .orElseThrow(() -> new ApiException(ApiError.notFound("Peer not found")));
  }

  private static Comparator<PeerSummary> order(String orderBy) throws ApiException {
    if (orderBy == null || orderBy.isEmpty()) {
      return Comparator.comparingLong(PeerSummary::latencyMillis);
    }
    String[] pv = orderBy.split(":", -1);
    Comparator<PeerSummary> c =
        switch (pv[0]) {
          case "latency" -> Comparator.comparingLong(PeerSummary::latencyMillis);
          case "height" -> Comparator.comparingLong(PeerSummary::height);
          case "version" ->
              Comparator.comparing(PeerSummary::version, SemverRange::compareVersions);
          default ->
              throw new ApiException(
                  ApiError.unprocessable("\"orderBy\" must be one of [latency, height, version]"));
        };
    String dir = pv.length > 1 ? pv[1] : "asc";
    if (!dir.equals("asc") && !dir.equals("desc")) {
      throw new ApiException(ApiError.unprocessable("\"orderBy\" has an invalid direction"));
    }
    return dir.equals("desc") ? c.reversed() : c;
  }
}
