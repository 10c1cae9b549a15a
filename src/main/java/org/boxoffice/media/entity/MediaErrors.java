package org.boxoffice.media.entity;

/** Error codes of the media feature (docs/API-EXTENSIONS.md). */
public final class MediaErrors {
  /** The bytes are none of JPEG, PNG or WebP (an SVG, a PDF, text, a renamed file). */
  public static final String IMAGE_TYPE_UNSUPPORTED = "IMAGE_TYPE_UNSUPPORTED";

  /** The bytes start like an image but are truncated or corrupt. */
  public static final String IMAGE_UNREADABLE = "IMAGE_UNREADABLE";

  /** Its header claims more pixels than allowed (a decompression bomb, or just too big). */
  public static final String IMAGE_DIMENSIONS_TOO_LARGE = "IMAGE_DIMENSIONS_TOO_LARGE";

  /** The event has no image, or not that one. */
  public static final String IMAGE_NOT_FOUND = "IMAGE_NOT_FOUND";

  /** The image store does not answer. */
  public static final String IMAGE_STORE_UNAVAILABLE = "IMAGE_STORE_UNAVAILABLE";

  /** Every image-processing slot is taken. */
  public static final String IMAGE_PROCESSING_BUSY = "IMAGE_PROCESSING_BUSY";

  private MediaErrors() {}
}
