package com.osmosecollective.node.funding.proposal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.osmosecollective.node.core.crypto.Address;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a proposal document: size, JSON, {@code proposal.schema.json} (networknt
 * json-schema-validator, draft 2020-12), then the rules a schema cannot say — the percentages sum
 * to exactly 100, exactly one voters' share, every address valid for the network and named once.
 * Every error names its field.
 */
public final class ProposalValidator {
  /** Largest document accepted (the API's POST limit), checked before parsing. */
  public static final int MAX_BYTES = 64 * 1024;

  private static final String SCHEMA_RESOURCE = "/proposal.schema.json";

  private final int pubKeyHash;
  private final ObjectMapper mapper;
  private final Schema schema;

  public ProposalValidator(int pubKeyHash) {
    this.pubKeyHash = pubKeyHash;
    this.mapper =
        JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    mapper
        .getFactory()
        .setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build());
    try (InputStream in = ProposalValidator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the classpath");
      }
      this.schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema as shipped (for documentation endpoints). */
  public static InputStream schemaResource() {
    return ProposalValidator.class.getResourceAsStream(SCHEMA_RESOURCE);
  }

  public Proposal validate(byte[] document) throws InvalidProposalException {
    if (document.length > MAX_BYTES) {
      throw refuse("", "document of " + document.length + " bytes exceeds " + MAX_BYTES);
    }
    JsonNode root;
    try {
      root = mapper.readTree(document);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw refuse("", "not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw refuse("", "not JSON: " + e.getMessage());
    }
    if (root == null || root.isMissingNode()) {
      throw refuse("", "empty document");
    }
    return validate(root);
  }

  public Proposal validate(JsonNode root) throws InvalidProposalException {
    List<ProposalError> errors = new ArrayList<>();
    for (Error e : schema.validate(root)) {
      errors.add(new ProposalError(field(e), e.getMessage()));
    }
    if (!errors.isEmpty()) {
      throw new InvalidProposalException(errors);
    }
    List<Proposal.Share> split = shares(root.get("split"), errors);
    if (!errors.isEmpty()) {
      throw new InvalidProposalException(errors);
    }
    List<Proposal.Mission> missions = new ArrayList<>();
    for (JsonNode m : root.get("missions")) {
      missions.add(
          new Proposal.Mission(m.get("name").asText(), text(m, "description"), text(m, "url")));
    }
    JsonNode period = root.get("payoutPeriod");
    return new Proposal(
        root.get("title").asText(),
        root.get("description").asText(),
        missions,
        split,
        new Proposal.PayoutPeriod(period.path("blocks").asLong(0), period.path("days").asInt(0)),
        Long.parseLong(root.get("minimumPayout").asText()));
  }

  private List<Proposal.Share> shares(JsonNode split, List<ProposalError> errors) {
    List<Proposal.Share> out = new ArrayList<>();
    Set<String> addresses = new HashSet<>();
    int voters = 0;
    long total = 0;
    for (int i = 0; i < split.size(); i++) {
      JsonNode entry = split.get(i);
      String at = "split[" + i + "]";
      // schema: a multiple of 0.01 in (0, 100], so exact in basis points
      int basisPoints = entry.get("percent").decimalValue().movePointRight(2).intValueExact();
      total += basisPoints;
      String address = text(entry, "address");
      if (address == null) {
        voters++;
      } else if (!Address.isValid(address, pubKeyHash)) {
        errors.add(
            new ProposalError(
                at + ".address",
                address
                    + " is not a valid address of this network (prefix byte "
                    + pubKeyHash
                    + ")"));
      } else if (!addresses.add(address)) {
        errors.add(new ProposalError(at + ".address", address + " appears twice in the split"));
      }
      out.add(new Proposal.Share(entry.get("name").asText(), address, basisPoints));
    }
    if (voters != 1) {
      errors.add(
          new ProposalError(
              "split", "needs exactly one voters' share (\"voters\": true), found " + voters));
    }
    if (total != Proposal.WHOLE) {
      errors.add(
          new ProposalError(
              "split",
              "percentages sum to "
                  + BigDecimal.valueOf(total, 2).stripTrailingZeros().toPlainString()
                  + ", not exactly 100"));
    }
    return out;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** The instance path as {@code a.b[2].c}, plus the property a keyword names (required, extra). */
  private static String field(Error error) {
    StringBuilder out = new StringBuilder();
    NodePath path = error.getInstanceLocation();
    for (int i = 0; path != null && i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      if (element instanceof Integer index) {
        out.append('[').append(index).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(element);
      }
    }
    String property = error.getProperty();
    if (property != null && !property.isEmpty()) {
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(property);
    }
    return out.toString();
  }

  private static InvalidProposalException refuse(String field, String message) {
    return new InvalidProposalException(List.of(new ProposalError(field, message)));
  }
}
