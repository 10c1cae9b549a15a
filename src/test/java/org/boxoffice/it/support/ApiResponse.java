package org.boxoffice.it.support;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpHeaders;

/** One HTTP answer, with accessors for the envelope of API.md. */
public record ApiResponse(int status, HttpHeaders headers, String body) {

  public JsonObject json() {
    return Api.parse(body);
  }

  /** {@code data} of a success envelope, as an object. */
  public JsonObject data() {
    return json().getJsonObject("data");
  }

  /** {@code error} of a failure envelope. */
  public JsonObject error() {
    return json().getJsonObject("error");
  }

  public String errorCode() {
    return error().getString("code");
  }

  /** The field names in {@code error.details}. */
  public java.util.List<String> errorFields() {
    return error().getJsonArray("details").stream()
        .map(JsonValue::asJsonObject)
        .map(detail -> detail.getString("field"))
        .toList();
  }

  public String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
