package com.osmosecollective.node.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The arithmetic of pages: limits, the positions a page covers, whether more follow. */
final class Pages {
  private Pages() {}

  /** The page's limit, refused above {@code maxPageSize}. */
  static int checkLimit(PageRequest page, int maxPageSize) {
    if (page.limit() > maxPageSize) {
      throw new IllegalArgumentException("page limit " + page.limit() + " exceeds " + maxPageSize);
    }
    return page.limit();
  }

  /** The ordinals of a page of a list of {@code count} entries, in the page's order. */
  static long[] ordinals(long count, PageRequest page) {
    long first = page.offset();
    if (first >= count) {
      return new long[0];
    }
    int n = (int) Math.min(page.limit(), count - first);
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = page.oldestFirst() ? first + i : count - 1 - first - i;
    }
    return out;
  }

  /** Whether entries of a list of {@code count} follow the page. */
  static boolean more(long count, PageRequest page) {
    return (long) page.offset() + page.limit() < count;
  }

  /**
   * The first {@code limit} of a scan's entries (which holds one more when more follow), mapped.
   */
  static <T> Page<T> of(
      List<IndexScanner.Entry> entries, int limit, Function<IndexScanner.Entry, T> mapper) {
    List<T> out = new ArrayList<>(Math.min(limit, entries.size()));
    for (int i = 0; i < Math.min(limit, entries.size()); i++) {
      out.add(mapper.apply(entries.get(i)));
    }
    return new Page<>(out, entries.size() > limit);
  }
}
