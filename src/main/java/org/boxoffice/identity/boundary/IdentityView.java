package org.boxoffice.identity.boundary;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.boxoffice.identity.entity.ExternalIdentity;

/** A linked identity at an OpenID Connect provider, as the account's owner sees it. */
public record IdentityView(String provider, String email, OffsetDateTime linkedAt) {
  static IdentityView of(ExternalIdentity identity) {
    return new IdentityView(
        identity.provider(), identity.email(), identity.linkedAt().atOffset(ZoneOffset.UTC));
  }
}
