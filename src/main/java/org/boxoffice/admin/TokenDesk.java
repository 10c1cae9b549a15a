package org.boxoffice.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Validator;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.boxoffice.integrations.boundary.ApiTokenRequest;
import org.boxoffice.integrations.boundary.ApiTokenView;
import org.boxoffice.integrations.boundary.ApiTokens;
import org.boxoffice.integrations.entity.ApiScope;
import org.boxoffice.platform.entity.DomainException;

/**
 * The signed-in organizer's API tokens: make one (its secret shown on this page once), list them
 * with their last use, revoke.
 */
@Named
@ViewScoped
public class TokenDesk implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String FORM = "token";

  @Inject AdminSession session;
  @Inject ApiTokens tokens;
  @Inject Validator validator;

  private List<ApiTokenView> list = List.of();
  private String name;
  private List<String> scopes = new ArrayList<>();
  private LocalDate expiresOn;

  /** The secret of the token just made: shown once, gone with the next action. */
  private String secret;

  /** {@code f:viewAction}. */
  public void load() {
    refresh();
  }

  private void refresh() {
    list = tokens.list(session.userId());
  }

  public void create() {
    secret = null;
    ApiTokenRequest request =
        new ApiTokenRequest(
            name,
            List.copyOf(scopes),
            expiresOn == null
                ? null
                : expiresOn.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
    var violations = validator.validate(request);
    if (!violations.isEmpty()) {
      FacesMessages.violations(violations, TokenDesk::clientId);
      return;
    }
    try {
      ApiTokenView created = tokens.create(session.userId(), request);
      secret = created.token();
      FacesMessages.info(
          "Token " + created.name() + " made. Copy it now: it will not be shown again.");
      name = null;
      scopes = new ArrayList<>();
      expiresOn = null;
      refresh();
    } catch (DomainException refusal) {
      FacesMessages.refused(refusal, TokenDesk::clientId);
    }
  }

  public void revoke(long tokenId) {
    secret = null;
    try {
      tokens.revoke(session.userId(), tokenId);
      FacesMessages.info("Token revoked: it is refused from now on.");
      refresh();
    } catch (DomainException refusal) {
      FacesMessages.error(refusal.getMessage());
    }
  }

  static String clientId(String field) {
    if (field.startsWith("scopes")) {
      return FORM + ":scopes";
    }
    return switch (field) {
      case "name" -> FORM + ":name";
      case "expiresAt" -> FORM + ":expiresOn";
      default -> null;
    };
  }

  public List<String> getAllScopes() {
    return Arrays.stream(ApiScope.values()).map(ApiScope::wireName).toList();
  }

  public String scopesOf(ApiTokenView token) {
    return String.join(" ", token.scopes());
  }

  public List<ApiTokenView> getList() {
    return list;
  }

  public String getSecret() {
    return secret;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<String> getScopes() {
    return scopes;
  }

  public void setScopes(List<String> scopes) {
    this.scopes = scopes == null ? new ArrayList<>() : new ArrayList<>(scopes);
  }

  public LocalDate getExpiresOn() {
    return expiresOn;
  }

  public void setExpiresOn(LocalDate expiresOn) {
    this.expiresOn = expiresOn;
  }
}
