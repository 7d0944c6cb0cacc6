package com.osmosecollective.node.acceptance.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster for ARK Core in a test's folder: loopback TCP only (no Unix socket),
 * trust authentication for 127.0.0.1, durability off (a test chain). PostgreSQL refuses to run as
 * root; as root the server runs as the {@code postgres} user, which must be able to reach the
 * folder (its parents get search permission for others).
 */
final class PostgresCluster implements AutoCloseable {
  static final String NO_POSTGRES =
      "ARK Core interop skipped: PostgreSQL is not installed (no initdb, pg_ctl and psql in"
          + " /usr/lib/postgresql/*/bin or on PATH)";
  static final String NO_POSTGRES_USER =
      "ARK Core interop skipped: running as root and there is no postgres user to run PostgreSQL";

  private final Path bin;
  private final Path data;
  private final Path log;
  private final int port;
  private boolean running;

  private PostgresCluster(Path bin, Path folder, int port) {
    this.bin = bin;
    this.data = folder.resolve("data");
    this.log = folder.resolve("postgres.log");
    this.port = port;
  }

  /** The binaries folder of the newest PostgreSQL, or skips the test. */
  static Path binaries() {
    Optional<Path> debian = debianBinaries();
    Optional<Path> found =
        debian.isPresent()
            ? debian
            : Commands.onPath("pg_ctl")
                .map(Path::getParent)
                .filter(dir -> Files.isExecutable(dir.resolve("initdb")));
    assumeTrue(found.isPresent(), NO_POSTGRES);
    if (Commands.isRoot()) {
      assumeTrue(Commands.run(null, 30, "id", "-u", "postgres").ok(), NO_POSTGRES_USER);
    }
    return found.get();
  }

  private static Optional<Path> debianBinaries() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
          .filter(b -> Files.isExecutable(b.resolve("psql")))
          .max(Comparator.comparingInt(b -> parseVersion(b.getParent().getFileName().toString())));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static int parseVersion(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * Creates and starts a cluster in {@code folder} (inside {@code testRoot}, the test's temporary
   * folder) on 127.0.0.1:{@code port}.
   */
  static PostgresCluster start(Path bin, Path testRoot, Path folder, int port) {
    PostgresCluster cluster = new PostgresCluster(bin, folder, port);
    try {
      cluster.create(testRoot, folder);
      cluster.running = true; // from here on, close() stops whatever started
      cluster.asServerUser(
          "pg_ctl",
          "-D",
          cluster.data.toString(),
          "-l",
          cluster.log.toString(),
          "-w",
          "-t",
          "60",
          "start");
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  private void create(Path testRoot, Path folder) {
    try {
      Files.createDirectories(data);
      Files.createFile(log);
      if (Commands.isRoot()) {
        // the postgres user must reach its folder; nothing above the test's folder is touched
        for (Path p = folder; p != null && p.startsWith(testRoot); p = p.getParent()) {
          Files.setPosixFilePermissions(p, withSearchForOthers(p));
        }
        Commands.Result chown =
            Commands.run(null, 30, "chown", "-R", "postgres", data.toString(), log.toString());
        check(chown, "chown");
      }
      Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    asServerUser(
        "initdb",
        "-D",
        data.toString(),
        "-U",
        "postgres",
        "--auth=trust",
        "-E",
        "UTF8",
        "--locale=C.UTF-8");
    try {
      Files.writeString(
          data.resolve("postgresql.conf"),
          String.join(
              "\n",
              "",
              "listen_addresses = '127.0.0.1'",
              "port = " + port,
              "unix_socket_directories = ''",
              "fsync = off",
              "synchronous_commit = off",
              "full_page_writes = off",
              "shared_buffers = 64MB",
              ""),
          java.nio.file.StandardOpenOption.APPEND);
      Files.writeString(data.resolve("pg_hba.conf"), "host all all 127.0.0.1/32 trust\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static java.util.Set<java.nio.file.attribute.PosixFilePermission> withSearchForOthers(
      Path p) throws IOException {
    var permissions = new java.util.HashSet<>(Files.getPosixFilePermissions(p));
    permissions.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
    return permissions;
  }

  int port() {
    return port;
  }

  /** Creates a login role and a database it owns. */
  void createDatabase(String database, String user, String password) {
    psql("create role " + user + " login password '" + password + "'");
    psql("create database " + database + " owner " + user);
  }

  private void psql(String sql) {
    check(
        Commands.run(
            null,
            60,
            bin.resolve("psql").toString(),
            "-h",
            "127.0.0.1",
            "-p",
            Integer.toString(port),
            "-U",
            "postgres",
            "-v",
            "ON_ERROR_STOP=1",
            "-c",
            sql),
        "psql " + sql);
  }

  private void asServerUser(String program, String... args) {
    check(runAsServerUser(program, args), program);
  }

  private Commands.Result runAsServerUser(String program, String... args) {
    List<String> command = new ArrayList<>();
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(args));
    if (Commands.isRoot()) {
      String line = String.join(" ", command.stream().map(PostgresCluster::quote).toList());
      command = List.of("su", "postgres", "-s", "/bin/sh", "-c", line);
    }
    return Commands.run(null, 120, command);
  }

  private static String quote(String arg) {
    return "'" + arg.replace("'", "'\\''") + "'";
  }

  private void check(Commands.Result result, String what) {
    if (!result.ok()) {
      throw new AssertionError(
          "PostgreSQL: "
              + what
              + " failed (exit "
              + result.exitCode()
              + "): "
              + result.output()
              + "\n"
              + tailOfLog());
    }
  }

  private String tailOfLog() {
    try {
      List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  /** Stops the server (fast shutdown: open sessions are ended); never throws. */
  @Override
  public void close() {
    if (running) {
      running = false;
      Commands.Result stop =
          runAsServerUser("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop");
      if (!stop.ok()) {
        runAsServerUser("pg_ctl", "-D", data.toString(), "-m", "immediate", "stop");
      }
    }
  }
}
