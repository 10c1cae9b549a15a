package org.boxoffice.privacy.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.boxoffice.identity.boundary.AccountPrivacy;

/** Everything Boxoffice holds about a person, gathered from every feature that holds some. */
@ApplicationScoped
public class PersonalDataExports {
  @Inject Instance<PersonalData> holders;
  @Inject AccountPrivacy accounts;
  @Inject Clock clock;

  /**
   * {@code {exportedAt, userId, tables: {table: [row, ...]}}}, read in one transaction so the
   * tables agree with each other.
   */
  @Transactional
  public JsonObject export(long userId) {
    Person person = accounts.person(userId);
    Map<String, JsonArray> tables = new TreeMap<>();
    holders.forEach(holder -> tables.putAll(holder.export(person)));
    JsonObjectBuilder byTable = Json.createObjectBuilder();
    tables.forEach(byTable::add);
    return Json.createObjectBuilder()
        .add("exportedAt", clock.instant().atOffset(ZoneOffset.UTC).toString())
        .add("userId", userId)
        .add("tables", byTable)
        .build();
  }
}
