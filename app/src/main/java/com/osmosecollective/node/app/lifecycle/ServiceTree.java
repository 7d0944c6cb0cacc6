package com.osmosecollective.node.app.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's services in dependency order: each may use the ones before it. {@link #start()} starts
 * them in that order (and stops the started ones again, in reverse, if one fails); {@link
 * #stop(Duration)} stops them in reverse within a total time, each within its own {@link
 * Service#stopTimeout()}. {@link #health()} says what runs, since when, and the last error.
 */
public final class ServiceTree {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceTree.class);

  private final List<Entry> entries;
  private final Clock clock;
  private boolean started;
  private boolean stopped;

  /** A service and what the tree knows of it (fields written under the tree's lock or volatile). */
  private static final class Entry {
    final Service service;
    volatile ServiceState state = ServiceState.NEW;
    volatile Instant since;
    volatile String lastError;

    Entry(Service service, Instant since) {
      this.service = service;
      this.since = since;
    }
  }

  private ServiceTree(List<Service> services, Clock clock) {
    this.clock = clock;
    List<Entry> list = new ArrayList<>();
    for (Service service : services) {
      list.add(new Entry(service, clock.instant()));
    }
    this.entries = List.copyOf(list);
  }

  public static Builder builder(Clock clock) {
    return new Builder(clock);
  }

  /** Adds services in dependency order: a service may use every service added before it. */
  public static final class Builder {
    private final Clock clock;
    private final List<Service> services = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    private Builder(Clock clock) {
      this.clock = clock;
    }

    public Builder add(Service service) {
      if (!names.add(service.name())) {
        throw new IllegalArgumentException("two services named " + service.name());
      }
      services.add(service);
      return this;
    }

    /** Adds the service when it is there (a node without an API has no API service). */
    public Builder add(Optional<? extends Service> service) {
      service.ifPresent(this::add);
      return this;
    }

    public ServiceTree build() {
      return new ServiceTree(services, clock);
    }
  }

  /** The services' names in start order. */
  public List<String> names() {
    return entries.stream().map(e -> e.service.name()).toList();
  }

  /**
   * Starts every service in order. When one fails, the ones already running are stopped in reverse
   * and its exception is thrown.
   */
  public synchronized void start() throws Exception {
    if (started) {
      throw new IllegalStateException("the service tree was started already");
    }
    started = true;
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      set(entry, ServiceState.STARTING);
      try {
        entry.service.start();
      } catch (Exception | Error e) {
        entry.lastError = String.valueOf(e.getMessage());
        set(entry, ServiceState.FAILED);
        LOG.debug("{} failed to start: {}", entry.service.name(), e.toString());
        stopped = true;
        stopInReverse(i - 1, Duration.ofSeconds(10));
        throw e;
      }
      set(entry, ServiceState.RUNNING);
      LOG.debug("{} started", entry.service.name());
    }
  }

  /**
   * Stops the running services in reverse order within {@code total}; each gets its own timeout or
   * what is left of the total, whichever is shorter. A stop that throws is logged and the next one
   * stopped; a stop that times out is abandoned together with every service below it (they may
   * still be in use by it). Idempotent.
   *
   * @return whether every running service stopped
   */
  public synchronized boolean stop(Duration total) {
    if (stopped) {
      return entries.stream().noneMatch(e -> e.state == ServiceState.STOPPING);
    }
    stopped = true;
    return stopInReverse(entries.size() - 1, total);
  }

  private boolean stopInReverse(int from, Duration total) {
    long deadline = System.nanoTime() + total.toNanos();
    for (int i = from; i >= 0; i--) {
      Entry entry = entries.get(i);
      if (entry.state != ServiceState.RUNNING) {
        continue;
      }
      long left = deadline - System.nanoTime();
      long allowed = Math.max(0, Math.min(entry.service.stopTimeout().toNanos(), left));
      set(entry, ServiceState.STOPPING);
      CompletableFuture<Void> stopping = new CompletableFuture<>();
      Thread thread =
          new Thread(
              () -> {
                try {
                  entry.service.stop();
                  stopping.complete(null);
                } catch (Exception | Error e) {
                  stopping.completeExceptionally(e);
                }
              },
              "stop-" + entry.service.name());
      thread.setDaemon(true);
      thread.start();
      try {
        stopping.get(allowed, TimeUnit.NANOSECONDS);
        set(entry, ServiceState.STOPPED);
        LOG.debug("{} stopped", entry.service.name());
      } catch (TimeoutException e) {
        entry.lastError = "did not stop within " + Duration.ofNanos(allowed).toMillis() + " ms";
        set(entry, ServiceState.FAILED);
        LOG.error(
            "{} {}; the services below it ({}) are left as they are",
            entry.service.name(),
            entry.lastError,
            String.join(", ", names().subList(0, i)));
        return false;
      } catch (ExecutionException e) {
        entry.lastError = String.valueOf(e.getCause());
        set(entry, ServiceState.FAILED);
        LOG.error("{} failed to stop: {}", entry.service.name(), e.getCause().toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        entry.lastError = "interrupted while stopping";
        set(entry, ServiceState.FAILED);
        return false;
      }
    }
    return true;
  }

  /** Records an error a running service met (the health view shows it as its last error). */
  public void reportError(String name, Throwable error) {
    for (Entry entry : entries) {
      if (entry.service.name().equals(name)) {
        entry.lastError = error.toString();
      }
    }
  }

  /** Every service's state, since when, last error and detail, in start order. */
  public List<ServiceHealth> health() {
    List<ServiceHealth> out = new ArrayList<>();
    for (Entry entry : entries) {
      String detail;
      try {
        detail = entry.state == ServiceState.RUNNING ? entry.service.detail() : "";
      } catch (RuntimeException e) {
        detail = "detail unavailable: " + e;
      }
      out.add(
          new ServiceHealth(
              entry.service.name(),
              entry.state,
              entry.since,
              Optional.ofNullable(entry.lastError),
              detail));
    }
    return out;
  }

  private void set(Entry entry, ServiceState state) {
    entry.state = state;
    entry.since = clock.instant();
  }
}
