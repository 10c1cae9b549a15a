package org.boxoffice.admin;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the events boundary's field names ({@code title}, {@code ticketTypes[1].price}, {@code
 * addTicketTypes[0]}) to the client ids of the event page's inputs, so a refusal shows next to the
 * input it is about.
 */
final class EventFieldIds {
  static final String FORM = "event";
  private static final Pattern TIER_FIELD =
      Pattern.compile("(ticketTypes|addTicketTypes)\\[(\\d+)]\\.?(\\w*)");
  private static final List<String> TIER_INPUTS =
      List.of("name", "price", "quantity", "maxPerOrder");

  private final List<TierRow> tiers;
  private final boolean creating;

  /**
   * @param tiers the form's rows, in page order
   * @param creating true when the request was a create (every row is in {@code ticketTypes})
   */
  EventFieldIds(List<TierRow> tiers, boolean creating) {
    this.tiers = tiers;
    this.creating = creating;
  }

  /** The client id of the input an API field name is about, or null when none shows it. */
  String clientId(String field) {
    Matcher tier = TIER_FIELD.matcher(field);
    if (tier.matches()) {
      int index = Integer.parseInt(tier.group(2));
      int row = "addTicketTypes".equals(tier.group(1)) ? rowOfNew(index) : rowOfSaved(index);
      String input = tier.group(3).isEmpty() ? "name" : tier.group(3);
      return row < 0 || !TIER_INPUTS.contains(input) ? null : FORM + ":tiers:" + row + ":" + input;
    }
    return switch (field) {
      case "title",
          "description",
          "location",
          "timeZone",
          "capacity",
          "currency",
          "paymentGateway" ->
          FORM + ":" + field;
      case "startDate" -> FORM + ":start";
      case "endDate" -> FORM + ":end";
      default -> null;
    };
  }

  /** Creating, ticketTypes[i] is row i; editing, it is the i-th saved row (the rest are new). */
  private int rowOfSaved(int index) {
    if (creating) {
      return index < tiers.size() ? index : -1;
    }
    return nth(index, true);
  }

  private int rowOfNew(int index) {
    return nth(index, false);
  }

  private int nth(int index, boolean saved) {
    int seen = 0;
    for (int row = 0; row < tiers.size(); row++) {
      if (tiers.get(row).isSaved() == saved && seen++ == index) {
        return row;
      }
    }
    return -1;
  }
}
