package org.boxoffice.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads every manifest under {@code kubernetes/} and checks it against what the application and its
 * image really provide: health paths, the HTTP port, the image tag, labels and selectors. No
 * cluster and no network: the YAML and JSON files are parsed as they are in the repository.
 */
class KubernetesManifestsTest {

  private static final Path ROOT =
      Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
  private static final Path KUBERNETES = ROOT.resolve("kubernetes");
  private static final Path BASE = KUBERNETES.resolve("base");
  private static final String SECRET_TEMPLATE = "secret-template.yaml";

  private static final Pattern SECRET_ISH_NAME =
      Pattern.compile("PASSWORD|SECRET|KEY|TOKEN", Pattern.CASE_INSENSITIVE);
  private static final Pattern PLACEHOLDER = Pattern.compile("REPLACE_ME[A-Za-z0-9_-]*|<[^>]+>|");
  private static final Set<Object> HTTP_PORT = Set.of(9080, "http");

  /** One YAML document, with the file it came from. */
  record Manifest(Path file, Map<String, Object> body) {
    String kind() {
      return str(body.get("kind"));
    }

    String name() {
      return str(at(body, "metadata", "name"));
    }

    @Override
    public String toString() {
      return ROOT.relativize(file) + " " + kind() + "/" + name();
    }
  }

  private static List<Manifest> all;
  private static List<Manifest> resources;

  @BeforeAll
  static void parseEveryManifest() throws IOException {
    assertThat(KUBERNETES).as("kubernetes/ next to pom.xml").isDirectory();
    all = new ArrayList<>();
    try (Stream<Path> files = Files.walk(KUBERNETES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        all.addAll(load(file));
      }
    }
    Set<Path> patches = new HashSet<>();
    for (Manifest kustomization : kustomizations()) {
      for (Object patch : list(kustomization.body().get("patches"))) {
        patches.add(kustomization.file().resolveSibling(str(at(patch, "path"))).normalize());
      }
    }
    resources =
        all.stream()
            .filter(m -> !"Kustomization".equals(m.kind()))
            .filter(m -> !patches.contains(m.file()))
            .toList();
  }

  @Test
  void every_manifest_parses_and_names_its_kind() {
    assertThat(all).hasSizeGreaterThan(15);
    assertThat(all).allSatisfy(m -> assertThat(m.kind()).as(m.file().toString()).isNotBlank());
  }

  @Test
  void probes_are_the_health_paths_the_app_serves_on_port_9080() {
    Manifest deployment = theDeployment();
    Map<String, Object> container = first(containers(podSpec(deployment)));
    assertProbe(deployment, at(container, "readinessProbe"), "/health/ready");
    assertProbe(deployment, at(container, "livenessProbe"), "/health/live");
    assertProbe(deployment, at(container, "startupProbe"), "/health/started");
    assertThat(list(container.get("ports")))
        .as("container ports of %s", deployment)
        .anySatisfy(
            p -> {
              assertThat(at(p, "name")).isEqualTo("http");
              assertThat(at(p, "containerPort")).isEqualTo(9080);
            });

    Manifest cr = theOpenLibertyApplication();
    assertProbe(cr, at(cr.body(), "spec", "probes", "readiness"), "/health/ready");
    assertProbe(cr, at(cr.body(), "spec", "probes", "liveness"), "/health/live");
    assertProbe(cr, at(cr.body(), "spec", "probes", "startup"), "/health/started");
    assertThat(at(cr.body(), "spec", "service", "port")).isEqualTo(9080);
  }

