package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockHeader;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainQueries;
import com.osmosecollective.node.storage.Page;
import com.osmosecollective.node.storage.PageRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;

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
  private final RawJson raw;

  BlockLists(Network network, ChainQueries queries, BlockLookup blocks, PaginationValidator v) {
    this.queries = queries;
    this.blocks = blocks;
    this.codec = new BlockCodec(network);
    this.validator = v;
    this.raw = new RawJson(network);
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
    boolean transform = Transform.value(request, true);
    List<Sort> sorts = BlockOrder.ORDER.parse(request.queryValue("orderBy"));
    Criteria c = Criteria.parse(request.query());
    long tip = request.tip();
    Map<String, Optional<String>> usernames = new java.util.HashMap<>();
    Function<BlockData, ObjectNode> render =
        transform ? b -> blocks.toJson(b, tip, usernames) : raw::block;
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
          .ifPresent(x -> data.add(render.apply(x)));
      long total = b.isPresent() && c.test(b.get(), header(b.get())) ? 1 : 0;
      return ApiResponse.page(
          paging.meta(request, pagination, data.size(), total, false), data, tip);
    }
    Range heights = c.height() == null ? new Range(1, tip) : c.height();
    long low = Math.max(1, heights.from());
    long high = Math.min(tip, heights.to());
    Boolean chainOrder = BlockOrder.chainOrder(sorts);
    if (chainOrder == null) {
      return sorted(request, paging, pagination, c, gen, low, high, sorts, render);
    }
    boolean oldestFirst = chainOrder;
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
          data.add(render.apply(range.get(oldestFirst ? i : range.size() - 1 - i)));
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
          data.add(render.apply(blocks.at(height)));
        }
        more = produced.hasMore();
        if (produced.total() >= 0) {
          return ApiResponse.page(
              paging.meta(request, pagination, data.size(), produced.total(), false), data, tip);
        }
      }
      return ApiResponse.page(
          paging.metaOfScan(request, pagination, data.size(), more, producedBlocks), data, tip);
    }
    long matched = 0;
    long end = pagination.offset() + pagination.limit();
    Candidates candidates = new Candidates(gen, low, high, oldestFirst);
    for (BlockData b = candidates.next(); b != null; b = candidates.next()) {
      if (c.test(b, c.needsHeader() ? header(b) : null)) {
        if (matched >= pagination.offset() && matched < end) {
          data.add(render.apply(b));
        }
        matched++;
        if (matched > end) {
          break;
        }
      }
    }
    boolean exhausted = !candidates.hasMore();
    if (!exhausted && matched < end) {
      throw overBudget("the filters examine");
    }
    return ApiResponse.page(
        paging.meta(request, pagination, data.size(), matched, !exhausted), data, tip);
  }

  /** An order other than the chain's: the best {@code offset + limit} of every candidate. */
  private ApiResponse sorted(
      ApiRequest request,
      Paging paging,
      Pagination pagination,
      Criteria c,
      String generator,
      long low,
      long high,
      List<Sort> sorts,
      Function<BlockData, ObjectNode> render)
      throws ApiException {
    boolean needsHeader = c.needsHeader() || BlockOrder.needsHeader(sorts);
    Comparator<BlockData> byHeight = Comparator.comparingLong(BlockData::height);
    Comparator<DatabaseOrder.Row<BlockData>> order =
        DatabaseOrder.of(sorts, sorts.get(0).descending() ? byHeight.reversed() : byHeight);
    long end = pagination.offset() + pagination.limit();
    PriorityQueue<DatabaseOrder.Row<BlockData>> kept = new PriorityQueue<>(order.reversed());
    long matched = 0;
    Candidates candidates = new Candidates(generator, low, high, false);
    for (BlockData b = candidates.next(); b != null; b = candidates.next()) {
      BlockHeader h = needsHeader ? header(b) : null;
      if (!c.test(b, h)) {
        continue;
      }
      matched++;
      List<Object> values = new ArrayList<>(sorts.size());
      for (Sort s : sorts) {
        values.add(BlockOrder.value(s.property(), b, () -> h));
      }
      kept.add(new DatabaseOrder.Row<>(b, values));
      if (kept.size() > end) {
        kept.poll();
      }
    }
    if (candidates.hasMore()) {
      throw overBudget("ordering by " + sorts.get(0).property() + " examines");
    }
    List<DatabaseOrder.Row<BlockData>> best = new ArrayList<>(kept);
    best.sort(order);
    ArrayNode data = JsonNodeFactory.instance.arrayNode();
    for (long i = pagination.offset(); i < best.size(); i++) {
      data.add(render.apply(best.get((int) i).item()));
    }
    return ApiResponse.page(
        paging.meta(request, pagination, data.size(), matched, false), data, request.tip());
  }

  private static ApiException overBudget(String what) {
    return new ApiException(
        ApiError.unprocessable(
            what
                + " more than "
                + TransactionLists.SCAN_BUDGET
                + " blocks: add a height range or a generatorPublicKey"));
  }

  /**
   * The blocks a filtered or sorted list examines, in chain order: a height range, or a generator's
   * blocks within it; {@link #next} stops after {@link TransactionLists#SCAN_BUDGET} blocks.
   */
  private final class Candidates {
    private final String generator;
    private final long low;
    private final long high;
    private final boolean oldestFirst;
    private final java.util.ArrayDeque<BlockData> buffer = new java.util.ArrayDeque<>();
    private long examined;
    private int offset;
    private long next;
    private boolean sourceDone;

    Candidates(String generator, long low, long high, boolean oldestFirst) {
      this.generator = generator;
      this.low = low;
      this.high = high;
      this.oldestFirst = oldestFirst;
      this.next = oldestFirst ? low : high;
    }

    /** The next candidate, or null at the end or once the budget is spent. */
    BlockData next() {
      if (examined >= TransactionLists.SCAN_BUDGET) {
        return null;
      }
      while (buffer.isEmpty() && !sourceDone) {
        fill();
      }
      BlockData b = buffer.poll();
      if (b != null) {
        examined++;
      }
      return b;
    }

    /** Whether candidates remain unexamined. */
    boolean hasMore() {
      return !buffer.isEmpty() || !sourceDone;
    }

    private void fill() {
      if (generator != null) {
        Page<Long> heights =
            queries.blocksByGenerator(
                generator, new PageRequest(offset, STORAGE_PAGE, oldestFirst));
        offset += heights.items().size();
        sourceDone = !heights.hasMore();
        for (long h : heights.items()) {
          if (h >= low && h <= high) {
            buffer.add(queries.block(h).orElseThrow());
          }
        }
        return;
      }
      long a = oldestFirst ? next : Math.max(low, next - STORAGE_PAGE + 1);
      long b = oldestFirst ? Math.min(high, next + STORAGE_PAGE - 1) : next;
      List<BlockData> page = a <= b ? queries.blocks(a, b) : List.of();
      if (oldestFirst) {
        buffer.addAll(page);
      } else {
        for (int i = page.size() - 1; i >= 0; i--) {
          buffer.add(page.get(i));
        }
      }
      next = oldestFirst ? b + 1 : a - 1;
      sourceDone = oldestFirst ? next > high : next < low;
    }
  }

  private BlockHeader header(BlockData b) {
    try {
      return codec.decodeHeader(b.serialized());
    } catch (DecodeException e) {
      throw new IllegalStateException("stored block " + b.id() + " does not decode", e);
    }
  }
}
