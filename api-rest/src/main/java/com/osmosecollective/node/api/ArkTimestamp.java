package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * ARK's timestamp object ({@code formatTimestamp}): seconds since the network epoch, the Unix time
 * they stand for, and that instant in ISO-8601 UTC with milliseconds.
 */
public final class ArkTimestamp {
  private static final DateTimeFormatter HUMAN =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Instant epoch;

  public ArkTimestamp(Instant epoch) {
    this.epoch = Objects.requireNonNull(epoch, "epoch");
  }

  public ObjectNode toJson(long epochSeconds) {
    Instant at = epoch.plusSeconds(epochSeconds);
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("epoch", epochSeconds);
    o.put("unix", at.getEpochSecond());
    o.put("human", HUMAN.format(at));
    return o;
  }
}
