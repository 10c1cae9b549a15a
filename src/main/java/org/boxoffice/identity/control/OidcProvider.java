package org.boxoffice.identity.control;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.boxoffice.identity.entity.Role;

/**
 * One configured OpenID Connect provider: who it is (its issuer, discovered through {@code
 * /.well-known/openid-configuration}), how Boxoffice is registered with it, and the rules for the
 * accounts it may create.
 *
 * @param name the name in {@code OIDC_PROVIDERS} and in the API's paths, lower case
 * @param label what the sign-in button says ("Google", "Corp")
 * @param allowedEmailDomains when not empty, only verified emails of these domains may sign in
 * @param newAccountRole the role of an account this provider's first sign-in creates
 * @param groupsClaim the ID-token claim holding the person's groups
 * @param organizerGroup a group that makes a new account an ORGANIZER, if any
 */
public record OidcProvider(
    String name,
    String label,
    String issuer,
    String clientId,
    Optional<String> clientSecret,
    List<String> allowedEmailDomains,
    Role newAccountRole,
    String groupsClaim,
    Optional<String> organizerGroup) {

  /** Whether the email may sign in with this provider (the domain rule; no domains: any). */
  public boolean allowsDomainOf(String email) {
    if (allowedEmailDomains.isEmpty()) {
      return true;
    }
    int at = email == null ? -1 : email.lastIndexOf('@');
    if (at < 0) {
      return false;
    }
    String domain = email.substring(at + 1).toLowerCase(Locale.ROOT);
    return allowedEmailDomains.contains(domain);
  }

  /** The role a first sign-in gives: ORGANIZER when the person is in the organizer group. */
  public Role roleFor(List<String> groups) {
    if (organizerGroup.isPresent() && groups.contains(organizerGroup.get())) {
      return Role.ORGANIZER;
    }
    return newAccountRole;
  }

  @Override
  public String toString() {
    // Never the client secret in a log line.
    return "OidcProvider[" + name + ", " + issuer + ", client " + clientId + "]";
  }
}
