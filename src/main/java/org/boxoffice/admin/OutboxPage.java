package org.boxoffice.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.boxoffice.notifications.boundary.OutboxAdmin;
import org.boxoffice.notifications.boundary.OutboxEntry;
import org.boxoffice.notifications.entity.OutboxStatus;
import org.boxoffice.platform.boundary.Page;
import org.boxoffice.platform.entity.DomainException;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.LazyDataModel;

/**
 * The outbox, for admins only (web.xml's security constraint keeps organizers out, and so does
 * every method here): queued, sent and dead emails, and a retry for a dead one.
 */
@Named
@ViewScoped
public class OutboxPage implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int PAGE = 20;
  private static final String TABLE = ":outbox:emails";

  @Inject AdminSession session;
  @Inject OutboxAdmin outbox;

  private OutboxStatus status;
  private Map<OutboxStatus, Long> counts = Map.of();
  private LazyDataModel<OutboxEntry> emails;

  @PostConstruct
  void load() {
    if (!session.isAdmin()) {
      return;
    }
    counts = outbox.counts();
    emails = new PageModel<>(this::page, OutboxEntry::id);
  }

  private Page<OutboxEntry> page(int page, int size) {
    return outbox.list(status, page, size);
  }

  /** Queues a dead email again; the sender picks it up within seconds. */
  public void retry(long id) {
    if (!session.isAdmin()) {
      FacesMessages.error("Only an admin can retry emails");
      return;
    }
    try {
      outbox.retry(id);
      FacesMessages.info("Email #" + id + " is queued again.");
    } catch (DomainException refusal) {
      FacesMessages.error(refusal.getMessage());
    }
    counts = outbox.counts();
  }

  public List<OutboxStatus> getStatuses() {
    return List.of(OutboxStatus.values());
  }

  public Map<OutboxStatus, Long> getCounts() {
    return counts;
  }

  public LazyDataModel<OutboxEntry> getEmails() {
    return emails;
  }

  public OutboxStatus getStatus() {
    return status;
  }

  /** A different status filter shows its first page, not the page the last filter was on. */
  public void setStatus(OutboxStatus status) {
    if (status != this.status) {
      firstPage();
    }
    this.status = status;
  }

  private static void firstPage() {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces != null && faces.getViewRoot().findComponent(TABLE) instanceof DataTable table) {
      table.setFirst(0);
    }
  }

  public int getPageSize() {
    return PAGE;
  }
}
