package org.boxoffice.attendee;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.primefaces.context.PrimeFacesContext;

/**
 * The per-view nonce PrimeFaces' CSP mode expects back with every postback ({@code
 * primefaces.nonce}, kept in the view state, refused on a mismatch). On the admin pages PrimeFaces'
 * own script adds it to each form; the attendee pages load no PrimeFaces script, so their forms
 * carry it as a hidden field. Like the view state, it is one more token a cross-site form cannot
 * know.
 */
@Named
@RequestScoped
public class FormNonce {
  public String getValue() {
    return PrimeFacesContext.getCspState(FacesContext.getCurrentInstance()).getNonce();
  }
}
