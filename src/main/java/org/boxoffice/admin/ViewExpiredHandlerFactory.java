package org.boxoffice.admin;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.render.ResponseStateManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * A form posted with an unknown view state (an expired session, or a forged cross-site post) does
 * nothing (a malformed one alike) and is sent back to the page it claims to come from, with a fresh
 * form: a redirect instead of a stack trace.
 */
public class ViewExpiredHandlerFactory extends ExceptionHandlerFactory {
  public ViewExpiredHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  private static final class Handler extends ExceptionHandlerWrapper {
    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() throws FacesException {
      Iterator<ExceptionQueuedEvent> queued = getUnhandledExceptionQueuedEvents().iterator();
      while (queued.hasNext()) {
        Throwable failure = queued.next().getContext().getException();
        while (failure instanceof FacesException && failure.getCause() != null) {
          if (failure instanceof ViewExpiredException) {
            break;
          }
          failure = failure.getCause();
        }
        if (failure instanceof ViewExpiredException expired) {
          queued.remove();
          redirect(expired.getViewId());
        } else if (PhaseId.RESTORE_VIEW.equals(
                FacesContext.getCurrentInstance().getCurrentPhaseId())
            && FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .containsKey(ResponseStateManager.VIEW_STATE_PARAM)) {
          // A view state that is not even well-formed: a forgery, treated like an unknown one.
          queued.remove();
          redirect(FacesContext.getCurrentInstance().getExternalContext().getRequestServletPath());
        }
      }
      getWrapped().handle();
    }

    private static void redirect(String viewId) {
      FacesContext faces = FacesContext.getCurrentInstance();
      ExternalContext external = faces.getExternalContext();
      try {
        String target =
            viewId != null && viewId.startsWith("/admin/") ? viewId : AdminAccessFilter.SIGN_IN;
        external.redirect(external.getRequestContextPath() + target);
        faces.responseComplete();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
