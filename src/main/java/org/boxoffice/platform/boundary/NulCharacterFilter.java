package org.boxoffice.platform.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses the NUL character (U+0000) in query parameters, path parameters and JSON bodies with 400
 * VALIDATION_FAILED naming the field. PostgreSQL cannot store or compare NUL in text (SQLState
 * 22021), so without this a NUL in a search term, a coupon code or an e-mail address reached the
 * database and came back as a 500 (found by the bad-input sweep, InputSweepIT).
 */
@Provider
@ApplicationScoped
@Priority(Priorities.ENTITY_CODER)
public class NulCharacterFilter implements ContainerRequestFilter {
  private static final byte[] ESCAPED_NUL = "\\u0000".getBytes(StandardCharsets.US_ASCII);

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    Set<String> fields = new LinkedHashSet<>();
    collect(request.getUriInfo().getQueryParameters(), fields);
    collect(request.getUriInfo().getPathParameters(), fields);
    if (request.hasEntity() && isJson(request.getMediaType())) {
      byte[] body = request.getEntityStream().readAllBytes();
      request.setEntityStream(new ByteArrayInputStream(body));
      if (containsEscapedNul(body)) {
        fields.addAll(jsonFieldsWithNul(body));
      }
    }
    if (!fields.isEmpty()) {
      throw new ApiException(
          400,
          ErrorCodes.VALIDATION_FAILED,
          "The request contains the NUL character",
          fields.stream()
              .map(field -> new Envelope.FieldError(field, "must not contain the NUL character"))
              .toList());
    }
  }

  private static void collect(MultivaluedMap<String, String> parameters, Set<String> fields) {
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      if (parameter.getKey().indexOf('\0') >= 0) {
        fields.add("query");
      }
      for (String value : parameter.getValue()) {
        if (value != null && value.indexOf('\0') >= 0) {
          fields.add(parameter.getKey().replace('\0', '?'));
        }
      }
    }
  }

  private static boolean isJson(MediaType type) {
    return type != null
        && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
            || type.getSubtype().endsWith("+json"));
  }

  /**
   * Whether the body has the escape {@code \u0000} not itself escaped (a JSON text cannot hold a
   * raw NUL inside a string; outside one the parser refuses it anyway).
   */
  static boolean containsEscapedNul(byte[] body) {
    for (int i = 0; i + ESCAPED_NUL.length <= body.length; i++) {
      if (body[i] == '\\' && matchesAt(body, i)) {
        int backslashes = 0;
        for (int j = i - 1; j >= 0 && body[j] == '\\'; j--) {
          backslashes++;
        }
        if (backslashes % 2 == 0) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matchesAt(byte[] body, int at) {
    for (int k = 1; k < ESCAPED_NUL.length; k++) {
      if (body[at + k] != ESCAPED_NUL[k]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The dotted paths of the JSON members whose name or string value holds a NUL ({@code body} when
   * it is at the top level or the body is not valid JSON, which the binding refuses later anyway).
   */
  static Set<String> jsonFieldsWithNul(byte[] body) {
    Set<String> fields = new LinkedHashSet<>();
    Deque<String> path = new ArrayDeque<>();
    String key = null;
    try (InputStream in = new ByteArrayInputStream(body);
        JsonParser parser = Json.createParser(in)) {
      while (parser.hasNext()) {
        switch (parser.next()) {
          case KEY_NAME -> {
            key = parser.getString();
            if (key.indexOf('\0') >= 0) {
              fields.add(dotted(path, "body"));
            }
          }
          case START_OBJECT, START_ARRAY -> {
            path.addLast(key == null ? "" : key);
            key = null;
          }
          case END_OBJECT, END_ARRAY -> {
            path.pollLast();
            key = null;
          }
          case VALUE_STRING -> {
            if (parser.getString().indexOf('\0') >= 0) {
              fields.add(dotted(path, key == null ? "body" : key));
            }
            key = null;
          }
          default -> key = null;
        }
      }
    } catch (JsonException | IOException notJson) {
      if (fields.isEmpty()) {
        fields.add("body");
      }
    }
    if (fields.isEmpty()) {
      fields.add("body");
    }
    return fields;
  }

  private static String dotted(Deque<String> path, String last) {
    StringBuilder dotted = new StringBuilder();
    for (String part : path) {
      if (!part.isEmpty()) {
        dotted.append(part).append('.');
      }
    }
    return dotted.append(last).toString();
  }
}
