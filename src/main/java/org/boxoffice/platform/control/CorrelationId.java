package org.boxoffice.platform.control;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The correlation id of the request being served on this thread. It is taken from the client only
 * when it is a sane token, so a hostile header can never reach a log line or a response.
 *
 * <p>While a request runs, the id is also attached to Liberty's log record context, so every JSON
 * log line the request writes carries it as {@code ext_correlationId}.
 */
public final class CorrelationId {
  public static final String HEADER = "X-Correlation-ID";
  public static final String REQUEST_ATTRIBUTE = CorrelationId.class.getName();

  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
  private static final Logger LOG = Logger.getLogger(CorrelationId.class.getName());
  private static final LogContext LOG_CONTEXT = LogContext.find();

  private CorrelationId() {}

  /** The client's id when it is sane, a fresh one otherwise. */
  public static String acceptOrGenerate(String fromClient) {
    if (fromClient != null && SANE.matcher(fromClient).matches()) {
      return fromClient;
    }
    return "req-" + UUID.randomUUID();
  }

  public static void begin(String id) {
    CURRENT.set(id);
    LOG_CONTEXT.put(id);
  }

  public static void end() {
    CURRENT.remove();
    LOG_CONTEXT.clear();
  }

  /** The id of the current request, or a fresh one outside a request (background jobs). */
  public static String current() {
    String id = CURRENT.get();
    return id != null ? id : "job-" + UUID.randomUUID();
  }

  /**
   * Liberty's {@code LogRecordContext} is reached reflectively: it is a Liberty API, not a Jakarta
   * one, and the app must still run (without the extra log field) where it is absent.
   */
  private record LogContext(MethodHandle add, MethodHandle remove) {
    private static final String FIELD = "correlationId";

    static LogContext find() {
      try {
        Class<?> type = Class.forName("com.ibm.websphere.logging.hpel.LogRecordContext");
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        return new LogContext(
            lookup.findStatic(
                type,
                "addExtension",
                MethodType.methodType(void.class, String.class, String.class)),
            lookup.findStatic(
                type, "removeExtension", MethodType.methodType(boolean.class, String.class)));
      } catch (ReflectiveOperationException | LinkageError e) {
        LOG.log(Level.INFO, "Liberty log record context unavailable; logs carry no correlation id");
        return new LogContext(null, null);
      }
    }

    void put(String id) {
      if (add != null) {
        try {
          add.invoke(FIELD, id);
        } catch (Throwable e) {
          LOG.log(Level.FINE, "could not attach correlation id to log context", e);
        }
      }
    }

    void clear() {
      if (remove != null) {
        try {
          boolean removed = (boolean) remove.invoke(FIELD);
          LOG.log(Level.FINEST, "correlation id detached: {0}", removed);
        } catch (Throwable e) {
          LOG.log(Level.FINE, "could not detach correlation id from log context", e);
        }
      }
    }
  }
}
