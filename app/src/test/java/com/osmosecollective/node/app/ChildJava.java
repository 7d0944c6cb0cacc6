package com.osmosecollective.node.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of a child JVM a process test starts: this JVM's java and class path, the
 * build's JVM options for test processes ({@code osmose.childJvmOptions}, set by the POM: they
 * start in half the CPU time), then the main class and its arguments.
 */
final class ChildJava {
  private ChildJava() {}

  /** {@code java <build options> <jvmOptions> -cp <this class path> <main> <args>}. */
  static List<String> command(List<String> jvmOptions, Class<?> main, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(buildOptions());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(Arrays.asList(args));
    return command;
  }

  /** The osmose command with the app's own logging setup (not a test-jar's quieter one). */
  static List<String> osmose(String... args) {
    return command(
        List.of("-Dlogback.configurationFile=" + ChildJava.class.getResource("/logback.xml")),
        OsmoseMain.class,
        args);
  }

  private static List<String> buildOptions() {
    String options = System.getProperty("osmose.childJvmOptions", "").strip();
    return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
  }
}
