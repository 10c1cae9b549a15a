package org.boxoffice.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.boxoffice.it.support.TestDatabase.Urls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TestDatabaseTest {
  private static final String NAME = "boxoffice_it_arq";

  @Test
  void theTestDatabaseTakesThePlaceOfTheDatabaseInTheUrl() {
    assertThat(TestDatabase.urls("jdbc:postgresql://127.0.0.1:5432/postgres", NAME))
        .isEqualTo(
            new Urls(
                "jdbc:postgresql://127.0.0.1:5432/postgres",
                "jdbc:postgresql://127.0.0.1:5432/boxoffice_it_arq"));
  }

  @Test
  void theQueryIsKeptOnBothUrls() {
    assertThat(
            TestDatabase.urls(
                "jdbc:postgresql://db.internal:6432/postgres?sslmode=require&ApplicationName=ci",
                NAME))
        .isEqualTo(
            new Urls(
                "jdbc:postgresql://db.internal:6432/postgres?sslmode=require&ApplicationName=ci",
                "jdbc:postgresql://db.internal:6432/boxoffice_it_arq"
                    + "?sslmode=require&ApplicationName=ci"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jdbc:postgresql://127.0.0.1:5432",
        "jdbc:postgresql://127.0.0.1:5432/",
        "  jdbc:postgresql://127.0.0.1:5432/  "
      })
  void aUrlWithoutDatabaseAdministersThroughPostgres(String url) {
    assertThat(TestDatabase.urls(url, NAME))
        .isEqualTo(
            new Urls(
                "jdbc:postgresql://127.0.0.1:5432/postgres",
                "jdbc:postgresql://127.0.0.1:5432/boxoffice_it_arq"));
  }

  @Test
  void aUrlWithoutDatabaseKeepsItsQuery() {
    assertThat(TestDatabase.urls("jdbc:postgresql://localhost?ssl=false", NAME))
        .isEqualTo(
            new Urls(
                "jdbc:postgresql://localhost/postgres?ssl=false",
                "jdbc:postgresql://localhost/boxoffice_it_arq?ssl=false"));
  }

  @Test
  void theDatabaseOfTheUrlIsTheAdminDatabase() {
    assertThat(TestDatabase.urls("jdbc:postgresql://localhost:5432/ci_admin", NAME).admin())
        .isEqualTo("jdbc:postgresql://localhost:5432/ci_admin");
  }

  @Test
  void aUrlNamingTheTestDatabaseItselfAdministersThroughPostgres() {
    // A database cannot be dropped by a connection to it.
    assertThat(TestDatabase.urls("jdbc:postgresql://localhost:5432/boxoffice_it_arq", NAME))
        .isEqualTo(
            new Urls(
                "jdbc:postgresql://localhost:5432/postgres",
                "jdbc:postgresql://localhost:5432/boxoffice_it_arq"));
  }

  @Test
  void severalHostsAndIpv6AddressesAreKept() {
    assertThat(
            TestDatabase.urls(
                    "jdbc:postgresql://pg1:5432,pg2:5432/postgres?targetServerType=primary", NAME)
                .test())
        .isEqualTo("jdbc:postgresql://pg1:5432,pg2:5432/boxoffice_it_arq?targetServerType=primary");
    assertThat(TestDatabase.urls("jdbc:postgresql://[::1]:5432/postgres", NAME).test())
        .isEqualTo("jdbc:postgresql://[::1]:5432/boxoffice_it_arq");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "jdbc:mysql://127.0.0.1:3306/postgres",
        "postgres://127.0.0.1:5432/postgres",
        "jdbc:postgresql:postgres",
        "jdbc:postgresql:///postgres",
        "jdbc:postgresql://127.0.0.1:5432/postgres/extra",
        "jdbc:postgresql://127.0.0.1:5432/post gres"
      })
  void anythingButAPostgresqlServerUrlIsRefused(String url) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TestDatabase.urls(url, NAME))
        .withMessageContaining("DB_URL must look like jdbc:postgresql://");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "Boxoffice_it",
        "1boxoffice",
        "_boxoffice",
        "boxoffice-it",
        "boxoffice_it; drop database postgres",
        "boxoffice\"it",
        // 64 characters: one more than PostgreSQL keeps
        "a123456789012345678901234567890123456789012345678901234567890123"
      })
  void anUnsafeDatabaseNameIsRefusedBeforeAnySql(String name) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TestDatabase.urls("jdbc:postgresql://127.0.0.1:5432/postgres", name))
        .withMessageContaining("not a safe database name");
  }

  @Test
  void theLongestSafeNameIsAccepted() {
    String name = "a12345678901234567890123456789012345678901234567890123456789012";
    assertThat(name).hasSize(63);
    assertThat(TestDatabase.urls("jdbc:postgresql://127.0.0.1:5432/postgres", name).test())
        .endsWith("/" + name);
  }

  @Test
  void serverEnvKeepsOtherSettingsAndReplacesTheDatabase() {
    String first =
        TestDatabase.serverEnv(
            "keystore_password=secret\n", "jdbc:postgresql://h/one", "postgres", "pw");
    String second = TestDatabase.serverEnv(first, "jdbc:postgresql://h/two", "app", "");

    assertThat(second)
        .isEqualTo(
            "keystore_password=secret\n"
                + "DB_URL=jdbc:postgresql://h/two\n"
                + "DB_USER=app\n"
                + "DB_PASSWORD=\n");
  }

  @Test
  void serverEnvIsWrittenFromNothing() {
    assertThat(TestDatabase.serverEnv("", "jdbc:postgresql://h/db", "u", "p"))
        .isEqualTo("DB_URL=jdbc:postgresql://h/db\nDB_USER=u\nDB_PASSWORD=p\n");
  }
}
