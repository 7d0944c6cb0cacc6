package com.osmosecollective.node.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.EconomicsProjection;
import com.osmosecollective.node.consensus.EconomicsYear;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders an economics projection as an aligned text table or as JSON. */
final class EconomicsReport {
  private static final int COIN_DECIMALS = 8;
  private static final String[] HEADERS = {
    "year",
    "heights",
    "blocks",
    "reward/block",
    "created",
    "supply at end",
    "inflation (white paper)",
    "inflation (conventional)"
  };

  private EconomicsReport() {}

  static String text(Network network, List<EconomicsYear> years) {
    String symbol = symbol(network);
    StringBuilder out = new StringBuilder();
    out.append("Economics of ")
        .append(network.name())
        .append(": premine ")
        .append(coins(network.premine()))
        .append(' ')
        .append(symbol)
        .append(", amounts in ")
        .append(symbol)
        .append('\n');
    out.append("A year is ")
        .append(grouped(EconomicsProjection.YEAR_SECONDS))
        .append(" s of blocks at the milestone blocktime, no missed slots.\n");
    out.append("reward/block: the range paid during the year (one value when constant).\n");
    out.append("inflation: white paper = created / supply at the END of the year;")
        .append(" conventional = created / supply at its START.\n\n");

    List<String[]> rows = new ArrayList<>();
    rows.add(HEADERS);
    for (EconomicsYear year : years) {
      rows.add(
          new String[] {
            Integer.toString(year.year()),
            grouped(year.firstHeight()) + "-" + grouped(year.lastHeight()),
            grouped(year.blocks()),
            year.rewardMin() == year.rewardMax()
                ? coins(year.rewardMin())
                : coins(year.rewardMin()) + ".." + coins(year.rewardMax()),
            coins(year.coinsCreated()),
            coins(year.supplyEnd()),
            percent(year.inflationWhitePaper()),
            percent(year.inflationConventional())
          });
    }
    int[] widths = new int[HEADERS.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          line.append("  ");
        }
        line.append(" ".repeat(widths[i] - row[i].length())).append(row[i]);
      }
      out.append(line).append('\n');
    }
    return out.toString();
  }

  static String json(Network network, List<EconomicsYear> years) throws JsonProcessingException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("network", network.name());
    root.put("symbol", symbol(network));
    root.put("premine", Long.toString(network.premine()));
    root.put("yearSeconds", EconomicsProjection.YEAR_SECONDS);
    root.put(
        "notes",
        "amounts in arktoshi (1 coin = 10^8); rewardMin/rewardMax = range paid during the year,"
            + " rewardAverage = coinsCreated / blocks rounded down; inflationWhitePaperPercent ="
            + " coinsCreated / supplyEnd, inflationConventionalPercent = coinsCreated /"
            + " supplyStart; no missed slots");
    ArrayNode list = root.putArray("years");
    for (EconomicsYear year : years) {
      ObjectNode row = list.addObject();
      row.put("year", year.year());
      row.put("firstHeight", year.firstHeight());
      row.put("lastHeight", year.lastHeight());
      row.put("blocks", year.blocks());
      row.put("rewardMin", Long.toString(year.rewardMin()));
      row.put("rewardMax", Long.toString(year.rewardMax()));
      row.put("rewardAverage", Long.toString(year.rewardAverage()));
      row.put("coinsCreated", Long.toString(year.coinsCreated()));
      row.put("supplyStart", Long.toString(year.supplyStart()));
      row.put("supplyEnd", Long.toString(year.supplyEnd()));
      row.put("inflationWhitePaperPercent", year.inflationWhitePaper());
      row.put("inflationConventionalPercent", year.inflationConventional());
    }
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  private static String symbol(Network network) {
    return network.symbol().isEmpty() ? "coins" : network.symbol();
  }

  /** Arktoshi as coins with thousands separators and no trailing zero decimals. */
  static String coins(long arktoshi) {
    DecimalFormat format =
        new DecimalFormat("#,##0.########", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return format.format(BigDecimal.valueOf(arktoshi, COIN_DECIMALS));
  }

  private static String grouped(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  private static String percent(BigDecimal value) {
    return value == null ? "n/a" : value.toPlainString() + "%";
  }
}
