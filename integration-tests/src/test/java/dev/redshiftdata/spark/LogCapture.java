package dev.redshiftdata.spark;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** Collects what the connector logs (log4j, logger {@code dev.redshiftdata}) while open. */
public final class LogCapture implements AutoCloseable {

  private final StringBuffer text = new StringBuffer();
  private final AbstractAppender appender;

  public LogCapture() {
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    appender =
        new AbstractAppender("options-capture", null, null, true, Property.EMPTY_ARRAY) {
          @Override
          public void append(LogEvent event) {
            text.append(event.getLevel())
                .append(' ')
                .append(event.getMessage().getFormattedMessage())
                .append('\n');
            if (event.getThrown() != null) {
              text.append(event.getThrown()).append('\n');
            }
          }
        };
    appender.start();
    ctx.getConfiguration().getRootLogger().addAppender(appender, null, null);
    ctx.getConfiguration().getLoggerConfig("dev.redshiftdata").addAppender(appender, null, null);
    ctx.updateLoggers();
  }

  public String text() {
    return text.toString();
  }

  @Override
  public void close() {
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    ctx.getConfiguration().getRootLogger().removeAppender(appender.getName());
    ctx.getConfiguration().getLoggerConfig("dev.redshiftdata").removeAppender(appender.getName());
    ctx.updateLoggers();
    appender.stop();
  }
}
