package com.osmosecollective.node.app;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.settings.NetworkSettings;
import com.osmosecollective.node.config.settings.SettingsSources;
import com.osmosecollective.node.consensus.RoundCalculator;
import com.osmosecollective.node.consensus.forger.DelegateKeyLoader;
import com.osmosecollective.node.consensus.forger.DelegateKeys;
import com.osmosecollective.node.consensus.forger.PasswordSource;
import com.osmosecollective.node.consensus.forger.SecretsFile;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.Bip38;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.storage.StoreOpenException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code osmose keys}: the forger's secrets file. */
@Command(
    name = "keys",
    description = "Forger key tools: encrypt a secrets file (BIP38), check what it holds.",
    subcommands = {KeysCommand.Encrypt.class, KeysCommand.Check.class})
final class KeysCommand implements Runnable {
  private static final long MAX_INPUT_BYTES = 1024 * 1024;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The BIP38 password: an environment variable, else asked without echo in a terminal. */
  static final class PasswordOptions {
    @Option(
        names = "--bip38-password-env",
        paramLabel = "<name>",
        defaultValue = PasswordSource.DEFAULT_ENV,
        description =
            "Environment variable holding the BIP38 password (default: ${DEFAULT-VALUE}); when"
                + " unset and a terminal is attached, it is asked without echo.")
    String variable;

    /** The environment (a map in tests). */
    Function<String, String> getenv = System::getenv;

    PasswordSource source(String question) {
      return PasswordSource.environment(variable, getenv)
          .orElse(PasswordSource.prompt(System.console(), question));
    }

    String howToGive() {
      return "set " + variable + " or run in a terminal to be asked for it";
    }
  }

  /** {@code osmose keys encrypt}. */
  @Command(
      name = "encrypt",
      description = {
        "Encrypt the passphrases of a secrets file (or of standard input, one per line) as BIP38"
            + " keys, in the form the forger reads: bip38:<6P...> lines. Comments, blank lines and"
            + " lines already encrypted are kept. The output (--out, else standard output) is"
            + " readable by its owner only.",
        "All keys share one password, from the environment or a prompt, never the command line."
      })
  static final class Encrypt implements Callable<Integer> {
    @Option(
        names = "--secrets",
        paramLabel = "<file>",
        description = "Secrets file of passphrases (default: standard input).")
    Path secrets;

    @Option(names = "--out", paramLabel = "<file>", description = "Encrypted secrets file.")
    Path out;

    @Mixin PasswordOptions password;

    @Spec CommandSpec spec;

    InputStream stdin = System.in;

    @Override
    public Integer call() throws Exception {
      PrintWriter err = spec.commandLine().getErr();
      List<String> lines;
      try {
        lines = secrets != null ? readLines(secrets) : readLines(stdin, "standard input");
      } catch (IOException e) {
        err.println("error: " + e.getMessage());
        return CommandLines.EXIT_BAD_INPUT;
      }
      if (out != null && Files.exists(out)) {
        err.println("error: " + out + " already exists; give another --out or remove it");
        return CommandLines.EXIT_BAD_INPUT;
      }
      Optional<char[]> given = password.source("BIP38 password for the keys: ").password();
      if (given.isEmpty()) {
        err.println("error: no BIP38 password: " + password.howToGive());
        return CommandLines.EXIT_BAD_INPUT;
      }
      char[] chars = given.get();
      String pass = new String(chars);
      Arrays.fill(chars, '\0');
      if (pass.length() < 8) {
        err.println("error: the BIP38 password must be at least 8 characters");
        return CommandLines.EXIT_BAD_INPUT;
      }
      List<String> encrypted = new ArrayList<>();
      int count = 0;
      for (String line : lines) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()
            || trimmed.startsWith("#")
            || trimmed.startsWith(SecretsFile.BIP38_PREFIX)) {
          encrypted.add(line);
        } else {
          PrivateKey key = PrivateKey.fromPassphrase(trimmed);
          encrypted.add(SecretsFile.BIP38_PREFIX + Bip38.encrypt(key, true, pass));
          count++;
        }
      }
      if (count == 0) {
        err.println("error: no passphrase to encrypt");
        return CommandLines.EXIT_BAD_INPUT;
      }
      if (out != null) {
        SecretsFile.write(out, encrypted);
        spec.commandLine().getOut().printf("encrypted %d key(s) into %s%n", count, out);
      } else {
        encrypted.forEach(spec.commandLine().getOut()::println);
      }
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  /** {@code osmose keys check}. */
  @Command(
      name = "check",
      description = {
        "Which keys a secrets file holds (addresses), which of them are registered delegates,"
            + " their rank and whether they forge in the current round; read from a running"
            + " node's API (--api) or a data dir (--data-dir, default ~/.osmose/<network> when it"
            + " exists).",
        "Exit 0 all keys are delegates, 1 some are not, 2 bad input, 3 the chain cannot be read."
      })
  static final class Check implements Callable<Integer> {
    @Option(
        names = "--secrets",
        required = true,
        paramLabel = "<file>",
        description = "The forger's secrets file.")
    Path secrets;

