package org.boxoffice.media.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

/**
 * Where uploads are decoded and resized: at most two at a time on a server (MicroProfile Fault
 * Tolerance bulkhead, no queue), so a burst of large uploads takes two cores' worth of CPU and a
 * bounded amount of heap, and bookings keep the rest. A third upload at the same time is refused at
 * once with {@code BulkheadException} (503 IMAGE_PROCESSING_BUSY); the limit can be changed with
 * {@code org.boxoffice.media.control.ImageWorkshop/process/Bulkhead/value}.
 */
@ApplicationScoped
public class ImageWorkshop {
  @Inject @ConfigProperties MediaSettings settings;

  @Bulkhead(2)
  public ImageProcessor.Processed process(byte[] bytes) {
    return new ImageProcessor(settings.maxPixels).process(bytes);
  }

  /** The checks that need no decoding (type, truncation), outside the bulkhead. */
  public ImageFormat inspect(byte[] bytes) {
    return new ImageProcessor(settings.maxPixels).inspect(bytes);
  }
}
