package org.boxoffice.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.regex.Pattern;
import org.boxoffice.audit.boundary.AuditEntryView;
import org.boxoffice.audit.boundary.AuditTrail;
import org.boxoffice.platform.boundary.Page;
import org.primefaces.model.LazyDataModel;

/**
 * The audit trail, for admins only (web.xml's security constraint keeps organizers out, and so does
 * this bean): newest first, a page at a time, optionally of one action.
 */
@Named
@ViewScoped
public class AuditLog implements Serializable {
  private static final long serialVersionUID = 1L;
  // The same rule as GET /audit?action=.
  private static final Pattern ACTION = Pattern.compile("[a-z0-9_.-]{1,60}");

  @Inject AdminSession session;
  @Inject AuditTrail trail;

  private String action;
  private String shownAction;
  private LazyDataModel<AuditEntryView> entries;

  @PostConstruct
  void load() {
    if (session.isAdmin()) {
      entries = new PageModel<>(this::page, AuditEntryView::id);
    }
  }

  private Page<AuditEntryView> page(int page, int size) {
    return trail.find(shownAction, null, page, size);
  }

  /** Shows only the entries of the action typed in (all of them when it is empty). */
  public void filter() {
    String typed = action == null ? "" : action.strip();
    if (!typed.isEmpty() && !ACTION.matcher(typed).matches()) {
      FacesMessages.fieldError(
          "filter:action", "an action is lower-case letters, digits, '.', '_' or '-'");
      return;
    }
    shownAction = typed.isEmpty() ? null : typed;
  }

  public LazyDataModel<AuditEntryView> getEntries() {
    return entries;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }
}
