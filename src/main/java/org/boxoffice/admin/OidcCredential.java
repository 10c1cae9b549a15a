package org.boxoffice.admin;

import jakarta.security.enterprise.credential.Credential;
import org.boxoffice.identity.boundary.OidcAuthorization;
import org.boxoffice.identity.entity.ExternalIdentityClaims;

/**
 * What the provider's return hands to Jakarta Security: either the flow under way with the code and
 * state the provider sent back, or, for an account with two-factor sign-in, the identity the
 * provider already proved with the authenticator code. {@link AdminIdentityStore} checks it.
 */
record OidcCredential(
    OidcAuthorization flow,
    String code,
    String state,
    ExternalIdentityClaims proved,
    String totpCode)
    implements Credential {

  static OidcCredential returned(OidcAuthorization flow, String code, String state) {
    return new OidcCredential(flow, code, state, null, null);
  }

  static OidcCredential secondFactor(ExternalIdentityClaims proved, String totpCode) {
    return new OidcCredential(null, null, null, proved, totpCode);
  }
}
