package com.osmosecollective.node.p2p.codec;

import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.p2p.message.GetStatusRequest;
import com.osmosecollective.node.p2p.message.GetStatusResponse;
import com.osmosecollective.node.p2p.message.NetworkInfo;
import com.osmosecollective.node.p2p.message.PeerConfig;
import com.osmosecollective.node.p2p.message.PeerState;
import com.osmosecollective.node.p2p.message.PluginInfo;
import com.osmosecollective.node.p2p.message.TokenInfo;
import com.osmosecollective.node.p2p.message.WireBlockHeader;
import com.osmosecollective.node.p2p.proto.ProtoReader;
import com.osmosecollective.node.p2p.proto.ProtoWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Route {@code p2p.peer.getStatus}. The answer's state, header, config, network and token must be
 * present: ARK's own decoder dereferences them and its schema requires them.
 */
public final class GetStatusCodec {
  public static final String ROUTE = "p2p.peer.getStatus";

  private static final int MAX_HEADER_BYTES = 4 * 1024;
  private static final int MAX_CONFIG_BYTES = 64 * 1024;

  private GetStatusCodec() {}

  public static byte[] encodeRequest(GetStatusRequest request) {
    ProtoWriter out = new ProtoWriter();
    if (request.headers() != null) {
      out.message(1, HeadersCodec.write(request.headers()));
    }
    return out.toByteArray();
  }

  public static GetStatusRequest decodeRequest(byte[] payload) throws DecodeException {
    return new GetStatusRequest(RequestHeaders.only(payload, 1));
  }

  public static byte[] encodeResponse(GetStatusResponse response) {
    PeerState state = response.state();
    ProtoWriter header = new ProtoWriter();
    WireBlockHeaderCodec.write(header, state.header());
    ProtoWriter stateOut =
        new ProtoWriter()
            .uint32(1, state.height())
            .bool(2, state.forgingAllowed())
            .uint32(3, state.currentSlot())
            .message(4, header);
    return new ProtoWriter()
        .message(1, stateOut)
        .message(2, writeConfig(response.config()))
        .toByteArray();
  }

  public static GetStatusResponse decodeResponse(byte[] payload) throws DecodeException {
    ProtoReader r = new ProtoReader(payload);
    PeerState state = null;
    PeerConfig config = null;
    while (r.hasRemaining()) {
      int field = r.nextField();
      switch (field) {
        case 1 -> state = readState(r.message(MAX_HEADER_BYTES + 64, "state"));
        case 2 -> config = readConfig(r.message(MAX_CONFIG_BYTES, "config"));
        default -> r.skip(field);
      }
    }
    if (state == null || config == null) {
      throw new DecodeException(
          "getStatus answer lacks its " + (state == null ? "state" : "config"));
    }
    return new GetStatusResponse(state, config);
  }

  private static PeerState readState(ProtoReader r) throws DecodeException {
    long height = 0;
    boolean forgingAllowed = false;
    long currentSlot = 0;
    WireBlockHeader header = null;
    while (r.hasRemaining()) {
      int field = r.nextField();
      switch (field) {
        case 1 -> height = r.uint32("state height");
        case 2 -> forgingAllowed = r.bool("state forgingAllowed");
        case 3 -> currentSlot = r.uint32("state currentSlot");
        case 4 -> header = readHeader(r.message(MAX_HEADER_BYTES, "state header"));
        default -> r.skip(field);
      }
    }
    if (header == null) {
      throw new DecodeException("getStatus state lacks its block header");
    }
    return new PeerState(height, forgingAllowed, currentSlot, header);
  }

  private static WireBlockHeader readHeader(ProtoReader r) throws DecodeException {
    WireBlockHeaderCodec.Reader header = new WireBlockHeaderCodec.Reader();
    while (r.hasRemaining()) {
      int field = r.nextField();
      if (!header.read(field, r)) {
        r.skip(field);
      }
    }
    return header.build();
  }

