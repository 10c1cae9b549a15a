package org.boxoffice.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FailuresTest {

  @Test
  void connectionClassSqlExceptionsAreUnreachable() {
    assertThat(Failures.isDatabaseUnreachable(new SQLTransientConnectionException("pool empty")))
        .isTrue();
    assertThat(Failures.isDatabaseUnreachable(new SQLNonTransientConnectionException("closed")))
        .isTrue();
    assertThat(Failures.isDatabaseUnreachable(new SQLRecoverableException("gone"))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"08000", "08001", "08003", "08004", "08006", "08P01", "57P01", "57P02", "57P03"})
  void sqlStateClass08IsUnreachable(String state) {
    assertThat(Failures.isDatabaseUnreachable(new SQLException("connection failure", state)))
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"23505", "23503", "40001", "40P01", "42P01", "57014", "80000", "0"})
  void otherSqlStatesAreNotUnreachable(String state) {
    assertThat(Failures.isDatabaseUnreachable(new SQLException("refused query", state))).isFalse();
  }

  @Test
  void aUniqueViolationIsNotUnreachable() {
    SQLException duplicate =
        new SQLIntegrityConstraintViolationException(
            "duplicate key value violates unique constraint", "23505");
    assertThat(Failures.isDatabaseUnreachable(duplicate)).isFalse();
    assertThat(Failures.isDatabaseUnreachable(new RuntimeException("tx failed", duplicate)))
        .isFalse();
  }

  @Test
  void anSqlExceptionWithoutStateIsNotUnreachable() {
    assertThat(Failures.isDatabaseUnreachable(new SQLException("no state"))).isFalse();
  }

  @Test
  void unreachableIsFoundDeepInTheCauseChain() {
    Throwable wrapped =
        new IllegalStateException(
            "persistence failed",
            new RuntimeException(
                "rollback", new SQLException("I/O error", "08006", new IOException("reset"))));
    assertThat(Failures.isDatabaseUnreachable(wrapped)).isTrue();
  }

  @Test
  void aRefusedSocketIsUnreachable() {
    assertThat(
            Failures.isDatabaseUnreachable(
                new UncheckedIOException(new ConnectException("Connection refused"))))
        .isTrue();
  }

  @Test
  void libertysConnectionExceptionsAreRecognisedByName() {
    assertThat(Failures.isDatabaseUnreachable(new StaleConnectionException())).isTrue();
    assertThat(Failures.isDatabaseUnreachable(new ConnectionWaitTimeoutException())).isTrue();
  }

  @Test
  void nothingSqlIsNotUnreachable() {
    assertThat(Failures.isDatabaseUnreachable(null)).isFalse();
    assertThat(Failures.isDatabaseUnreachable(new IllegalArgumentException("bad input"))).isFalse();
  }

  @Test
  void aSelfCausedExceptionEndsTheWalk() {
    assertThat(Failures.isDatabaseUnreachable(new SelfCaused())).isFalse();
    assertThat(Failures.jsonProperty(new SelfCaused())).isEmpty();
  }

  @Test
  void findReturnsTheFirstOfTheType() {
    SQLException inner = new SQLException("inner", "08001");
    SQLException outer = new SQLException("outer", "XX000", inner);
    assertThat(Failures.find(new RuntimeException(outer), SQLException.class)).containsSame(outer);
    assertThat(Failures.find(outer, ConnectException.class)).isEmpty();
  }

  @Test
  void theJsonPropertyIsReadFromTheCauseChain() {
    Throwable failure =
        new RuntimeException(
            "could not read the body",
            new JsonbException(
                "Unable to deserialize property 'quantity' because of: not a number"));

    assertThat(Failures.jsonProperty(failure)).contains("quantity");
    assertThat(Failures.isMalformedJson(failure)).isTrue();
  }

  @Test
  void theFirstNamedPropertyWins() {
    Throwable failure =
        new JsonbException(
            "Error deserializing property 'ticketTypes'",
            new JsonbException("Unable to deserialize property 'price'"));
    assertThat(Failures.jsonProperty(failure)).contains("ticketTypes");
  }

  @Test
  void noPropertyWhenNoneIsNamedOrTheNameIsNotSane() {
    assertThat(Failures.jsonProperty(new JsonException("Unexpected char 43 at (line no=1)")))
        .isEmpty();
    assertThat(Failures.jsonProperty(new RuntimeException((String) null))).isEmpty();
    assertThat(Failures.jsonProperty(new JsonbException("property '<script>'"))).isEmpty();
    assertThat(Failures.jsonProperty(new JsonbException("property ''"))).isEmpty();
  }

  @Test
  void malformedJsonIsAJsonOrYassonFailureOnly() {
    assertThat(Failures.isMalformedJson(new JsonException("bad"))).isTrue();
    assertThat(Failures.isMalformedJson(new IllegalArgumentException("bad"))).isFalse();
    assertThat(Failures.isMalformedJson(new SQLException("bad", "23505"))).isFalse();
  }

  /** Named like Liberty's own, which the application cannot import. */
  private static final class StaleConnectionException extends SQLException {}

  private static final class ConnectionWaitTimeoutException extends SQLException {}

  private static final class SelfCaused extends RuntimeException {
    @Override
    public synchronized Throwable getCause() {
      return this;
    }
  }
}
