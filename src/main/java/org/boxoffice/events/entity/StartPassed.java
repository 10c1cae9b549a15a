package org.boxoffice.events.entity;

import java.util.List;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.platform.entity.FieldDetail;

/** EVENT_START_PASSED: an event whose start is behind us cannot be published. */
public class StartPassed extends DomainException {
  private static final long serialVersionUID = 1L;

  public StartPassed() {
    super(
        Kind.REFUSED,
        EventErrors.EVENT_START_PASSED,
        "The event's start has passed; move it to the future before publishing",
        List.of(new FieldDetail("startDate", "must be in the future")));
  }
}