  private static ProtoWriter writeConfig(PeerConfig config) {
    NetworkInfo network = config.network();
    ProtoWriter token =
        new ProtoWriter().string(1, network.token().name()).string(2, network.token().symbol());
    ProtoWriter networkOut =
        new ProtoWriter()
            .string(1, network.name())
            .string(2, network.nethash())
            .string(3, network.explorer())
            .message(4, token)
            .uint32(5, network.version());
    ProtoWriter out = new ProtoWriter().string(1, config.version()).message(2, networkOut);
    for (Map.Entry<String, PluginInfo> plugin : config.plugins().entrySet()) {
      PluginInfo info = plugin.getValue();
      ProtoWriter value = new ProtoWriter().uint32(1, info.port()).bool(2, info.enabled());
      if (info.estimateTotalCount() != null) {
        value.bool(3, info.estimateTotalCount());
      }
      out.message(3, new ProtoWriter().string(1, plugin.getKey()).message(2, value));
    }
    return out;
  }

  private static PeerConfig readConfig(ProtoReader r) throws DecodeException {
    String version = "";
    NetworkInfo network = null;
    Map<String, PluginInfo> plugins = new LinkedHashMap<>();
    while (r.hasRemaining()) {
      int field = r.nextField();
      switch (field) {
        case 1 -> version = r.string(WireLimits.MAX_TEXT_BYTES, "config version");
        case 2 -> network = readNetwork(r.message(MAX_HEADER_BYTES, "config network"));
        case 3 -> readPlugin(r.message(MAX_HEADER_BYTES, "config plugin"), plugins);
        default -> r.skip(field);
      }
    }
    if (network == null) {
      throw new DecodeException("getStatus config lacks its network");
    }
    return new PeerConfig(version, network, plugins);
  }

  private static NetworkInfo readNetwork(ProtoReader r) throws DecodeException {
    String name = "";
    String nethash = "";
    String explorer = "";
    TokenInfo token = null;
    long version = 0;
    while (r.hasRemaining()) {
      int field = r.nextField();
      switch (field) {
        case 1 -> name = r.string(WireLimits.MAX_TEXT_BYTES, "network name");
        case 2 -> nethash = r.string(WireLimits.MAX_TEXT_BYTES, "network nethash");
        case 3 -> explorer = r.string(WireLimits.MAX_TEXT_BYTES, "network explorer");
        case 4 -> token = readToken(r.message(WireLimits.MAX_TEXT_BYTES, "network token"));
        case 5 -> version = r.uint32("network version");
        default -> r.skip(field);
      }
    }
    if (token == null) {
      throw new DecodeException("getStatus network lacks its token");
    }
    return new NetworkInfo(name, nethash, explorer, token, version);
  }

  private static TokenInfo readToken(ProtoReader r) throws DecodeException {
    String name = "";
    String symbol = "";
    while (r.hasRemaining()) {
      int field = r.nextField();
      switch (field) {
        case 1 -> name = r.string(WireLimits.MAX_TEXT_BYTES, "token name");
        case 2 -> symbol = r.string(WireLimits.MAX_TEXT_BYTES, "token symbol");
        default -> r.skip(field);
      }
    }
    return new TokenInfo(name, symbol);
  }

  /** One map entry {@code {key = 1, value = 2}}; a repeated key replaces the earlier value. */
  private static void readPlugin(ProtoReader r, Map<String, PluginInfo> plugins)
      throws DecodeException {
    String name = "";
    PluginInfo info = new PluginInfo(0, false, null);
    while (r.hasRemaining()) {
      int field = r.nextField();
      switch (field) {
        case 1 -> name = r.string(WireLimits.MAX_TEXT_BYTES, "plugin name");
        case 2 -> info = readPluginInfo(r.message(WireLimits.MAX_TEXT_BYTES, "plugin"));
        default -> r.skip(field);
      }
    }
    if (!plugins.containsKey(name) && plugins.size() == PeerConfig.MAX_PLUGINS) {
      throw new DecodeException("getStatus config lists more than 32 plugins");
    }
    plugins.put(name, info);
  }

  private static PluginInfo readPluginInfo(ProtoReader r) throws DecodeException {
    long port = 0;
    boolean enabled = false;
    Boolean estimateTotalCount = null;
    while (r.hasRemaining()) {
      int field = r.nextField();
      switch (field) {
        case 1 -> port = r.uint32("plugin port");
        case 2 -> enabled = r.bool("plugin enabled");
        case 3 -> estimateTotalCount = r.bool("plugin estimateTotalCount");
        default -> r.skip(field);
      }
    }
    return new PluginInfo(port, enabled, estimateTotalCount);
  }
}
