package org.boxoffice.platform.control;

import java.io.IOException;

/**
 * A request body passed the size limit while it was being read. JAX-RS may wrap it while parsing
 * JSON; the error mapping looks for it in the cause chain and answers 413.
 */
public final class BodyTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  public BodyTooLargeException() {
    super("request body over the limit");
  }
}
