package org.boxoffice.admin;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.OffsetDateTime;
import org.boxoffice.events.boundary.Catalog;
import org.boxoffice.events.boundary.CreateEventRequest;
import org.boxoffice.events.boundary.EventImageView;
import org.boxoffice.events.boundary.EventView;
import org.boxoffice.events.boundary.Events;
import org.boxoffice.events.boundary.UpdateEventRequest;
import org.boxoffice.events.entity.EventErrors;
import org.boxoffice.events.entity.EventStatus;
import org.boxoffice.media.boundary.EventImages;
import org.boxoffice.platform.entity.DomainException;

/**
 * Creates and edits an event with its ticket types; publishes and cancels it. Every rule is the
 * events boundary's: its Bean Validation constraints and its refusals come back as messages next to
 * the inputs they name.
 */
@Named
@ViewScoped
public class EventEditor implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String IMAGE_INPUT = "image:file";

  @Inject AdminSession session;
  @Inject Events events;
  @Inject Catalog catalog;
  @Inject Validator validator;
  @Inject EventImages images;

  private Long id;
  private boolean justCreated;
  private EventView saved;
  private EventForm form = EventForm.blank();
  // The chosen file of the image form; only for the request that uploads it.
  private transient Part imageFile;

  /** {@code f:viewAction}: loads the event named by {@code ?id=}, or starts a new one. */
  public void load() {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    if (id == null) {
      form = EventForm.blank();
      return;
    }
    form = new EventForm();
    try {
      show(catalog.event(id, session.userId()));
      if (justCreated) {
        FacesMessages.info("Event created as a draft. Publish it to put it on sale.");
      }
    } catch (DomainException refusal) {
      FacesMessages.error(refusal.getMessage());
    }
  }

  private void show(EventView event) {
    if (event.organizerId() != session.userId()) {
      throw DomainException.notFound(EventErrors.EVENT_NOT_FOUND, "No such event");
    }
    saved = event;
    id = event.id();
    form = EventForm.of(event);
  }

  public void addTier() {
    form.getTiers().add(new TierRow());
  }

  /** Creates the event (then shows it) or saves the changes of the one shown. */
  public String save() {
    OffsetDateTime startDate = time(form.getStart(), "start");
    OffsetDateTime endDate = time(form.getEnd(), "end");
    try {
      if (saved == null) {
        CreateEventRequest request = EventRequests.create(form, startDate, endDate);
        if (!valid(request)) {
          return null;
        }
        EventView created = events.create(session.userId(), request);
        // Said by the page it redirects to, not through the flash: the redirect is sent before the
        // flash is saved, and on a busy server the browser's GET can overtake that save.
        return "/admin/event.xhtml?faces-redirect=true&created=true&id=" + created.id();
      }
      UpdateEventRequest request = EventRequests.update(form, saved, startDate, endDate);
      if (valid(request)) {
        events.update(id, session.userId(), request);
        show(catalog.event(id, session.userId()));
        FacesMessages.info("Changes saved.");
      }
      return null;
    } catch (DomainException refusal) {
      FacesMessages.refused(refusal, this::clientId);
      return null;
    }
  }

  /** DRAFT → PUBLISHED. */
  public void publish() {
    try {
      events.publish(id, session.userId());
      show(catalog.event(id, session.userId()));
      FacesMessages.info("Published: the event is on sale.");
    } catch (DomainException refusal) {
      FacesMessages.refused(refusal, this::clientId);
    }
  }

  /** Cancels the event: booking cancels and refunds every booking with it. */
  public void cancel() {
    try {
      events.cancel(id, session.userId());
      show(catalog.event(id, session.userId()));
      FacesMessages.info("The event is cancelled; every booking was cancelled and refunded.");
    } catch (DomainException refusal) {
      FacesMessages.refused(refusal, this::clientId);
    }
  }

  /**
   * Uploads the chosen file as the event's image (the media boundary decides its type from the
   * bytes); a refusal is shown next to the file input.
   */
  public void uploadImage() {
    if (imageFile == null || imageFile.getSize() == 0) {
      FacesMessages.fieldError(IMAGE_INPUT, "choose a JPEG, PNG or WebP file first");
      return;
    }
    try {
      byte[] bytes;
      try (InputStream in = imageFile.getInputStream()) {
        bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, imageFile.getSize()));
      }
      images.upload(id, session.userId(), bytes);
      show(catalog.event(id, session.userId()));
      FacesMessages.info("Image saved.");
    } catch (IOException e) {
      FacesMessages.fieldError(IMAGE_INPUT, "the file could not be read; try again");
    } catch (DomainException refusal) {
      FacesMessages.refused(refusal, field -> "image".equals(field) ? IMAGE_INPUT : null);
    } finally {
      imageFile = null;
    }
  }

  /** Deletes the event's image. */
  public void removeImage() {
    try {
      images.delete(id, session.userId());
      show(catalog.event(id, session.userId()));
      FacesMessages.info("Image removed.");
    } catch (DomainException refusal) {
      FacesMessages.refused(refusal, field -> null);
    }
  }

  /** The URL of the image's medium rendition, or null when the event has none. */
  public String getImageUrl() {
    EventImageView image = saved == null ? null : saved.image();
    if (image == null) {
      return null;
    }
    return image.renditions().stream()
        .filter(r -> r.name().equals("medium"))
        .findFirst()
        .orElse(image.renditions().get(0))
        .url();
  }

  public Part getImageFile() {
    return imageFile;
  }

  public void setImageFile(Part imageFile) {
    this.imageFile = imageFile;
  }

  /** Reports the request's violations; false when they, or an unreadable date, stop the save. */
  private <T> boolean valid(T request) {
    var violations = validator.validate(request);
    FacesMessages.violations(violations, this::clientId);
    return violations.isEmpty() && !FacesContext.getCurrentInstance().isValidationFailed();
  }

  /** The time typed in an input, or null (with a message next to it) when it cannot be read. */
  private OffsetDateTime time(String value, String input) {
    try {
      return EventTimes.parse(value, form.getTimeZone());
    } catch (EventTimes.Unreadable unreadable) {
      FacesMessages.fieldError(EventFieldIds.FORM + ":" + input, unreadable.getMessage());
      return null;
    }
  }

  private String clientId(String field) {
    return new EventFieldIds(form.getTiers(), saved == null).clientId(field);
  }

  public boolean isCreating() {
    return saved == null;
  }

  public boolean isEditable() {
    return saved == null
        || saved.status() == EventStatus.DRAFT
        || saved.status() == EventStatus.PUBLISHED;
  }

  public EventView getSaved() {
    return saved;
  }

  public EventForm getForm() {
    return form;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public boolean isJustCreated() {
    return justCreated;
  }

  public void setJustCreated(boolean justCreated) {
    this.justCreated = justCreated;
  }
}
