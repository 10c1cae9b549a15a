package org.boxoffice.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.Db;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The organizer's API tokens page in a real browser: make one, see it once, use it, revoke it. */
class TokensBrowserIT extends AdminBrowserBase {

  @Test
  void the_organizer_makes_a_token_sees_its_secret_once_and_revokes_it() {
    User organizer = Accounts.organizer();
    browser.open(base + "/admin/login.xhtml");
    browser.type(By.id("login:email"), organizer.email());
    browser.type(By.id("login:password"), Accounts.PASSWORD);
    browser.clickAndWaitForPage(By.id("login:submit"));
    browser.clickAndWaitForPage(By.id("nav-tokens"));

    browser.clickAndWaitForPage(By.id("token:create"));
    assertThat(browser.visible(By.cssSelector("#token .error")).getText()).isNotBlank();

    browser.type(By.id("token:name"), "Door app");
    browser.visible(By.cssSelector("input[value='checkins:write']")).click();
    browser.visible(By.cssSelector("input[value='events:read']")).click();
    browser.clickAndWaitForPage(By.id("token:create"));

    String secret = browser.visible(By.id("secret")).getAttribute("value");
    assertThat(secret).startsWith("bxo_pat_");
    browser.waitForText(By.cssSelector("#list .token-state"), "active");
    assertThat(browser.driver.findElement(By.id("list")).getText())
        .contains("Door app", "events:read checkins:write", secret.substring(0, 12))
        .doesNotContain(secret);
    browser.screenshot("api-token-made");
    assertThat(Api.server().as(secret).get("/organizer/events").status()).isEqualTo(200);

    browser.clickAndWaitForPage(By.cssSelector("#list .revoke"));
    browser.waitForText(By.cssSelector("#list .token-state"), "revoked");
    assertThat(browser.driver.findElements(By.id("secret"))).isEmpty();
    assertThat(Api.server().as(secret).get("/organizer/events").status()).isEqualTo(401);
    assertThat(
            Db.number(
                "SELECT count(*) FROM api_tokens WHERE user_id = ? AND revoked_at IS NOT NULL",
                organizer.id()))
        .isEqualTo(1);
  }
}
