package org.boxoffice.attendee;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.boxoffice.events.boundary.Catalog;
import org.boxoffice.events.boundary.EventView;
import org.boxoffice.events.entity.EventStatus;
import org.boxoffice.notifications.control.NotificationSettings;
import org.boxoffice.platform.entity.DomainException;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * {@code /events/{id}}, an event's public page: what the public catalog shows of it (a draft is not
 * found, as on the API), its date in the event's own time zone, its tiers with the seats left at
 * load time (the page's script then follows the availability stream), a calendar file and a share
 * link with Open Graph tags. The view is transient (it has no form, so no view state is kept);
 * MyFaces' flash still opens an HTTP session per visitor.
 */
@Named
@RequestScoped
public class EventPage {
  @Inject Catalog catalog;
  @Inject @ConfigProperties NotificationSettings settings;
  @Inject PageLocale pageLocale;

  private String id;
  private EventView event;

  /**
   * Loads the event; an unknown id, a malformed one or a draft answers 404 with the page's text.
   */
  public void load() {
    try {
      event = catalog.event(Long.parseLong(id), null);
    } catch (NumberFormatException | DomainException notShown) {
      event = null;
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
    }
  }

  /** A tier as the page shows it (getters: the pages' EL 5 does not read record components). */
  public record Tier(long id, String name, String price, int available, boolean onSale) {
    public long getId() {
      return id;
    }

    public String getName() {
      return name;
    }

    public String getPrice() {
      return price;
    }

    public int getAvailable() {
      return available;
    }

    public boolean isOnSale() {
      return onSale;
    }
  }

  public boolean isFound() {
    return event != null;
  }

  public long getEventId() {
    return event.id();
  }

  public String getTitle() {
    return event.title();
  }

  public String getLocation() {
    return event.location();
  }

  public String getDescription() {
    return event.description();
  }

  public String getTimeZone() {
    return event.timeZone();
  }

  /** The start as an ISO date-time with offset, for {@code <time datetime>}. */
  public String getStartIso() {
    return event.startDate().toString();
  }

  public boolean isCancelled() {
    return event.status() == EventStatus.CANCELLED;
  }

  public boolean isPast() {
    return event.status() == EventStatus.COMPLETED;
  }

  /** The start in the event's time zone, written the locale's way. */
  public String getStarts() {
    return when(event.startDate());
  }

  public String getEnds() {
    return when(event.endDate());
  }

  public List<Tier> getTiers() {
    return event.ticketTypes().stream()
        .map(
            tier ->
                new Tier(
                    tier.id(),
                    tier.name(),
                    money(tier.price()),
                    tier.available(),
                    !tier.closed() && event.status() == EventStatus.PUBLISHED))
        .toList();
  }

  /** The seats left, in the locale's digits and grouping. */
  public String getAvailableSeats() {
    return NumberFormat.getIntegerInstance(pageLocale.getLocale()).format(event.availableSeats());
  }

  /** The page's own address under the public base URL, for sharing and Open Graph. */
  public String getShareUrl() {
    return base() + "/events/" + event.id();
  }

  /** The text of the Open Graph description: where and when. */
  public String getSummary() {
    String description = event.description() == null ? "" : event.description().strip();
    String head = getStarts() + " · " + event.location();
    return description.isEmpty() ? head : head + " — " + abbreviate(description, 200);
  }

  /** The largest rendition of the event's image, absolute, or null when it has none. */
  public String getImageUrl() {
    if (event.image() == null || event.image().renditions().isEmpty()) {
      return null;
    }
    String url = event.image().renditions().get(0).url();
    return url.startsWith("/") ? base() + url : url;
  }

  private String when(OffsetDateTime at) {
    Locale locale = pageLocale.getLocale();
    return at.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale))
        + " "
        + at.format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale));
  }

  private String money(BigDecimal amount) {
    if (amount.signum() == 0) {
      return Texts.get("event.free");
    }
    NumberFormat format = NumberFormat.getCurrencyInstance(pageLocale.getLocale());
    Currency currency = Currency.getInstance(event.currency());
    format.setCurrency(currency);
    format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
    format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
    return format.format(amount);
  }

  private String base() {
    String url = settings.publicBaseUrl;
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
