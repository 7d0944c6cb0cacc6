package com.osmosecollective.node.app;

import com.osmosecollective.node.app.lifecycle.Service;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.storage.ChainStore;
import com.osmosecollective.node.storage.ChainTip;
import com.osmosecollective.node.storage.StorageFailure;
import com.osmosecollective.node.storage.StoreOpenException;
import com.osmosecollective.node.storage.StoreOptions;
import com.osmosecollective.node.storage.WriteFaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The chain database: opened (and checked, {@code StartupCheck}) at start, closed at stop. Any
 * failure of it, met on any thread, is fatal.
 */
final class StorageService implements Service {
  private final Path dataDir;
  private final Network network;
  private final boolean newChain;
  private final WriteFaults faults;
  private final List<Consumer<StorageFailure>> failureListeners = new CopyOnWriteArrayList<>();
  private volatile ChainStore store;

  StorageService(Path dataDir, Network network, boolean newChain, WriteFaults faults) {
    this.dataDir = dataDir;
    this.network = network;
    this.newChain = newChain;
    this.faults = faults;
  }

  /** Tells {@code listener} of the store's first failure (set before the start). */
  void onFailure(Consumer<StorageFailure> listener) {
    failureListeners.add(listener);
  }

  @Override
  public String name() {
    return "storage";
  }

  @Override
  public void start() throws Exception {
    DataDirGuard.requireChainOrNew(dataDir, newChain);
    Files.createDirectories(dataDir);
    ChainStore opened;
    try {
      opened = ChainStore.open(StoreOptions.inDataDir(dataDir), network.nethash(), faults);
    } catch (StoreOpenException e) {
      if (e.storedNethash().isEmpty()) {
        throw e;
      }
      // say which network the data belongs to and which was asked, not two nethashes
      throw StoreOpenException.networkMismatch(
          e.storedNethash().get(),
          KnownNetworks.mismatch(dataDir, e.storedNethash().get(), network));
    }
    for (Consumer<StorageFailure> listener : failureListeners) {
      opened.onFailure(listener);
    }
    store = opened;
  }

  @Override
  public void stop() {
    store.close();
  }

  /** The open store; the services after this one use it once it started. */
  ChainStore store() {
    ChainStore open = store;
    if (open == null) {
      throw new IllegalStateException("storage is not started");
    }
    return open;
  }

  /** The last committed height (0 before the store is open or when it is empty). */
  long committedHeight() {
    ChainStore open = store;
    return open == null ? 0 : open.tip().map(ChainTip::height).orElse(0L);
  }

  @Override
  public String detail() {
    ChainStore open = store;
    if (open == null) {
      return "";
    }
    return "committed height "
        + committedHeight()
        + open.failure().map(f -> ", failed: " + f.getMessage()).orElse("");
  }
}
