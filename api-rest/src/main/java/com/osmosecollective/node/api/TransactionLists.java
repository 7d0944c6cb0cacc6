package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainQueries;
import com.osmosecollective.node.storage.Page;
import com.osmosecollective.node.storage.PageRequest;
import com.osmosecollective.node.storage.StoredTransaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every transaction list of the API ({@code /transactions}, {@code /votes}, a wallet's or a block's
 * transactions): the filters pick the storage index to read ({@code id}, {@code asset.ipfs}, {@code
 * blockId}, {@code address}, {@code senderId}/{@code senderPublicKey}, {@code recipientId}, {@code
 * type}) so a page costs one bounded index scan; filters no index serves are checked on the
 * candidates the index yields, at most {@link #SCAN_BUDGET} of them per request.
 */
final class TransactionLists {
  /** Candidates a filtered list may examine before it gives up with a 422. */
  static final int SCAN_BUDGET = 50_000;

  private static final int STORAGE_PAGE = 100;
  private static final Pattern ADDRESS_CHARS = Pattern.compile("[1-9A-HJ-NP-Za-km-z]{1,64}");
  private static final Pattern PUBLIC_KEY = Pattern.compile("[0-9a-f]{66}");

  /** A source of stored transactions in index order. */
  @FunctionalInterface
  interface Scope {
    Page<StoredTransaction> page(PageRequest request);
  }

  private final Network network;
  private final ChainQueries queries;
  private final TransactionResource resource;

  /** Transactions rendered lately with their block (about 3 KB each). */
  static final int RENDERED = 2_000;

  private final RenderCache rendered = new RenderCache(RENDERED);
  private final PaginationValidator validator;
  private final RawJson raw;

  TransactionLists(
      Network network,
      ChainQueries queries,
      TransactionResource resource,
      PaginationValidator validator) {
    this.network = network;
    this.queries = queries;
    this.resource = resource;
    this.validator = validator;
    this.raw = new RawJson(network);
  }

  /**
   * Answers a list request.
   *
   * @param linkPath the route path for {@code meta} links (without {@code /api})
   * @param scope the route's own set (a wallet's, a block's, the votes), null for every transaction
   * @param withBlock ARK's transaction-with-block resource (else the plain one of a block's list)
   */
  ApiResponse answer(ApiRequest request, String linkPath, Scope scope, boolean withBlock)
      throws ApiException {
    return answer(request, linkPath, scope, withBlock, -1);
  }

  /**
   * @param scopeTotal how many transactions {@code scope} holds when known (a block's count), else
   *     -1
   */
  ApiResponse answer(
      ApiRequest request, String linkPath, Scope scope, boolean withBlock, long scopeTotal)
      throws ApiException {
    Paging paging = new Paging(validator, linkPath, Map.of("transform", "true"));
    Pagination pagination = paging.validate(request);
    boolean transform = Transform.value(request, true);
    List<Sort> sorts = TransactionOrder.parse(request.queryValue("orderBy"));
    TransactionCriteria criteria = TransactionCriteria.parse(request.query());
    Choice choice = scope != null ? new Choice(scope, isEmpty(criteria)) : choose(criteria);
    Function<StoredTransaction, ObjectNode> render;
    if (!transform) {
      render = raw::transaction;
    } else if (withBlock) {
      render = tx -> withBlock(tx, request.tip());
    } else {
      render = resource::toJsonWithoutBlock;
    }
    ArrayNode data = JsonNodeFactory.instance.arrayNode();
    Boolean chainOrder = TransactionOrder.chainOrder(sorts);
    if (chainOrder == null) {
      PageMeta meta =
          sorted(request, paging, pagination, choice.scope(), criteria, sorts, render, data);
      return ApiResponse.page(meta, data, request.tip());
    }
    boolean oldestFirst = chainOrder;
    PageMeta meta;
    if (choice.exact()) {
      boolean more = false;
      long total = scopeTotal;
      // an offset beyond an int addresses no entry: one entry's page tells the list's length
      PageRequest request0 =
          Paging.beyondStorage(pagination)
              ? new PageRequest(0, 1, oldestFirst)
              : new PageRequest((int) pagination.offset(), pagination.limit(), oldestFirst);
      Page<StoredTransaction> page = choice.scope().page(request0);
      if (!Paging.beyondStorage(pagination)) {
        page.items().forEach(tx -> data.add(render.apply(tx)));
        more = page.hasMore();
      }
      if (total < 0) {
        total = page.total();
      }
      meta =
          total >= 0
              ? paging.meta(request, pagination, data.size(), total, false)
              : paging.metaOfScan(request, pagination, data.size(), more, 0);
    } else {
      meta =
          filtered(
              request, paging, pagination, choice.scope(), criteria, oldestFirst, render, data);
    }
    return ApiResponse.page(meta, data, request.tip());
  }

  /**
   * A transaction with its block: fixed by its id and its block's (a transaction moved by a
   * reorganisation gets a new key), but for its confirmations, set against {@code tip}.
   */
  private ObjectNode withBlock(StoredTransaction tx, long tip) {
    ObjectNode o = rendered.get(tx.tx().id() + '@' + tx.blockId(), () -> resource.toJson(tx, tip));
    o.put("confirmations", Math.max(0, tip - tx.height() + 1));
    return o;
  }

  private PageMeta filtered(
      ApiRequest request,
      Paging paging,
      Pagination pagination,
      Scope scope,
      TransactionCriteria criteria,
      boolean oldestFirst,
      Function<StoredTransaction, ObjectNode> render,
      ArrayNode data)
      throws ApiException {
    long matched = 0;
    int examined = 0;
    int offset = 0;
    long end = pagination.offset() + pagination.limit();
    boolean exhausted = false;
    while (true) {
      Page<StoredTransaction> page = scope.page(new PageRequest(offset, STORAGE_PAGE, oldestFirst));
      for (StoredTransaction stored : page.items()) {
        examined++;
        if (criteria.test(stored, criteria.needsDecoding() ? raw.decode(stored) : null)) {
          if (matched >= pagination.offset() && matched < end) {
            data.add(render.apply(stored));
          }
          matched++;
        }
      }
      offset += page.items().size();
      if (!page.hasMore()) {
        exhausted = true;
        break;
      }
      if (matched > end || examined >= SCAN_BUDGET) {
        break;
      }
    }
    if (!exhausted && matched < end) {
      throw overBudget("the filters examine");
    }
    return paging.meta(request, pagination, data.size(), matched, !exhausted);
  }

  /**
   * An order other than the chain's: every candidate of the scope that matches is ranked, keeping
   * only the best {@code offset + limit}; at most {@link #SCAN_BUDGET} candidates are read.
   */
  private PageMeta sorted(
      ApiRequest request,
      Paging paging,
      Pagination pagination,
      Scope scope,
      TransactionCriteria criteria,
      List<Sort> sorts,
      Function<StoredTransaction, ObjectNode> render,
      ArrayNode data)
      throws ApiException {
    boolean decodeForFilter = criteria.needsDecoding();
    boolean decodeForSort = TransactionOrder.needsDecoding(sorts);
    Comparator<StoredTransaction> tiebreak =
        sorts.get(0).descending()
            ? TransactionOrder.NEWEST_FIRST
            : TransactionOrder.NEWEST_FIRST.reversed();
    Comparator<DatabaseOrder.Row<StoredTransaction>> order = DatabaseOrder.of(sorts, tiebreak);
    long end = pagination.offset() + pagination.limit();
    // the head is the worst row kept, dropped when a better one comes
    PriorityQueue<DatabaseOrder.Row<StoredTransaction>> kept =
        new PriorityQueue<>(order.reversed());
    long matched = 0;
    int examined = 0;
    int offset = 0;
    while (true) {
      Page<StoredTransaction> page = scope.page(new PageRequest(offset, STORAGE_PAGE, false));
      for (StoredTransaction stored : page.items()) {
        examined++;
        Transaction tx = decodeForFilter || decodeForSort ? raw.decode(stored) : null;
        if (!criteria.test(stored, decodeForFilter ? tx : null)) {
          continue;
        }
        matched++;
        List<Object> values = new ArrayList<>(sorts.size());
        for (Sort s : sorts) {
          values.add(TransactionOrder.value(s.property(), stored, () -> tx));
        }
        kept.add(new DatabaseOrder.Row<>(stored, values));
        if (kept.size() > end) {
          kept.poll();
        }
      }
      offset += page.items().size();
      if (!page.hasMore()) {
        break;
      }
      if (examined >= SCAN_BUDGET) {
        throw overBudget("ordering by " + sorts.get(0).property() + " examines");
      }
    }
    List<DatabaseOrder.Row<StoredTransaction>> best = new ArrayList<>(kept);
    best.sort(order);
    for (long i = pagination.offset(); i < best.size(); i++) {
      data.add(render.apply(best.get((int) i).item()));
    }
    return paging.meta(request, pagination, data.size(), matched, false);
  }

  private static ApiException overBudget(String what) {
    return new ApiException(
        ApiError.unprocessable(
            what
                + " more than "
                + SCAN_BUDGET
                + " transactions: add an indexed filter (id, blockId, address, senderId,"
                + " senderPublicKey, recipientId, type, asset.ipfs)"));
  }

  /** An index and whether it alone answers the filters (no candidate needs checking). */
  record Choice(Scope scope, boolean exact) {}

  private static boolean isEmpty(TransactionCriteria c) {
    return used(c).isEmpty();
  }

  /** The names of the filters a request set. */
  private static Set<String> used(TransactionCriteria c) {
    Set<String> out = new java.util.HashSet<>();
    for (var component : TransactionCriteria.class.getRecordComponents()) {
      try {
        if (component.getAccessor().invoke(c) != null) {
          out.add(component.getName());
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  /** Whether the filters set are exactly {@code names}. */
  private static boolean only(TransactionCriteria c, String... names) {
    return used(c).equals(Set.of(names));
  }

  private static String single(Set<String> values) {
    return values != null && values.size() == 1 ? values.iterator().next() : null;
  }

  /** The most selective index the filters allow. */
  Choice choose(TransactionCriteria c) {
    if (isEmpty(c)) {
      return new Choice(queries::transactions, true);
    }
    String id = single(c.id());
    if (id != null) {
      List<StoredTransaction> one =
          id.matches("[0-9a-f]{64}")
              ? queries.transaction(id).map(List::of).orElse(List.of())
              : List.of();
      return new Choice(fixed(one), false);
    }
    if (c.asset() != null && c.asset().path("ipfs").isTextual()) {
      String hash = c.asset().get("ipfs").asText();
      Optional<StoredTransaction> tx =
          hash.length() <= 128
              ? queries.ipfsTransaction(hash).flatMap(queries::transaction)
              : Optional.empty();
      return new Choice(fixed(tx.map(List::of).orElse(List.of())), false);
    }
    String blockId = single(c.blockId());
    if (blockId != null) {
      Optional<BlockData> block =
          blockId.length() <= 64 ? queries.blockById(blockId) : Optional.empty();
      if (block.isEmpty()) {
        return new Choice(fixed(List.of()), false);
      }
      long height = block.get().height();
      return new Choice(r -> queries.transactionsOfBlock(height, r), only(c, "blockId"));
    }
    String address = single(c.address());
    if (address != null) {
      return new Choice(
          validAddress(address) ? r -> queries.transactionsByAddress(address, r) : fixed(List.of()),
          only(c, "address"));
    }
    String sender = single(c.senderId());
    if (sender == null && single(c.senderPublicKey()) != null) {
      String key = single(c.senderPublicKey());
      sender = PUBLIC_KEY.matcher(key).matches() ? addressOf(key) : null;
      if (sender == null) {
        return new Choice(fixed(List.of()), false);
      }
    }
    if (sender != null) {
      String s = sender;
      return new Choice(
          validAddress(s) ? r -> queries.transactionsBySender(s, r) : fixed(List.of()),
          only(c, "senderId") || only(c, "senderPublicKey"));
    }
    String recipient = single(c.recipientId());
    if (recipient != null) {
      return new Choice(
          validAddress(recipient)
              ? r -> queries.transactionsByRecipient(recipient, r)
              : fixed(List.of()),
          only(c, "recipientId"));
    }
    if (c.type() != null && c.type().size() == 1) {
      long type = c.type().iterator().next();
      long group =
          c.typeGroup() != null && c.typeGroup().size() == 1 ? c.typeGroup().iterator().next() : 1;
      if (c.typeGroup() == null || c.typeGroup().size() == 1) {
        return new Choice(
            r -> queries.transactionsByType((int) group, (int) type, r),
            only(c, "type") || only(c, "type", "typeGroup"));
      }
    }
    return new Choice(queries::transactions, false);
  }

  private String addressOf(String publicKey) {
    try {
      return Address.fromPublicKey(Hex.decode(publicKey), network.pubKeyHash());
    } catch (DecodeException e) {
      return null;
    }
  }

  private static boolean validAddress(String address) {
    return ADDRESS_CHARS.matcher(address).matches();
  }

  /** A scope of already-read transactions (an id or IPFS lookup). */
  private static Scope fixed(List<StoredTransaction> list) {
    return r -> {
      List<StoredTransaction> all = new ArrayList<>(list);
      if (!r.oldestFirst()) {
        java.util.Collections.reverse(all);
      }
      int from = Math.min(r.offset(), all.size());
      int to = Math.min(all.size(), from + r.limit());
      return new Page<>(all.subList(from, to), to < all.size());
    };
  }
}
