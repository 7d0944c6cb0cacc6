package com.osmosecollective.node.config.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything {@code osmose start} runs with, one record per concern, each value with its source.
 * The network is resolved first: the data dir's and the P2P port's defaults are the network's.
 */
public record NodeSettings(
    NetworkSettings network,
    StorageSettings storage,
    ApiSettings api,
    WebhookSettings webhooks,
    ForgingSettings forging,
    P2pSettings p2p,
    LoggingSettings logging) {

  /** Every setting the settings file may hold, in display order. */
  public static List<SettingKey<?>> allKeys() {
    return Stream.of(
            NetworkSettings.keys(),
            StorageSettings.keys(),
            ApiSettings.keys(),
            WebhookSettings.keys(),
            ForgingSettings.keys(),
            P2pSettings.keys(),
            LoggingSettings.keys(),
            DevnetSettings.keys())
        .flatMap(List::stream)
        .toList();
  }

  public static NodeSettings resolve(SettingsSources sources) {
    NetworkSettings network = NetworkSettings.resolve(sources, NetworkSettings.DEFAULT);
    return new NodeSettings(
        network,
        StorageSettings.resolve(sources, network.name()),
        ApiSettings.resolve(sources),
        WebhookSettings.resolve(sources),
        ForgingSettings.resolve(sources),
        P2pSettings.resolve(sources, network.definition()),
        LoggingSettings.resolve(sources));
  }

  /** Every setting, in display order. */
  public List<Setting<?>> all() {
    List<Setting<?>> all = new ArrayList<>();
    all.add(network.choice());
    all.add(storage.dataDir());
    all.add(api.host());
    all.add(api.port());
    all.add(api.disabled());
    all.add(webhooks.enabled());
    all.add(webhooks.host());
    all.add(webhooks.port());
    all.add(forging.forge());
    all.add(forging.secrets());
    all.add(forging.bip38PasswordEnv());
    all.add(p2p.host());
    all.add(p2p.port());
    all.add(p2p.peers());
    all.add(p2p.minimumNetworkReach());
    all.add(p2p.allowLocalPeers());
    all.add(p2p.remoteAccess());
    all.add(p2p.inboundBudgetMiB());
    all.add(p2p.disabled());
    all.add(logging.level());
    all.add(logging.levels());
    all.add(logging.dir());
    return all;
  }
}
