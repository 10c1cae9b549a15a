package org.boxoffice.privacy.boundary;

import jakarta.json.JsonArray;
import java.util.Map;

/**
 * What a feature holds about a person, implemented by each feature that keeps such rows (in its own
 * boundary, over its own tables only). {@link PersonalDataExports} and {@link Erasures} find every
 * implementation through CDI.
 */
public interface PersonalData {
  /**
   * The feature's rows about the person, by table name, each row a JSON object of its columns;
   * secrets (password and token hashes, a payment's client secret) left out. Runs in the export's
   * transaction.
   */
  Map<String, JsonArray> export(Person person);

  /**
   * Refuses (with a {@code DomainException}) an erasure the feature cannot allow yet; runs in the
   * erasure's transaction before anything is erased.
   */
  default void checkErasable(Person person) {}

  /**
   * Removes or anonymises the person's names and email in the feature's rows, keeping what must
   * stay (amounts, for accounting). Runs in the erasure's transaction.
   */
  void erase(Person person);

  /** The order of erasure, lowest first: the account itself goes last (others match its email). */
  default int erasureOrder() {
    return 0;
  }
}
