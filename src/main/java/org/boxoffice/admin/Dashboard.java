package org.boxoffice.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.boxoffice.booking.boundary.DailySales;
import org.boxoffice.booking.boundary.EventStats;
import org.boxoffice.booking.boundary.OrganizerViews;
import org.boxoffice.events.boundary.EventSummary;

/**
 * The organizer's events with their figures (the same {@code OrganizerViews.stats} as {@code GET
 * /events/{id}/stats}) and a chart of seats sold over time per event.
 */
@Named
@ViewScoped
public class Dashboard implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One row of the dashboard. */
  public record Row(EventSummary event, EventStats stats) implements Serializable {
    private static final long serialVersionUID = 1L;

    public int getPercentSold() {
      return stats.capacity() == 0 ? 0 : (int) (100 * stats.seatsSold() / stats.capacity());
    }
  }

  @Inject AdminSession session;
  @Inject OrganizerEvents organizerEvents;
  @Inject OrganizerViews views;

  private List<Row> rows;
  private String chart;
  private long seatsSold;

  @PostConstruct
  void load() {
    rows = new ArrayList<>();
    Map<String, List<DailySales>> sales = new TreeMap<>();
    for (EventSummary event : organizerEvents.of(session.userId())) {
      EventStats stats = views.stats(event.id(), session.userId());
      rows.add(new Row(event, stats));
      seatsSold += stats.seatsSold();
      List<DailySales> days = views.salesByDay(event.id(), session.userId());
      if (!days.isEmpty()) {
        sales.put(event.title() + " (#" + event.id() + ")", days);
      }
    }
    chart = chartJson(sales);
  }

  /** A Chart.js line chart: cumulative seats sold per event, one label per day with sales. */
  static String chartJson(Map<String, List<DailySales>> sales) {
    TreeSet<LocalDate> days = new TreeSet<>();
    sales.values().forEach(list -> list.forEach(d -> days.add(d.day())));
    JsonArrayBuilder labels = Json.createArrayBuilder();
    days.forEach(day -> labels.add(day.toString()));
    JsonArrayBuilder datasets = Json.createArrayBuilder();
    sales.forEach(
        (event, list) -> {
          Map<LocalDate, Long> perDay = new TreeMap<>();
          list.forEach(d -> perDay.put(d.day(), d.seats()));
          JsonArrayBuilder data = Json.createArrayBuilder();
          long total = 0;
          for (LocalDate day : days) {
            total += perDay.getOrDefault(day, 0L);
            data.add(total);
          }
          datasets.add(
              Json.createObjectBuilder()
                  .add("label", event)
                  .add("data", data)
                  .add("fill", false)
                  .add("tension", 0.2));
        });
    JsonObjectBuilder options =
        Json.createObjectBuilder()
            .add("responsive", true)
            .add("maintainAspectRatio", false)
            .add(
                "plugins",
                Json.createObjectBuilder()
                    .add(
                        "title",
                        Json.createObjectBuilder()
                            .add("display", true)
                            .add("text", "Seats sold over time")));
    return Json.createObjectBuilder()
        .add("type", "line")
        .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
        .add("options", options)
        .build()
        .toString()
        // Titles are the organizer's text: never let one close the script block it lands in.
        .replace("<", "\\u003c");
  }

  public List<Row> getRows() {
    return rows;
  }

  public String getChart() {
    return chart;
  }

  public boolean isHasSales() {
    return rows.stream().anyMatch(r -> r.stats().seatsSold() > 0);
  }

  public long getSeatsSold() {
    return seatsSold;
  }
}
