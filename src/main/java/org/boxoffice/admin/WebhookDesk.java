package org.boxoffice.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.webhooks.boundary.DeliveryView;
import org.boxoffice.webhooks.boundary.WebhookView;
import org.boxoffice.webhooks.boundary.Webhooks;

/**
 * The organizer's webhook endpoints, and the delivery log of the one chosen ({@code ?endpoint=}):
 * status, attempts, last response code, latency and error of each delivery, and redelivery.
 */
@Named
@ViewScoped
public class WebhookDesk implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int MAX = 100;

  @Inject AdminSession session;
  @Inject Webhooks webhooks;

  private Long endpointId;
  private List<WebhookView> endpoints = List.of();
  private WebhookView endpoint;
  private List<DeliveryView> deliveries = List.of();
  private long total;

  /** {@code f:viewAction}: the organizer's endpoints, and the log of the chosen one. */
  public void load() {
    try {
      endpoints = List.copyOf(webhooks.list(session.userId()));
      if (endpointId != null) {
        endpoint = webhooks.get(endpointId, session.userId());
        refreshLog();
      }
    } catch (DomainException refusal) {
      FacesMessages.error(refusal.getMessage());
    }
  }

  private void refreshLog() {
    var page = webhooks.deliveries(endpointId, session.userId(), 0, MAX);
    // A copy: the view state is serialized with the session, and a page's list may be a view.
    deliveries = List.copyOf(page.items());
    total = page.total();
  }

  /** Sends a delivery's message again, as a new delivery with the same webhook-id. */
  public void redeliver(long deliveryId) {
    try {
      webhooks.redeliver(endpointId, deliveryId, session.userId());
      FacesMessages.info("Sent again: a new delivery of the same message is on its way.");
      refreshLog();
    } catch (DomainException refusal) {
      FacesMessages.error(refusal.getMessage());
    }
  }

  /** Turns a disabled endpoint back on; its waiting deliveries resume. */
  public void enable() {
    try {
      endpoint =
          webhooks.change(
              endpointId,
              session.userId(),
              new org.boxoffice.webhooks.boundary.WebhookChange(null, null, null, true));
      endpoints = List.copyOf(webhooks.list(session.userId()));
      FacesMessages.info("Endpoint enabled.");
    } catch (DomainException refusal) {
      FacesMessages.error(refusal.getMessage());
    }
  }

  public List<WebhookView> getEndpoints() {
    return endpoints;
  }

  public WebhookView getEndpoint() {
    return endpoint;
  }

  public List<DeliveryView> getDeliveries() {
    return deliveries;
  }

  public long getTotal() {
    return total;
  }

  public Long getEndpointId() {
    return endpointId;
  }

  public void setEndpointId(Long endpointId) {
    this.endpointId = endpointId;
  }
}
