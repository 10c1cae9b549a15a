package org.boxoffice.tickets.control;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Ticket numbers people can read out at a door: {@code BX-7K3Q-9D2M}, 8 random characters of
 * Crockford's base 32 (no I, L, O, U to misread), 40 bits, unique by the database's index.
 */
public final class TicketNumbers {
  private static final String DIGITS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final char[] ALPHABET = DIGITS.toCharArray();
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

  /**
   * The ticket number someone typed, in its printed form: case, spaces and dashes do not matter,
   * the {@code BX} prefix may be left out, and O, I and L are read as 0, 1 and 1 as Crockford
   * intends ({@code bx 7k3q 9d2m} is {@code BX-7K3Q-9D2M}); empty for anything else.
   */
  public static Optional<String> parse(String typed) {
    if (typed == null || typed.length() > 40) {
      return Optional.empty();
    }
    String compact = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    if (compact.length() == 10 && compact.startsWith("BX")) {
      compact = compact.substring(2);
    }
    if (compact.length() != 8) {
      return Optional.empty();
    }
    StringBuilder number = new StringBuilder("BX-");
    for (int i = 0; i < compact.length(); i++) {
      char c =
          switch (compact.charAt(i)) {
            case 'O' -> '0';
            case 'I', 'L' -> '1';
            default -> compact.charAt(i);
          };
      if (DIGITS.indexOf(c) < 0) {
        return Optional.empty();
      }
      if (i == 4) {
        number.append('-');
      }
      number.append(c);
    }
    return Optional.of(number.toString());
  }
}
