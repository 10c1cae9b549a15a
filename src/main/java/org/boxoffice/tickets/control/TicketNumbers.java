package org.boxoffice.tickets.control;

import java.security.SecureRandom;

/**
 * Ticket numbers people can read out at a door: {@code BX-7K3Q-9D2M}, 8 random characters of
 * Crockford's base 32 (no I, L, O, U to misread), 40 bits, unique by the database's index.
 */
public final class TicketNumbers {
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private TicketNumbers() {}

  public static String next() {
    StringBuilder number = new StringBuilder("BX-");
    for (int i = 0; i < 8; i++) {
      if (i == 4) {
        number.append('-');
      }
      number.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return number.toString();
  }
}
