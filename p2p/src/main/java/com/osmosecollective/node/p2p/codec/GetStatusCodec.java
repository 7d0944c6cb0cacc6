package com.osmosecollective.node.p2p.codec;

import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.p2p.message.GetStatusRequest;
import com.osmosecollective.node.p2p.message.GetStatusResponse;
import com.osmosecollective.node.p2p.message.NetworkInfo;
import com.osmosecollective.node.p2p.message.PeerConfig;
import com.osmosecollective.node.p2p.message.PeerState;
import com.osmosecollective.node.p2p.message.PluginInfo;
import com.osmosecollective.node.p2p.message.TokenInfo;
import com.osmosecollective.node.p2p.proto.PeerProto;
import com.osmosecollective.node.p2p.proto.PeerProto.GetStatusResponse.Config;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Route {@code p2p.peer.getStatus}. The answer's state, header, config, network and token must be
 * present: ARK's own decoder dereferences them and its schema requires them.
 */
public final class GetStatusCodec {
  public static final String ROUTE = "p2p.peer.getStatus";

  private GetStatusCodec() {}

  public static byte[] encodeRequest(GetStatusRequest request) {
    PeerProto.GetStatusRequest.Builder b = PeerProto.GetStatusRequest.newBuilder();
    if (request.headers() != null) {
      b.setHeaders(HeadersCodec.write(request.headers()));
    }
    return b.build().toByteArray();
  }

  public static GetStatusRequest decodeRequest(byte[] payload) throws DecodeException {
    PeerProto.GetStatusRequest m =
        Protobuf.parse(PeerProto.GetStatusRequest.parser(), payload, "getStatus request");
    return new GetStatusRequest(m.hasHeaders() ? HeadersCodec.read(m.getHeaders()) : null);
  }

  public static byte[] encodeResponse(GetStatusResponse response) {
    PeerState state = response.state();
    PeerProto.GetStatusResponse.State.Builder stateOut =
        PeerProto.GetStatusResponse.State.newBuilder()
            .setHeight((int) state.height())
            .setForgingAllowed(state.forgingAllowed())
            .setCurrentSlot((int) state.currentSlot())
            .setHeader(WireBlockHeaderCodec.write(state.header()));
    return PeerProto.GetStatusResponse.newBuilder()
        .setState(stateOut)
        .setConfig(writeConfig(response.config()))
        .build()
        .toByteArray();
  }

  public static GetStatusResponse decodeResponse(byte[] payload) throws DecodeException {
    PeerProto.GetStatusResponse m =
        Protobuf.parse(PeerProto.GetStatusResponse.parser(), payload, "getStatus answer");
    if (!m.hasState() || !m.hasConfig()) {
      throw new DecodeException(
          "getStatus answer lacks its " + (m.hasState() ? "config" : "state"));
    }
    PeerProto.GetStatusResponse.State state = m.getState();
    if (!state.hasHeader()) {
      throw new DecodeException("getStatus state lacks its block header");
    }
    if (state.getHeader().hasTransactions()) {
      throw new DecodeException("getStatus block header carries transactions");
    }
    return new GetStatusResponse(
        new PeerState(
            Integer.toUnsignedLong(state.getHeight()),
            state.getForgingAllowed(),
            Integer.toUnsignedLong(state.getCurrentSlot()),
            WireBlockHeaderCodec.read(state.getHeader())),
        readConfig(m.getConfig()));
  }

  private static Config writeConfig(PeerConfig config) {
    NetworkInfo network = config.network();
    Config.Network.Builder networkOut =
        Config.Network.newBuilder()
            .setName(network.name())
            .setNethash(network.nethash())
            .setExplorer(network.explorer())
            .setToken(
                Config.Network.Token.newBuilder()
                    .setName(network.token().name())
                    .setSymbol(network.token().symbol()))
            .setVersion((int) network.version());
    Config.Builder out = Config.newBuilder().setVersion(config.version()).setNetwork(networkOut);
    for (Map.Entry<String, PluginInfo> plugin : config.plugins().entrySet()) {
      PluginInfo info = plugin.getValue();
      Config.Plugin.Builder value =
          Config.Plugin.newBuilder().setPort((int) info.port()).setEnabled(info.enabled());
      if (info.estimateTotalCount() != null) {
        value.setEstimateTotalCount(info.estimateTotalCount());
      }
      out.putPlugins(plugin.getKey(), value.build());
    }
    return out.build();
  }

  private static PeerConfig readConfig(Config config) throws DecodeException {
    if (!config.hasNetwork()) {
      throw new DecodeException("getStatus config lacks its network");
    }
    Config.Network network = config.getNetwork();
    if (!network.hasToken()) {
      throw new DecodeException("getStatus network lacks its token");
    }
    if (config.getPluginsCount() > PeerConfig.MAX_PLUGINS) {
      throw new DecodeException("getStatus config lists more than 32 plugins");
    }
    Map<String, PluginInfo> plugins = new LinkedHashMap<>();
    for (Map.Entry<String, Config.Plugin> plugin : config.getPluginsMap().entrySet()) {
      Config.Plugin info = plugin.getValue();
      plugins.put(
          Protobuf.text(plugin.getKey(), "plugin name"),
          new PluginInfo(
              Integer.toUnsignedLong(info.getPort()),
              info.getEnabled(),
              info.hasEstimateTotalCount() ? info.getEstimateTotalCount() : null));
    }
    return new PeerConfig(
        Protobuf.text(config.getVersion(), "config version"),
        new NetworkInfo(
            Protobuf.text(network.getName(), "network name"),
            Protobuf.text(network.getNethash(), "network nethash"),
            Protobuf.text(network.getExplorer(), "network explorer"),
            new TokenInfo(
                Protobuf.text(network.getToken().getName(), "token name"),
                Protobuf.text(network.getToken().getSymbol(), "token symbol")),
            Integer.toUnsignedLong(network.getVersion())),
        plugins);
  }
}
