package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockHeader;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainQueries;
import com.osmosecollective.node.storage.Page;
import com.osmosecollective.node.storage.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Block lists ({@code /blocks}, {@code /delegates/{id}/blocks}) with ARK's block filters (spec §8.2
 * footnote 1). Heights are dense, so a height range or a page of the whole chain is a direct read
 * whatever the page number; a generator's blocks come from its index; the other filters are checked
 * on the candidates, at most {@link TransactionLists#SCAN_BUDGET} per request.
 */
final class BlockLists {
  static final QueryKeys KEYS =
      new QueryKeys(
          Set.of(
              "page",
              "limit",
              "offset",
              "orderBy",
              "transform",
              "id",
              "version",
              "previousBlock",
              "payloadHash",
              "generatorPublicKey",
              "blockSignature",
              "timestamp",
              "timestamp.from",
              "timestamp.to",
              "height",
              "height.from",
              "height.to",
              "numberOfTransactions",
              "numberOfTransactions.from",
              "numberOfTransactions.to",
              "totalAmount",
              "totalAmount.from",
              "totalAmount.to",
              "totalFee",
              "totalFee.from",
              "totalFee.to",
              "reward",
              "reward.from",
              "reward.to",
              "payloadLength",
              "payloadLength.from",
              "payloadLength.to"),
          Set.of(),
          Set.of());

  private static final int STORAGE_PAGE = 100;

  private final ChainQueries queries;
  private final BlockLookup blocks;
  private final BlockCodec codec;
  private final PaginationValidator validator;

  BlockLists(Network network, ChainQueries queries, BlockLookup blocks, PaginationValidator v) {
    this.queries = queries;
    this.blocks = blocks;
    this.codec = new BlockCodec(network);
    this.validator = v;
  }

  /** The filters of one request. */
  record Criteria(
      String id,
      Range version,
      String previousBlock,
      String payloadHash,
      String generatorPublicKey,
      String blockSignature,
      Range timestamp,
      Range height,
      Range numberOfTransactions,
      Range totalAmount,
      Range totalFee,
      Range reward,
      Range payloadLength) {

    static Criteria parse(Map<String, String> q) throws ApiException {
      return new Criteria(
          q.get("id"),
          Range.parse(q, "version"),
          q.get("previousBlock"),
          q.get("payloadHash"),
          q.get("generatorPublicKey"),
          q.get("blockSignature"),
          Range.parse(q, "timestamp"),
          Range.parse(q, "height"),
          Range.parse(q, "numberOfTransactions"),
          Range.parse(q, "totalAmount"),
          Range.parse(q, "totalFee"),
          Range.parse(q, "reward"),
          Range.parse(q, "payloadLength"));
    }

    boolean needsHeader() {
      return version != null
          || payloadHash != null
          || blockSignature != null
          || payloadLength != null;
    }

    /** Whether nothing beyond the height range (and the generator, when indexed) is asked. */
    boolean onlyHeightAndGenerator() {
      return id == null
          && version == null
          && previousBlock == null
          && payloadHash == null
          && blockSignature == null
          && timestamp == null
          && numberOfTransactions == null
          && totalAmount == null
          && totalFee == null
          && reward == null
          && payloadLength == null;
    }

    boolean test(BlockData b, BlockHeader h) {
      return (id == null || id.equals(b.id()))
          && (previousBlock == null || previousBlock.equals(b.previousId()))
          && (generatorPublicKey == null || generatorPublicKey.equals(b.generatorPublicKey()))
          && (timestamp == null || timestamp.contains(b.timestamp()))
          && (height == null || height.contains(b.height()))
          && (numberOfTransactions == null || numberOfTransactions.contains(b.transactionCount()))
          && (totalAmount == null || totalAmount.contains(b.totalAmount()))
          && (totalFee == null || totalFee.contains(b.totalFee()))
          && (reward == null || reward.contains(b.reward()))
          && (h == null
              || ((version == null || version.contains(h.version()))
                  && (payloadHash == null || payloadHash.equals(Hex.encode(h.payloadHash())))
                  && (blockSignature == null
                      || blockSignature.equals(Hex.encode(h.blockSignature())))
                  && (payloadLength == null || payloadLength.contains(h.payloadLength()))));
    }
  }

  /**
   * @param linkPath path of the {@code meta} links
   * @param generator the route's generator public key (a delegate's blocks), or null for all
   */
  ApiResponse answer(ApiRequest request, String linkPath, String generator) throws ApiException {
    return answer(request, linkPath, generator, 0);
  }

  /**
   * @param producedBlocks the delegate's produced-block count, the estimate of its list's total
   */
  ApiResponse answer(ApiRequest request, String linkPath, String generator, long producedBlocks)
      throws ApiException {
    Paging paging = new Paging(validator, linkPath, Map.of("transform", "true"));
    Pagination pagination = paging.validate(request);
    Transform.requireTrue(request);
    boolean oldestFirst = oldestFirst(request.queryValue("orderBy"));
    Criteria c = Criteria.parse(request.query());
    long tip = request.tip();
    String gen = generator != null ? generator : c.generatorPublicKey();
    if (generator != null && c.generatorPublicKey() != null && !generator.equals(gen)) {
      gen = null;
    }
    ArrayNode data = JsonNodeFactory.instance.arrayNode();
    if (c.id() != null) {
      // an id names at most one block: no scan
      Optional<BlockData> b =
          c.id().length() <= 64 ? queries.blockById(c.id()) : Optional.<BlockData>empty();
      b.filter(x -> c.test(x, header(x)))
          .filter(x -> generator == null || generator.equals(x.generatorPublicKey()))
          .filter(x -> pagination.offset() == 0)
          .ifPresent(x -> data.add(blocks.toJson(x, tip)));
      long total = b.isPresent() && c.test(b.get(), header(b.get())) ? 1 : 0;
      return ApiResponse.page(
          paging.meta(request, pagination, data.size(), total, false), data, tip);
    }
    Range heights = c.height() == null ? new Range(1, tip) : c.height();
    long low = Math.max(1, heights.from());
    long high = Math.min(tip, heights.to());
    if (gen == null && c.onlyHeightAndGenerator()) {
      long total = Math.max(0, high - low + 1);
      if (pagination.offset() < total) {
        long first = oldestFirst ? low + pagination.offset() : high - pagination.offset();
        long last =
            oldestFirst
                ? Math.min(high, first + pagination.limit() - 1)
                : Math.max(low, first - pagination.limit() + 1);
        List<BlockData> range = queries.blocks(Math.min(first, last), Math.max(first, last));
        for (int i = 0; i < range.size(); i++) {
          data.add(blocks.toJson(range.get(oldestFirst ? i : range.size() - 1 - i), tip));
        }
      }
      return ApiResponse.page(
          paging.meta(request, pagination, data.size(), total, false), data, tip);
    }
    if (gen != null && c.onlyHeightAndGenerator() && c.height() == null) {
      // a delegate's blocks: one page of its generator index, whatever the page number
      boolean more = false;
      if (!Paging.beyondStorage(pagination)) {
        Page<Long> produced =
            queries.blocksByGenerator(
                gen, new PageRequest((int) pagination.offset(), pagination.limit(), oldestFirst));
        for (long height : produced.items()) {
          data.add(blocks.toJson(blocks.at(height), tip));
        }
        more = produced.hasMore();
      }
      return ApiResponse.page(
          paging.metaOfScan(request, pagination, data.size(), more, producedBlocks), data, tip);
    }
    return scan(request, paging, pagination, c, gen, low, high, oldestFirst, data);
  }

  private ApiResponse scan(
      ApiRequest request,
      Paging paging,
      Pagination pagination,
      Criteria c,
      String generator,
      long low,
      long high,
      boolean oldestFirst,
      ArrayNode data)
      throws ApiException {
    long tip = request.tip();
    long matched = 0;
    long examined = 0;
    long end = pagination.offset() + pagination.limit();
    boolean exhausted = false;
    int offset = 0;
    long next = oldestFirst ? low : high;
    while (true) {
      List<BlockData> page;
      boolean more;
      if (generator != null) {
        Page<Long> heights =
            queries.blocksByGenerator(
                generator, new PageRequest(offset, STORAGE_PAGE, oldestFirst));
        offset += heights.items().size();
        more = heights.hasMore();
        page =
            heights.items().stream()
                .filter(h -> h >= low && h <= high)
                .map(h -> queries.block(h).orElseThrow())
                .toList();
      } else {
        long a = oldestFirst ? next : Math.max(low, next - STORAGE_PAGE + 1);
        long b = oldestFirst ? Math.min(high, next + STORAGE_PAGE - 1) : next;
        page = a <= b ? queries.blocks(a, b) : List.of();
        if (!oldestFirst) {
          page = new java.util.ArrayList<>(page);
          java.util.Collections.reverse(page);
        }
        next = oldestFirst ? b + 1 : a - 1;
        more = oldestFirst ? next <= high : next >= low;
      }
      for (BlockData b : page) {
        examined++;
        if (c.test(b, c.needsHeader() ? header(b) : null)) {
          if (matched >= pagination.offset() && matched < end) {
            data.add(blocks.toJson(b, tip));
          }
          matched++;
        }
      }
      if (!more) {
        exhausted = true;
        break;
      }
      if (matched > end || examined >= TransactionLists.SCAN_BUDGET) {
        break;
      }
    }
    if (!exhausted && matched < end) {
      throw new ApiException(
          ApiError.unprocessable(
              "the filters examine more than "
                  + TransactionLists.SCAN_BUDGET
                  + " blocks: add a height range or a generatorPublicKey"));
    }
    return ApiResponse.page(
        paging.meta(request, pagination, data.size(), matched, !exhausted), data, tip);
  }

  private BlockHeader header(BlockData b) {
    try {
      return codec.decodeHeader(b.serialized());
    } catch (DecodeException e) {
      throw new IllegalStateException("stored block " + b.id() + " does not decode", e);
    }
  }

  static boolean oldestFirst(String orderBy) throws ApiException {
    if (orderBy == null || orderBy.isEmpty()) {
      return false;
    }
    String[] pv = orderBy.split(",", -1)[0].split(":", -1);
    if (!(pv[0].equals("height") || pv[0].equals("timestamp"))) {
      throw new ApiException(
          ApiError.unprocessable(
              "\"orderBy\" " + pv[0] + " is not supported by this node (height, timestamp)"));
    }
    String dir = pv.length > 1 ? pv[1] : "asc";
    if (!dir.equals("asc") && !dir.equals("desc")) {
      throw new ApiException(ApiError.unprocessable("\"orderBy\" has an invalid direction"));
    }
    return dir.equals("asc");
  }
}
