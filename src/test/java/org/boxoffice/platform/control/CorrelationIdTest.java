package org.boxoffice.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CorrelationIdTest {
  private static final String GENERATED =
      "req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @AfterEach
  void endRequest() {
    CorrelationId.end();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "abc-123",
        "0f8fad5b-d9cb-469f-a165-70867728950e",
        "trace_42.span-7",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._"
      })
  void aSaneIdFromTheClientIsKept(String id) {
    assertThat(CorrelationId.acceptOrGenerate(id)).isEqualTo(id);
  }

  @Test
  void sixtyFourCharactersAreStillSane() {
    String id = "x".repeat(64);
    assertThat(CorrelationId.acceptOrGenerate(id)).isEqualTo(id);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        " ",
        "abc def",
        " abc",
        "abc\r\nSet-Cookie: session=stolen",
        "abc\n",
        "abc\r",
        "abc\tdef",
        "<script>alert(1)</script>",
        "id\"}",
        "../../etc/passwd",
        "id;drop",
        "idé",
        "id\u0000"
      })
  void anythingElseIsReplacedByAFreshId(String hostile) {
    assertThat(CorrelationId.acceptOrGenerate(hostile)).matches(GENERATED).isNotEqualTo(hostile);
  }

  @Test
  void anOverLongIdIsReplaced() {
    assertThat(CorrelationId.acceptOrGenerate("x".repeat(65))).matches(GENERATED);
    assertThat(CorrelationId.acceptOrGenerate("x".repeat(10_000))).matches(GENERATED);
  }

  @Test
  void freshIdsAreSaneAndDistinct() {
    String one = CorrelationId.acceptOrGenerate(null);
    String two = CorrelationId.acceptOrGenerate(null);

    assertThat(one).isNotEqualTo(two);
    // A generated id passes the same check when a client sends it back.
    assertThat(CorrelationId.acceptOrGenerate(one)).isEqualTo(one);
  }

  @Test
  void currentIsTheRequestsIdUntilItEnds() {
    CorrelationId.begin("abc-123");
    assertThat(CorrelationId.current()).isEqualTo("abc-123");

    CorrelationId.end();
    assertThat(CorrelationId.current()).startsWith("job-").isNotEqualTo(CorrelationId.current());
  }
}