  @Test
  void every_container_has_cpu_and_memory_limits_and_requests() {
    Map<String, Object> checked = new LinkedHashMap<>();
    for (Manifest m : resources) {
      for (Map<String, Object> container : containers(podSpec(m))) {
        checked.put(m + " container " + container.get("name"), container.get("resources"));
      }
      if (m.kind().equals("OpenLibertyApplication") || m.kind().equals("Cluster")) {
        checked.put(m.toString(), at(m.body(), "spec", "resources"));
      }
    }
    assertThat(checked.keySet())
        .as("workloads found")
        .anyMatch(k -> k.contains("Deployment/boxoffice"))
        .anyMatch(k -> k.contains("CronJob/"))
        .anyMatch(k -> k.contains("OpenLibertyApplication/"));

    List<String> missing = new ArrayList<>();
    checked.forEach(
        (where, requirements) -> {
          for (String bound : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
              if (at(requirements, bound, resource) == null) {
                missing.add(where + " has no " + bound + "." + resource);
              }
            }
          }
        });
    assertThat(missing).isEmpty();
  }

  @Test
  void secrets_hold_only_placeholders_and_the_template_is_never_a_kustomize_resource() {
    List<String> realValues = new ArrayList<>();
    for (Manifest secret : kind("Secret")) {
      for (String field : List.of("data", "stringData")) {
        Map<String, Object> values = map(secret.body().get(field));
        values.forEach(
            (key, value) -> {
              if (!PLACEHOLDER.matcher(str(value).trim()).matches()) {
                realValues.add(secret + " " + field + "." + key);
              }
            });
      }
    }
    assertThat(realValues).as("Secret values that are not REPLACE_ME placeholders").isEmpty();

    for (Manifest kustomization : kustomizations()) {
      assertThat(list(kustomization.body().get("resources")))
          .as("resources of %s", kustomization.file())
          .noneMatch(r -> str(r).endsWith(SECRET_TEMPLATE));
      for (Object generator : list(kustomization.body().get("secretGenerator"))) {
        assertThat(list(at(generator, "literals")))
            .as("secretGenerator literals of %s", kustomization.file())
            .allMatch(l -> PLACEHOLDER.matcher(str(l).replaceFirst("^[^=]*=", "")).matches());
      }
    }
  }

  @Test
  void no_env_var_with_a_secret_ish_name_has_an_inline_value() {
    List<String> inline = new ArrayList<>();
    for (Manifest m : all) {
      collectEnvEntries(m.body())
          .forEach(
              env -> {
                String name = str(env.get("name"));
                if (SECRET_ISH_NAME.matcher(name).find() && env.containsKey("value")) {
                  inline.add(m + " env " + name);
                }
              });
    }
    assertThat(inline).as("secrets must come from a Secret (valueFrom/envFrom)").isEmpty();
  }

  @Test
  void config_maps_hold_no_secret_ish_keys() {
    assertThat(kind("ConfigMap"))
        .isNotEmpty()
        .allSatisfy(
            cm ->
                assertThat(map(cm.body().get("data")).keySet())
                    .as("keys of %s", cm)
                    .noneMatch(k -> SECRET_ISH_NAME.matcher(k).find()));
  }

  @Test
  void deployment_selector_is_a_subset_of_its_pod_template_labels() {
    Manifest deployment = theDeployment();
    Map<String, Object> selector = map(at(deployment.body(), "spec", "selector", "matchLabels"));
    assertThat(selector).containsEntry("app.kubernetes.io/name", "boxoffice");
    assertThat(podLabels(deployment)).containsAllEntriesOf(selector);
  }

  @Test
  void service_pdb_and_network_policies_select_the_boxoffice_pods() {
    Map<String, Object> podLabels = podLabels(theDeployment());
    Map<String, Map<String, Object>> selectors = new LinkedHashMap<>();
    kind("Service")
        .forEach(s -> selectors.put(s.toString(), map(at(s.body(), "spec", "selector"))));
    kind("PodDisruptionBudget")
        .forEach(
            p -> selectors.put(p.toString(), map(at(p.body(), "spec", "selector", "matchLabels"))));
    kind("NetworkPolicy")
        .forEach(
            n ->
                selectors.put(
                    n.toString(), map(at(n.body(), "spec", "podSelector", "matchLabels"))));

    assertThat(selectors.keySet())
        .anyMatch(k -> k.contains("Service/"))
        .anyMatch(k -> k.contains("PodDisruptionBudget/"))
        .anyMatch(k -> k.contains("NetworkPolicy/"));
    selectors.forEach(
        (where, selector) ->
            assertThat(podLabels)
                .as("pod labels selected by %s", where)
                .containsAllEntriesOf(selector));
    selectors.forEach((where, selector) -> assertThat(selector).as(where).isNotEmpty());
  }

  @Test
  void service_route_hpa_and_service_monitor_point_at_the_right_objects() {
    Manifest service = only(kind("Service"));
    Map<String, Object> port = map(first(list(at(service.body(), "spec", "ports"))));
    assertThat(port).containsEntry("name", "http").containsEntry("port", 9080);
    assertThat(port.get("targetPort")).isIn(HTTP_PORT);

    Manifest route = only(kind("Route"));
    assertThat(at(route.body(), "spec", "to", "name")).isEqualTo(service.name());
    assertThat(at(route.body(), "spec", "port", "targetPort")).isEqualTo("http");
    assertThat(at(route.body(), "spec", "tls", "termination")).isEqualTo("edge");
    assertThat(at(route.body(), "spec", "tls", "insecureEdgeTerminationPolicy"))
        .isEqualTo("Redirect");
    // Admin sessions are in the database; the router's cookie only saves a read per page.
    assertThat(map(at(route.body(), "metadata", "annotations")))
        .containsEntry("router.openshift.io/cookie_name", "boxoffice-pod")
        .doesNotContainKey("haproxy.router.openshift.io/disable_cookies");

    Manifest hpa = only(kind("HorizontalPodAutoscaler"));
    assertThat(at(hpa.body(), "spec", "scaleTargetRef", "name")).isEqualTo(theDeployment().name());

    Manifest monitor = only(kind("ServiceMonitor"));
    assertThat(map(at(service.body(), "metadata", "labels")))
        .containsAllEntriesOf(map(at(monitor.body(), "spec", "selector", "matchLabels")));
  }

  @Test
  void production_scales_from_3_to_20_pods_at_70_percent_cpu() throws IOException {
    Map<String, Object> hpa =
        withOverlayPatches("production", only(kind("HorizontalPodAutoscaler")));
    assertThat(at(hpa, "spec", "minReplicas")).isEqualTo(3);
    assertThat(at(hpa, "spec", "maxReplicas")).isEqualTo(20);
    assertThat(list(at(hpa, "spec", "metrics")))
        .anySatisfy(
            metric -> {
              assertThat(at(metric, "resource", "name")).isEqualTo("cpu");
              assertThat(at(metric, "resource", "target", "type")).isEqualTo("Utilization");
              assertThat(at(metric, "resource", "target", "averageUtilization")).isEqualTo(70);
            });
    assertThat(at(withOverlayPatches("production", theDeployment()), "spec", "replicas"))
        .isEqualTo(3);
  }

  @Test
  void staging_runs_one_pod_and_scales_from_fewer_than_production() throws IOException {
    assertThat(at(withOverlayPatches("staging", theDeployment()), "spec", "replicas")).isEqualTo(1);
    Map<String, Object> hpa = withOverlayPatches("staging", only(kind("HorizontalPodAutoscaler")));
    assertThat((Integer) at(hpa, "spec", "minReplicas")).isLessThan(3);
  }

  @Test
  void image_is_boxoffice_tagged_with_the_pom_version_without_snapshot() throws Exception {
    Element project =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(ROOT.resolve("pom.xml").toFile())
            .getDocumentElement();
    String artifactId = childText(project, "artifactId");
    String version = childText(project, "version").replaceFirst("-SNAPSHOT$", "");
    String image = artifactId + ":" + version;
    assertThat(image).startsWith("boxoffice:").doesNotEndWith(":");

    assertThat(containers(podSpec(theDeployment())))
        .extracting(c -> c.get("image"))
        .containsOnly(image);
    assertThat(at(theOpenLibertyApplication().body(), "spec", "applicationImage")).isEqualTo(image);
    assertThat(Files.readString(ROOT.resolve("Dockerfile"))).contains("-t " + image);
  }

  @Test
  void base_kustomization_lists_every_base_file_except_the_secret_template() throws IOException {
    Set<String> files;
    try (Stream<Path> list = Files.list(BASE)) {
      files =
          list.map(p -> p.getFileName().toString())
              .filter(f -> f.endsWith(".yaml"))
              .filter(f -> !f.equals("kustomization.yaml"))
              .collect(Collectors.toCollection(TreeSet::new));
    }
    assertThat(files).contains(SECRET_TEMPLATE, "deployment.yaml", "networkpolicy.yaml");
    files.remove(SECRET_TEMPLATE);

    Manifest base = only(load(BASE.resolve("kustomization.yaml")));
    assertThat(list(base.body().get("resources")))
        .extracting(KubernetesManifestsTest::str)
        .containsExactlyInAnyOrderElementsOf(files);
  }

  @Test
  void overlay_patches_exist_and_each_targets_a_base_resource() {
    Set<String> baseObjects =
        resources.stream()
            .filter(m -> m.file().startsWith(BASE))
            .map(m -> m.kind() + "/" + m.name())
            .collect(Collectors.toSet());
    List<Manifest> patches =
        all.stream().filter(m -> m.file().startsWith(KUBERNETES.resolve("overlays"))).toList();
    assertThat(patches).isNotEmpty();
    for (Manifest patch : patches) {
      if (!patch.kind().equals("Kustomization")) {
        assertThat(baseObjects)
            .as("target of patch %s", patch)
            .contains(patch.kind() + "/" + patch.name());
      }
    }
  }

  @Test
  void pods_run_as_non_root_without_privileges_and_drain_before_stopping() {
    Manifest deployment = theDeployment();
    Map<String, Object> podSpec = podSpec(deployment);
    Map<String, Object> container = first(containers(podSpec));
    assertThat(at(podSpec, "securityContext", "runAsNonRoot")).isEqualTo(true);
    assertThat(at(container, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
    assertThat(list(at(container, "securityContext", "capabilities", "drop"))).contains("ALL");
    assertThat(list(at(container, "lifecycle", "preStop", "exec", "command"))).contains("sleep");
    assertThat((Integer) podSpec.get("terminationGracePeriodSeconds")).isEqualTo(45);
    assertThat(map(at(podSpec, "affinity", "podAntiAffinity")))
        .containsKey("preferredDuringSchedulingIgnoredDuringExecution");
  }

  @Test
  void grafana_dashboard_is_json_with_a_query_in_every_panel() throws IOException {
    JsonObject dashboard;
    try (Reader file =
            Files.newBufferedReader(
                KUBERNETES.resolve("monitoring/grafana-dashboard.json"), StandardCharsets.UTF_8);
        JsonReader reader = Json.createReader(file)) {
      dashboard = reader.readObject();
    }
    List<JsonObject> panels =
        dashboard.getJsonArray("panels").getValuesAs(JsonObject.class).stream()
            .filter(p -> !p.getString("type").equals("row"))
            .toList();
    assertThat(panels).extracting(p -> p.getString("title")).contains("JVM heap", "Bookings");
    assertThat(panels)
        .allSatisfy(
            p ->
                assertThat(p.getJsonArray("targets"))
                    .as(p.getString("title"))
                    .isNotEmpty()
                    .allSatisfy(t -> assertThat(t.asJsonObject().getString("expr")).isNotBlank()));
    assertThat(dashboard.getString("uid")).isEqualTo("boxoffice-overview");
  }

  @Test
  void every_alert_has_a_severity_and_a_runbook_section_in_operations_md() throws IOException {
    String runbook = Files.readString(ROOT.resolve("docs/OPERATIONS.md"));
    Set<String> anchors = new HashSet<>();
    Matcher heading = Pattern.compile("(?m)^#+ +(.+)$").matcher(runbook);
    while (heading.find()) {
      anchors.add(
          heading.group(1).trim().toLowerCase().replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
    }
    List<Map<String, Object>> alerts = new ArrayList<>();
    for (Manifest rule : kind("PrometheusRule")) {
      for (Object group : list(at(rule.body(), "spec", "groups"))) {
        list(at(group, "rules")).forEach(r -> alerts.add(map(r)));
      }
    }
    assertThat(alerts)
        .extracting(a -> a.get("alert"))
        .contains(
            "BoxofficeHigh5xxErrorRate",
            "BoxofficeHighP99Latency",
            "BoxofficePaymentFailures",
            "BoxofficeOutboxDeadLetters",
            "BoxofficeDbPoolExhausted",
            "BoxofficePodNotReady");
    for (Map<String, Object> alert : alerts) {
      assertThat(at(alert, "labels", "severity"))
          .as("severity of %s", alert.get("alert"))
          .isNotNull();
      String link = str(at(alert, "annotations", "runbook"));
      assertThat(link).startsWith("docs/OPERATIONS.md#");
      assertThat(anchors)
          .as("section for %s", alert.get("alert"))
          .contains(link.substring(link.indexOf('#') + 1));
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static List<Manifest> load(Path file) throws IOException {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    List<Manifest> documents = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (Object document : yaml.loadAll(reader)) {
        if (document != null) {
          documents.add(new Manifest(file.normalize(), map(document)));
        }
      }
    }
    return documents;
  }

  private static List<Manifest> kustomizations() {
    return all.stream().filter(m -> m.file().endsWith("kustomization.yaml")).toList();
  }

  private static List<Manifest> kind(String kind) {
    return resources.stream().filter(m -> kind.equals(m.kind())).toList();
  }

  private static Manifest theDeployment() {
    return only(kind("Deployment"));
  }

  private static Manifest theOpenLibertyApplication() {
    return only(kind("OpenLibertyApplication"));
  }

  /** The base object with an overlay's patches for it merged in, as kustomize would. */
  private static Map<String, Object> withOverlayPatches(String overlay, Manifest base)
      throws IOException {
    Path dir = KUBERNETES.resolve("overlays").resolve(overlay);
    Manifest kustomization = only(load(dir.resolve("kustomization.yaml")));
    Map<String, Object> merged = base.body();
    for (Object patch : list(kustomization.body().get("patches"))) {
      for (Manifest p : load(dir.resolve(str(at(patch, "path"))))) {
        if (p.kind().equals(base.kind()) && p.name().equals(base.name())) {
          merged = merge(merged, p.body());
        }
      }
    }
    return merged;
  }

  /** Strategic merge as far as these patches need it: maps merge, scalars and lists replace. */
  private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> patch) {
    Map<String, Object> result = new LinkedHashMap<>(base);
    patch.forEach(
        (key, value) ->
            result.merge(
                key,
                value,
                (old, now) ->
                    old instanceof Map && now instanceof Map ? merge(map(old), map(now)) : now));
    return result;
  }

  private static void assertProbe(Manifest owner, Object probe, String path) {
    assertThat(probe).as("probe for %s in %s", path, owner).isNotNull();
    assertThat(at(probe, "httpGet", "path")).as("probe path in %s", owner).isEqualTo(path);
    assertThat(at(probe, "httpGet", "port")).as("probe port in %s", owner).isIn(HTTP_PORT);
  }

  private static Map<String, Object> podSpec(Manifest m) {
    return switch (m.kind()) {
      case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" ->
          map(at(m.body(), "spec", "template", "spec"));
      case "CronJob" -> map(at(m.body(), "spec", "jobTemplate", "spec", "template", "spec"));
      case "Pod" -> map(m.body().get("spec"));
      default -> Map.of();
    };
  }

  private static List<Map<String, Object>> containers(Map<String, Object> podSpec) {
    List<Map<String, Object>> containers = new ArrayList<>();
    for (String field : List.of("initContainers", "containers")) {
      list(podSpec.get(field)).forEach(c -> containers.add(map(c)));
    }
    return containers;
  }

  private static Map<String, Object> podLabels(Manifest workload) {
    return map(at(workload.body(), "spec", "template", "metadata", "labels"));
  }

  /** Every map inside a list named {@code env}, anywhere in the document. */
  private static List<Map<String, Object>> collectEnvEntries(Object node) {
    List<Map<String, Object>> found = new ArrayList<>();
    if (node instanceof Map<?, ?> m) {
      m.forEach(
          (key, value) -> {
            if ("env".equals(key)) {
              list(value).forEach(e -> found.add(map(e)));
            }
            found.addAll(collectEnvEntries(value));
          });
    } else if (node instanceof List<?> l) {
      l.forEach(item -> found.addAll(collectEnvEntries(item)));
    }
    return found;
  }

  private static String childText(Element parent, String tag) {
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e && e.getTagName().equals(tag)) {
        return e.getTextContent().trim();
      }
    }
    throw new AssertionError("pom.xml has no <" + tag + ">");
  }

  private static Object at(Object node, String... path) {
    Object current = node;
    for (String key : path) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = m.get(key);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node) {
    return node instanceof Map ? (Map<String, Object>) node : Map.of();
  }

  private static List<Object> list(Object node) {
    return node instanceof List<?> l ? new ArrayList<>(l) : List.of();
  }

  private static String str(Object node) {
    return node == null ? "" : node.toString();
  }

  private static <T> T first(List<T> items) {
    assertThat(items).isNotEmpty();
    return items.get(0);
  }

  private static <T> T only(List<T> items) {
    assertThat(items).hasSize(1);
    return items.get(0);
  }
}
