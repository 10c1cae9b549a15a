package org.boxoffice.platform.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import org.boxoffice.platform.control.CorrelationId;

/**
 * Wraps every JSON body a resource returns in the success envelope, so resources return plain DTOs.
 * Non-JSON bodies (calendars, images, PDFs, CSV) pass through untouched.
 */
@Provider
public class EnvelopeFilter implements ContainerResponseFilter {
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object entity = response.getEntity();
    if (entity == null || entity instanceof Envelope) {
      return;
    }
    MediaType type = response.getMediaType();
    if (type != null && !MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
      return;
    }
    response.setEntity(
        Envelope.ok(entity, CorrelationId.current()),
        response.getEntityAnnotations(),
        MediaType.APPLICATION_JSON_TYPE);
  }
}
