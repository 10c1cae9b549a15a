package org.boxoffice.media.control;

/** The image store could not be reached or refused to work. */
public class StoreUnavailable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
