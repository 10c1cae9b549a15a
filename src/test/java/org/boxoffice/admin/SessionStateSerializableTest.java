package org.boxoffice.admin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.boxoffice.booking.boundary.Checkout;
import org.junit.jupiter.api.Test;

/**
 * The admin pages' session- and view-scoped beans are written to the database at the end of every
 * request (sessionDatabase-1.0), so everything they hold must serialize: a field of a type that
 * does not fails the write on the pod (SESN0040E), and the next pod finds the page's state missing.
 * Walks each such bean's fields, and the records and collections they hold, down to the leaves.
 */
class SessionStateSerializableTest {

  @Test
  void every_field_of_the_admin_pages_session_state_serializes() throws Exception {
    List<Class<?>> beans = sessionBeans();
    assertThat(beans).contains(EventEditor.class, AdminSession.class, BookingDesk.class);
    List<String> problems = new ArrayList<>();
    for (Class<?> bean : beans) {
      if (!Serializable.class.isAssignableFrom(bean)) {
        problems.add(bean.getSimpleName() + " itself");
      }
      for (Field field : bean.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())
            || Modifier.isTransient(field.getModifiers())
            || field.isAnnotationPresent(Inject.class)) {
          continue; // injected fields are CDI proxies, which serialize themselves
        }
        check(
            field.getGenericType(),
            bean.getSimpleName() + "." + field.getName(),
            problems,
            new HashSet<>());
      }
    }
    assertThat(problems).as("session state that cannot be serialized").isEmpty();
    // BookingView.payment is declared Object for its JSON form; what it holds is this record.
    assertThat(Serializable.class).isAssignableFrom(Checkout.PaymentDetails.class);
  }

  private static void check(Type type, String where, List<String> problems, Set<Type> seen) {
    if (!seen.add(type)) {
      return;
    }
    if (type instanceof ParameterizedType parameterized) {
      check(parameterized.getRawType(), where, problems, seen);
      for (Type argument : parameterized.getActualTypeArguments()) {
        check(argument, where + "<>", problems, seen);
      }
      return;
    }
    if (where.endsWith("BookingDesk.detail.payment") && type == Object.class) {
      return; // checked below by what it holds
    }
    if (!(type instanceof Class<?> raw) || raw.isPrimitive() || raw.isEnum()) {
      return;
    }
    if (raw.isArray()) {
      check(raw.getComponentType(), where + "[]", problems, seen);
      return;
    }
    if (raw.isInterface() && raw.getName().startsWith("java.util.")) {
      return; // List, Map, Set: the implementations in use serialize; their elements are checked
    }
    if (!Serializable.class.isAssignableFrom(raw)) {
      problems.add(where + " (" + raw.getName() + ")");
      return;
    }
    if (raw.isRecord()) {
      for (RecordComponent component : raw.getRecordComponents()) {
        check(component.getGenericType(), where + "." + component.getName(), problems, seen);
      }
    }
  }

  private static List<Class<?>> sessionBeans() throws IOException, ClassNotFoundException {
    Path root = Path.of("target/classes");
    List<Class<?>> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root.resolve("org/boxoffice/admin"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> type =
            Class.forName(name, false, SessionStateSerializableTest.class.getClassLoader());
        if (type.isAnnotationPresent(ViewScoped.class)
            || type.isAnnotationPresent(SessionScoped.class)) {
          found.add(type);
        }
      }
    }
    return found;
  }
}
