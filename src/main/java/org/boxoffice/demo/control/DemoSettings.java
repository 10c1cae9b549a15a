package org.boxoffice.demo.control;

import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo settings ({@code boxoffice.demo.*}, e.g. {@code BOXOFFICE_DEMO_DATA}), injected with
 * {@code @Inject @ConfigProperties}. Each default lives here and nowhere else.
 */
@ConfigProperties(prefix = "boxoffice.demo")
@Dependent
public class DemoSettings {
  /** Seed the demo data even on a configured database. */
  @ConfigProperty(name = "data", defaultValue = "false")
  public boolean data;
}