    @Mixin ConfigOption config;

    @Mixin NetworkOption network;

    @Mixin ChainSourceOptions source;

    @Mixin PasswordOptions password;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      SettingsSources sources = config.sources(network, source);
      NetworkSettings chosen = NetworkSettings.resolve(sources, NetworkSettings.DEFAULT);
      sources.requireValid();
      Network net = chosen.network();
      DelegateKeys keys;
      try {
        keys =
            new DelegateKeyLoader(
                    password.source("BIP38 password of the keys: "), password.howToGive())
                .load(SecretsFile.read(secrets));
      } catch (SecretsFile.SecretsException e) {
        err.println("error: " + e.getMessage());
        return CommandLines.EXIT_BAD_INPUT;
      }
      out.printf("%s holds %d key(s)%n", secrets, keys.size());
      Path defaultDir = source.dataDir(sources, net);
      if (!source.given(sources) && !Files.isDirectory(defaultDir)) {
        for (String publicKey : keys.publicKeys()) {
          out.printf("  %s  %s%n", address(publicKey, net), publicKey);
        }
        out.println(
            "no chain to check them against: give --api URL or --data-dir D (no "
                + defaultDir
                + ")");
        return 0;
      }
      try (DelegateView view = source.open(net, sources)) {
        long height = view.tipHeight() + 1;
        long round = new RoundCalculator(net.milestones()).roundOf(height).round();
        List<String> active = view.roundDelegates(round);
        int delegates = 0;
        int forging = 0;
        for (String publicKey : keys.publicKeys()) {
          Optional<DelegateView.Delegate> delegate = view.delegate(publicKey);
          if (delegate.isEmpty()) {
            out.printf(
                "  %s  not a registered delegate (warning: this key cannot forge)%n",
                address(publicKey, net));
            continue;
          }
          delegates++;
          DelegateView.Delegate d = delegate.get();
          boolean isActive = active.contains(publicKey);
          if (isActive) {
            forging++;
          }
          out.printf(
              "  %s  %s, rank %s, %s%n",
              d.address(),
              d.username(),
              d.rank() > 0 ? Integer.toString(d.rank()) : "none",
              d.resigned()
                  ? "resigned"
                  : isActive ? "active in round " + round : "not active in round " + round);
        }
        out.printf(
            "%d key(s): %d registered delegate(s), %d active in round %d (read from %s)%n",
            keys.size(), delegates, forging, round, view.source());
        return delegates == keys.size() ? 0 : DelegateCommand.EXIT_NOT_A_DELEGATE;
      } catch (StoreOpenException | DelegateView.ViewException e) {
        err.println("error: " + e.getMessage());
        return DelegateCommand.EXIT_UNREADABLE;
      }
    }

    private static String address(String publicKey, Network net) {
      try {
        return Address.fromPublicKey(Hex.decode(publicKey), net.pubKeyHash());
      } catch (DecodeException e) {
        throw new IllegalStateException("a key's own public key is hex", e);
      }
    }
  }

  static List<String> readLines(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("no such file: " + file);
    }
    if (Files.size(file) > MAX_INPUT_BYTES) {
      throw new IOException(file + " is larger than 1 MiB");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return readLines(in, file.toString());
    }
  }

  /** Lines of UTF-8 text; a byte sequence that is not UTF-8 is named by its line. */
  static List<String> readLines(InputStream in, String name) throws IOException {
    byte[] bytes = in.readNBytes((int) MAX_INPUT_BYTES + 1);
    if (bytes.length > MAX_INPUT_BYTES) {
      throw new IOException(name + " is larger than 1 MiB");
    }
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        if (i == bytes.length && start == i) {
          break; // no line after the last newline
        }
        int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
        try {
          lines.add(
              StandardCharsets.UTF_8
                  .newDecoder()
                  .onMalformedInput(CodingErrorAction.REPORT)
                  .onUnmappableCharacter(CodingErrorAction.REPORT)
                  .decode(ByteBuffer.wrap(bytes, start, end - start))
                  .toString());
        } catch (CharacterCodingException e) {
          throw new IOException(
              "line " + (lines.size() + 1) + " of " + name + " is not UTF-8 text", e);
        }
        start = i + 1;
      }
    }
    return lines;
  }
}
