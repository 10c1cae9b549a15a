package org.boxoffice.identity.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/** The verified caller reads like MicroProfile JWT's JsonWebToken, types included. */
class TokenPrincipalTest {

  @Test
  void claims_have_the_types_microprofile_jwt_gives_them() {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer("boxoffice");
    claims.setAudience("boxoffice-api");
    claims.setSubject("42");
    claims.setClaim("upn", "ana@example.com");
    claims.setClaim("email", "ana@example.com");
    claims.setStringListClaim("groups", List.of("ORGANIZER"));
    claims.setStringListClaim("amr", List.of("pwd", "otp"));
    claims.setClaim("sid", "session-1");
    claims.setJwtId("jti-1");
    claims.setIssuedAt(NumericDate.fromSeconds(1_800_000_000L));
    claims.setExpirationTime(NumericDate.fromSeconds(1_800_000_900L));

    JsonWebToken token = new TokenPrincipal("raw.token.text", claims);

    assertThat(token.getName()).isEqualTo("ana@example.com");
    assertThat(token.getSubject()).isEqualTo("42");
    assertThat(token.getIssuer()).isEqualTo("boxoffice");
    assertThat(token.getAudience()).isEqualTo(Set.of("boxoffice-api"));
    assertThat(token.getGroups()).isEqualTo(Set.of("ORGANIZER"));
    assertThat(token.getExpirationTime()).isEqualTo(1_800_000_900L);
    assertThat(token.getIssuedAtTime()).isEqualTo(1_800_000_000L);
    assertThat(token.getTokenID()).isEqualTo("jti-1");
    assertThat(token.getRawToken()).isEqualTo("raw.token.text");
    assertThat(token.<String>getClaim("email")).isEqualTo("ana@example.com");
    assertThat(token.<String>getClaim("sid")).isEqualTo("session-1");
    assertThat(token.<JsonArray>getClaim("amr").getValuesAs(JsonString::getString))
        .containsExactly("pwd", "otp");
    assertThat(token.containsClaim("nbf")).isFalse();
    assertThat(token.getClaimNames()).contains("sub", "groups", "raw_token");
  }

  @Test
  void without_upn_the_name_is_the_subject() {
    JwtClaims claims = new JwtClaims();
    claims.setSubject("42");
    assertThat(new TokenPrincipal("raw", claims).getName()).isEqualTo("42");
  }
}
