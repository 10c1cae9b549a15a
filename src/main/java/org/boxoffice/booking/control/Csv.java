package org.boxoffice.booking.control;

import java.util.List;

/**
 * CSV per RFC 4180 (CRLF line ends, fields with a comma, quote or line break quoted, quotes
 * doubled), safe to open in a spreadsheet: a cell that starts with {@code = + - @}, a tab or a
 * carriage return is prefixed with {@code '} so it is never taken for a formula.
 */
public final class Csv {
  private Csv() {}

  public static String row(List<?> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(cell(cells.get(i)));
    }
    return line.append("\r\n").toString();
  }

  static String cell(Object value) {
    String text = value == null ? "" : value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
