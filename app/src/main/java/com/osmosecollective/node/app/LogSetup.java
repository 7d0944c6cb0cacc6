package com.osmosecollective.node.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The node's logging beyond the console (logback.xml): rolling files in a log directory and a level
 * per logger (package). Long-running commands call it once their data dir is known.
 */
final class LogSetup {
  static final String FILE_APPENDER = "osmose-file";
  static final String LOG_FILE = "osmose.log";

  private LogSetup() {}

  private static LoggerContext context() {
    return (LoggerContext) LoggerFactory.getILoggerFactory();
  }

  /**
   * Adds {@code dir/osmose.log} to the root logger, rolled daily and at 50 MB into {@code
   * osmose.<date>.<n>.log.gz}, 14 days and 1 GB kept. The file is opened at the first event once
   * {@code whenExists} is a directory (null: at once), so a command that refuses its input before
   * the node creates its data dir leaves nothing behind. Idempotent; another dir replaces the last.
   */
  static Path attachFiles(Path dir, Path whenExists) {
    LoggerContext context = context();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    Path file = dir.resolve(LOG_FILE).toAbsolutePath();
    if (root.getAppender(FILE_APPENDER) instanceof DeferredFileAppender deferred
        && deferred.file.equals(file)) {
      return file;
    }
    detachFiles(); // another node command ran before in this JVM (tests): its dir no longer applies
    DeferredFileAppender appender = new DeferredFileAppender(file, whenExists);
    appender.setContext(context);
    appender.setName(FILE_APPENDER);
    appender.start();
    root.addAppender(appender);
    return file;
  }

  /** Creates the rolling file appender at its first event once its condition holds. */
  private static final class DeferredFileAppender extends AppenderBase<ILoggingEvent> {
    private final Path file;
    private final Path whenExists;
    private RollingFileAppender<ILoggingEvent> delegate;

    DeferredFileAppender(Path file, Path whenExists) {
      this.file = file;
      this.whenExists = whenExists;
    }

    @Override
    protected void append(ILoggingEvent event) {
      if (delegate == null) {
        if (whenExists != null && !Files.isDirectory(whenExists)) {
          return; // on the console only, until the node has made its data dir
        }
        delegate = rolling(file);
      }
      delegate.doAppend(event);
    }

    private RollingFileAppender<ILoggingEvent> rolling(Path target) {
      LoggerContext context = (LoggerContext) getContext();
      PatternLayoutEncoder encoder = new PatternLayoutEncoder();
      encoder.setContext(context);
      encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
      encoder.start();
      RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
      appender.setContext(context);
      appender.setName(FILE_APPENDER + "-rolling");
      appender.setFile(target.toString());
      appender.setEncoder(encoder);
      SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
      policy.setContext(context);
      policy.setParent(appender);
      policy.setFileNamePattern(
          target.resolveSibling("osmose.%d{yyyy-MM-dd}.%i.log.gz").toString());
      policy.setMaxFileSize(FileSize.valueOf("50MB"));
      policy.setMaxHistory(14);
      policy.setTotalSizeCap(FileSize.valueOf("1GB"));
      policy.start();
      appender.setRollingPolicy(policy);
      appender.start();
      return appender;
    }

    @Override
    public void stop() {
      if (delegate != null) {
        delegate.stop();
      }
      super.stop();
    }
  }

  /** Removes the file appender again (tests). */
  static void detachFiles() {
    Logger root = context().getLogger(Logger.ROOT_LOGGER_NAME);
    var appender = root.getAppender(FILE_APPENDER);
    if (appender != null) {
      root.detachAppender(appender);
      appender.stop();
    }
  }

  /** Levels by logger name ({@code root} is the root logger), as {@code Parsers.levels} reads. */
  static void applyLevels(Map<String, String> levels) {
    LoggerContext context = context();
    levels.forEach(
        (name, level) ->
            context
                .getLogger("root".equalsIgnoreCase(name) ? Logger.ROOT_LOGGER_NAME : name)
                .setLevel(Level.toLevel(level)));
  }
}
