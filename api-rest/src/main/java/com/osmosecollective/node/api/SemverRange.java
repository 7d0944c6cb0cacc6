package com.osmosecollective.node.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The semver ranges {@code /peers?version=} takes: comparators {@code =, >, >=, <, <=}, caret and
 * tilde ranges, {@code x} wildcards, space for "and", {@code ||} for "or". Prerelease tags compare
 * after the release numbers and before the plain release.
 */
final class SemverRange implements Predicate<String> {
  private static final Pattern VERSION =
      Pattern.compile(
          "v?(\\d{1,9})(?:\\.(\\d{1,9}|[xX*]))?(?:\\.(\\d{1,9}|[xX*]))?(?:-([0-9A-Za-z.-]{1,64}))?");
  private static final Pattern COMPARATOR = Pattern.compile("(\\^|~|>=|<=|>|<|=)?\\s*(.+)");

  private final List<List<Predicate<long[]>>> alternatives;

  private SemverRange(List<List<Predicate<long[]>>> alternatives) {
    this.alternatives = alternatives;
  }

  static Optional<SemverRange> parse(String text) {
    if (text.length() > 256) {
      return Optional.empty();
    }
    List<List<Predicate<long[]>>> alternatives = new ArrayList<>();
    for (String alt : text.split("\\|\\|", -1)) {
      List<Predicate<long[]>> all = new ArrayList<>();
      for (String part : alt.strip().split("\\s+", -1)) {
        if (part.isEmpty() || part.equals("*") || part.equalsIgnoreCase("x")) {
          continue;
        }
        Predicate<long[]> p = comparator(part);
        if (p == null) {
          return Optional.empty();
        }
        all.add(p);
      }
      alternatives.add(all);
    }
    return Optional.of(new SemverRange(alternatives));
  }

  private static Predicate<long[]> comparator(String part) {
    Matcher m = COMPARATOR.matcher(part);
    if (!m.matches()) {
      return null;
    }
    String op = m.group(1) == null ? "=" : m.group(1);
    Matcher v = VERSION.matcher(m.group(2));
    if (!v.matches()) {
      return null;
    }
    long major = Long.parseLong(v.group(1));
    boolean minorWild = v.group(2) == null || !Character.isDigit(v.group(2).charAt(0));
    boolean patchWild = minorWild || v.group(3) == null || !Character.isDigit(v.group(3).charAt(0));
    long minor = minorWild ? 0 : Long.parseLong(v.group(2));
    long patch = patchWild ? 0 : Long.parseLong(v.group(3));
    long[] low = {major, minor, patch, v.group(4) == null ? 1 : 0};
    long[] high; // exclusive upper bound of the wildcard / caret / tilde range
    if (op.equals("^")) {
      high =
          major > 0
              ? new long[] {major + 1, 0, 0, 0}
              : minor > 0 || !minorWild ? new long[] {0, minor + 1, 0, 0} : new long[] {1, 0, 0, 0};
      return x -> cmp(x, low) >= 0 && cmp(x, high) < 0;
    }
    if (op.equals("~")) {
      high = minorWild ? new long[] {major + 1, 0, 0, 0} : new long[] {major, minor + 1, 0, 0};
      return x -> cmp(x, low) >= 0 && cmp(x, high) < 0;
    }
    if (minorWild || patchWild) {
      long[] lo = {major, minor, 0, 0};
      high = minorWild ? new long[] {major + 1, 0, 0, 0} : new long[] {major, minor + 1, 0, 0};
      return switch (op) {
        case "=" -> x -> cmp(x, lo) >= 0 && cmp(x, high) < 0;
        case ">=" -> x -> cmp(x, lo) >= 0;
        case ">" -> x -> cmp(x, high) >= 0;
        case "<" -> x -> cmp(x, lo) < 0;
        default -> x -> cmp(x, high) < 0; // <=
      };
    }
    return switch (op) {
      case "=" -> x -> cmp(x, low) == 0;
      case ">=" -> x -> cmp(x, low) >= 0;
      case ">" -> x -> cmp(x, low) > 0;
      case "<" -> x -> cmp(x, low) < 0;
      default -> x -> cmp(x, low) <= 0;
    };
  }

  private static long[] version(String text) {
    Matcher v = VERSION.matcher(text == null ? "" : text.strip());
    if (!v.matches()
        || v.group(2) == null
        || v.group(3) == null
        || !Character.isDigit(v.group(2).charAt(0))
        || !Character.isDigit(v.group(3).charAt(0))) {
      return null;
    }
    return new long[] {
      Long.parseLong(v.group(1)),
      Long.parseLong(v.group(2)),
      Long.parseLong(v.group(3)),
      v.group(4) == null ? 1 : 0
    };
  }

  private static int cmp(long[] a, long[] b) {
    for (int i = 0; i < 4; i++) {
      int c = Long.compare(a[i], b[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  static int compareVersions(String a, String b) {
    long[] x = version(a);
    long[] y = version(b);
    if (x == null || y == null) {
      return x == null ? (y == null ? a.compareTo(b) : -1) : 1;
    }
    return cmp(x, y);
  }

  @Override
  public boolean test(String version) {
    long[] v = version(version);
    if (v == null) {
      return false;
    }
    for (List<Predicate<long[]>> all : alternatives) {
      if (all.stream().allMatch(p -> p.test(v))) {
        return true;
      }
    }
    return false;
  }
}
