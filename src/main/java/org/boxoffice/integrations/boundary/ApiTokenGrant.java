package org.boxoffice.integrations.boundary;

import java.util.Set;
import org.boxoffice.integrations.entity.ApiScope;

/** What a valid API token lets its request do: act as its owner, in the owner's role, in scope. */
public record ApiTokenGrant(long tokenId, long userId, Set<String> roles, Set<ApiScope> scopes) {
  public ApiTokenGrant {
    roles = Set.copyOf(roles);
    scopes = Set.copyOf(scopes);
  }
}
