package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Deny by default is a safety net, not a design: every resource method of every feature states who
 * may call it (@PermitAll, @RolesAllowed or @DenyAll, on the method or its class).
 */
class AccessRulesTest {
  @Test
  void every_resource_method_states_who_may_call_it() throws Exception {
    List<Class<?>> resources = resourceClasses();
    assertThat(resources).isNotEmpty();
    List<String> withoutRule = new ArrayList<>();
    int methods = 0;
    for (Class<?> resource : resources) {
      for (Method method : resource.getDeclaredMethods()) {
        if (!isResourceMethod(method)) {
          continue;
        }
        methods++;
        if (!hasRule(method) && !hasRule(resource)) {
          withoutRule.add(resource.getSimpleName() + "." + method.getName());
        }
      }
    }
    assertThat(methods).isGreaterThan(5);
    assertThat(withoutRule).as("resource methods with no access rule").isEmpty();
  }

  private static boolean isResourceMethod(Method method) {
    if (method.isAnnotationPresent(Path.class)) {
      return true;
    }
    for (Annotation annotation : method.getAnnotations()) {
      if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasRule(AnnotatedElement element) {
    return element.isAnnotationPresent(PermitAll.class)
        || element.isAnnotationPresent(RolesAllowed.class)
        || element.isAnnotationPresent(DenyAll.class);
  }

  private static List<Class<?>> resourceClasses() throws IOException, ClassNotFoundException {
    java.nio.file.Path root = Paths.get("target/classes");
    List<Class<?>> found = new ArrayList<>();
    try (Stream<java.nio.file.Path> files = Files.walk(root)) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        if (name.contains("$") || name.endsWith("package-info")) {
          continue;
        }
        Class<?> type = Class.forName(name, false, AccessRulesTest.class.getClassLoader());
        if (type.isAnnotationPresent(Path.class)) {
          found.add(type);
        }
      }
    }
    return found;
  }
}
