package org.boxoffice.admin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.Events;
import org.boxoffice.media.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The event editor's image form in headless Chromium: choose a file, see its preview, upload it,
 * see the current image; a file that is no image is refused with the reason next to the input.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventImageBrowserIT extends AdminBrowserBase {
  static User organizer;
  static long eventId;
  static Path files;

  @BeforeAll
  static void start() throws IOException {
    organizer = Accounts.organizer();
    eventId = Events.published(organizer, 40);
    files = Files.createDirectories(Path.of("target", "browser-uploads"));
    browser.open(base + "/admin/login.xhtml");
    browser.type(By.id("login:email"), organizer.email());
    browser.type(By.id("login:password"), Accounts.PASSWORD);
    browser.clickAndWaitForPage(By.id("login:submit"));
    browser.visible(By.id("nav-dashboard"));
  }

  @Test
  @Order(1)
  void an_organizer_previews_and_uploads_an_image_and_sees_it_on_the_page() throws IOException {
    browser.open(base + "/admin/event.xhtml?id=" + eventId);
    browser.visible(By.id("image:none"));
    Path photo = files.resolve("poster.jpg");
    Files.write(photo, TestImages.withExif(TestImages.jpeg(1200, 800), 1));

    browser.driver.findElement(By.id("image:file")).sendKeys(photo.toAbsolutePath().toString());

    WebElement preview = browser.visible(By.id("image-preview"));
    assertThat(preview.getAttribute("src")).startsWith("data:image/jpeg");
    browser.screenshot("20-image-preview");

    browser.clickAndWaitForPage(By.id("image:upload"));

    browser.waitForText(By.id("messages"), "Image saved.");
    WebElement current = browser.visible(By.id("image:current"));
    assertThat(current.getAttribute("src")).contains("/api/v1/events/" + eventId + "/image/");
    browser.wait.until(d -> naturalWidth(current) > 0);
    assertThat(naturalWidth(current)).isEqualTo(800);
    browser.screenshot("21-image-uploaded");
    JsonObject image = Api.server().get("/events/" + eventId).data().getJsonObject("image");
    assertThat(current.getAttribute("src")).endsWith(urlOf(image, "medium"));
  }

  @Test
  @Order(2)
  void a_file_that_is_no_image_is_refused_with_the_reason_next_to_the_input() throws IOException {
    JsonObject before = Api.server().get("/events/" + eventId).data().getJsonObject("image");
    Path svg = files.resolve("poster.svg");
    Files.write(svg, TestImages.svg());

    browser.driver.findElement(By.id("image:file")).sendKeys(svg.toAbsolutePath().toString());
    browser.clickAndWaitForPage(By.id("image:upload"));

    assertThat(browser.visible(By.id("image:fileMessage")).getText())
        .contains("must be a JPEG, PNG or WebP");
    browser.screenshot("22-image-refused");
    assertThat(Api.server().get("/events/" + eventId).data().getJsonObject("image"))
        .isEqualTo(before);
    assertThat(browser.visible(By.id("image:current")).getAttribute("src"))
        .endsWith(urlOf(before, "medium"));
  }

  @Test
  @Order(3)
  void the_organizer_removes_the_image() {
    browser.clickAndWaitForPage(By.id("image:removeImage"));

    browser.waitForText(By.id("messages"), "Image removed.");
    browser.visible(By.id("image:none"));
    assertThat(Api.server().get("/events/" + eventId).data().containsKey("image")).isFalse();
  }

  private static long naturalWidth(WebElement image) {
    return (Long)
        ((JavascriptExecutor) browser.driver)
            .executeScript("return arguments[0].naturalWidth;", image);
  }

  private static String urlOf(JsonObject image, String rendition) {
    return image.getJsonArray("renditions").stream()
        .map(r -> r.asJsonObject())
        .filter(r -> r.getString("name").equals(rendition))
        .findFirst()
        .orElseThrow()
        .getString("url");
  }
}
