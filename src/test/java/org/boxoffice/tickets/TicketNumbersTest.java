package org.boxoffice.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import org.boxoffice.tickets.control.TicketNumbers;
import org.junit.jupiter.api.Test;

class TicketNumbersTest {
  @Test
  void a_typed_number_is_read_the_way_it_is_printed() {
    String number = TicketNumbers.next();
    assertThat(TicketNumbers.parse(number)).contains(number);
    assertThat(TicketNumbers.parse(number.toLowerCase())).contains(number);
    assertThat(TicketNumbers.parse(" " + number.replace("-", " ") + " ")).contains(number);
    assertThat(TicketNumbers.parse(number.substring(3))).contains(number);
    assertThat(TicketNumbers.parse("bx-7k3q-9d2m")).contains("BX-7K3Q-9D2M");
    assertThat(TicketNumbers.parse("BX-OIL0-0000")).contains("BX-0110-0000");
  }

  @Test
  void anything_else_is_not_a_ticket_number() {
    assertThat(TicketNumbers.parse(null)).isEmpty();
    assertThat(TicketNumbers.parse("hello")).isEmpty();
    assertThat(TicketNumbers.parse("BX-7K3Q-9D2U")).isEmpty();
    assertThat(TicketNumbers.parse("BX-7K3Q-9D2MM")).isEmpty();
    assertThat(TicketNumbers.parse("BX1.1.BX-0000-0000.x")).isEmpty();
    assertThat(TicketNumbers.parse("x".repeat(200))).isEmpty();
  }
}
