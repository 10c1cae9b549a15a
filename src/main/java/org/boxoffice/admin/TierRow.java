package org.boxoffice.admin;

import java.io.Serializable;
import java.math.BigDecimal;
import org.boxoffice.events.boundary.TicketTypeView;

/** A ticket type as the event form edits it; {@code id} is null for one not saved yet. */
public class TierRow implements Serializable {
  private static final long serialVersionUID = 1L;
  private Long id;
  private String name;
  private BigDecimal price;
  private Integer quantity;
  private Integer maxPerOrder;
  private int available;

  /** The row of a saved ticket type, as the boundary shows it. */
  static TierRow of(TicketTypeView saved) {
    TierRow row = new TierRow();
    row.id = saved.id();
    row.name = saved.name();
    row.price = saved.price();
    row.quantity = saved.quantity();
    row.maxPerOrder = saved.maxPerOrder();
    row.available = saved.available();
    return row;
  }

  boolean isSaved() {
    return id != null;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public BigDecimal getPrice() {
    return price;
  }

  public void setPrice(BigDecimal price) {
    this.price = price;
  }

  public Integer getQuantity() {
    return quantity;
  }

  public void setQuantity(Integer quantity) {
    this.quantity = quantity;
  }

  public Integer getMaxPerOrder() {
    return maxPerOrder;
  }

  public void setMaxPerOrder(Integer maxPerOrder) {
    this.maxPerOrder = maxPerOrder;
  }

  public int getAvailable() {
    return available;
  }
}
