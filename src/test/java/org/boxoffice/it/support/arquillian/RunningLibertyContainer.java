package org.boxoffice.it.support.arquillian;

import io.openliberty.arquillian.managed.WLPManagedContainer;
import io.openliberty.arquillian.managed.WLPManagedContainerConfiguration;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;

/**
 * The Liberty managed container, connected to the one server this build started: the server under
 * {@code wlpHome} named {@code serverName}, and no other.
 *
 * <p>The stock adapter finds a running server with {@code allowConnectingToRunningServer} by
 * scanning the machine's JVMs for one whose command line contains the server name. Every checkout
 * of this project names its server {@code boxoffice} (and the server copies of other tests start
 * with it), so on a machine where several builds run side by side the adapter can attach to another
 * checkout's server: the test archive is then written to this build's dropins while the adapter
 * waits for it on the other server. This container instead reads the JMX address that Liberty's
 * {@code localConnector-1.0} feature writes into this server's own {@code logs/state} directory,
 * checks that the server behind it has this {@code wlpHome}, and never starts or stops a server:
 * the build does (liberty-maven-plugin {@code start}/{@code stop}).
 *
 * <p>Everything else (deploy to dropins, waiting for the application, undeploy, the protocol
 * metadata) is the adapter's own code. The adapter keeps its JMX connection in private fields,
 * which are set here by reflection; the adapter version is pinned in pom.xml.
 */
public class RunningLibertyContainer extends WLPManagedContainer {
  private static final String ADDRESS_FILE = "logs/state/com.ibm.ws.jmx.local.address";

  private WLPManagedContainerConfiguration configuration;

  @Override
  public void setup(WLPManagedContainerConfiguration configuration) {
    super.setup(configuration);
    this.configuration = configuration;
  }

  @Override
  public void start() throws LifecycleException {
    Path wlp = Path.of(configuration.getWlpHome()).toAbsolutePath().normalize();
    Path usr =
        configuration.getUsrDir() == null ? wlp.resolve("usr") : Path.of(configuration.getUsrDir());
    Path server = usr.resolve("servers").resolve(configuration.getServerName());
    Path addressFile = server.resolve(ADDRESS_FILE);
    String address;
    try {
      List<String> lines = Files.exists(addressFile) ? Files.readAllLines(addressFile) : List.of();
      if (lines.isEmpty() || lines.get(0).isBlank()) {
        throw new LifecycleException(
            "No local JMX address in "
                + addressFile
                + ": start the server first (mvn verify starts it in pre-integration-test) with the"
                + " localConnector-1.0 feature (src/test/liberty/configDropins).");
      }
      address = lines.get(0).strip();
    } catch (IOException e) {
      throw new LifecycleException("Cannot read " + addressFile, e);
    }

    JMXConnector connector;
    try {
      connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
    } catch (IOException e) {
      throw new LifecycleException(
          "Server "
              + server
              + " does not answer on its local JMX address "
              + address
              + " (stale address file: is the server running?)",
          e);
    }
    try {
      MBeanServerConnection mbeans = connector.getMBeanServerConnection();
      requireSameInstallation(mbeans, wlp);
      set("jmxConnector", connector);
      set("mbsc", mbeans);
      invoke("initExceptionLocators");
    } catch (LifecycleException | RuntimeException e) {
      closeQuietly(connector, e);
      throw e;
    } catch (IOException e) {
      closeQuietly(connector, e);
      throw new LifecycleException("Connecting to the JMX MBean server failed", e);
    }
  }

  /** The address file could be a stale one whose port another server now uses: make sure. */
  private static void requireSameInstallation(MBeanServerConnection mbeans, Path wlp)
      throws LifecycleException, IOException {
    Object installDirectory;
    try {
      installDirectory =
          mbeans.getAttribute(
              new ObjectName("WebSphere:feature=kernel,name=ServerInfo"), "InstallDirectory");
    } catch (javax.management.JMException e) {
      throw new LifecycleException("Cannot ask the server where it is installed", e);
    }
    Path actual = Path.of(String.valueOf(installDirectory)).toAbsolutePath().normalize();
    if (!actual.toRealPath().equals(wlp.toRealPath())) {
      throw new LifecycleException(
          "The JMX address of this build's server leads to the server installed in "
              + actual
              + ", not "
              + wlp);
    }
  }

  private void set(String name, Object value) throws LifecycleException {
    try {
      Field field = WLPManagedContainer.class.getDeclaredField(name);
      field.setAccessible(true);
      field.set(this, value);
    } catch (ReflectiveOperationException e) {
      throw incompatibleAdapter(name, e);
    }
  }

  private void invoke(String name) throws LifecycleException {
    try {
      Method method = WLPManagedContainer.class.getDeclaredMethod(name);
      method.setAccessible(true);
      method.invoke(this);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof LifecycleException lifecycle) {
        throw lifecycle;
      }
      throw new LifecycleException(name + " failed", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw incompatibleAdapter(name, e);
    }
  }

  private static LifecycleException incompatibleAdapter(String member, Exception e) {
    return new LifecycleException(
        "arquillian-liberty-managed-jakarta has no member "
            + member
            + ": this class was written for version 2.1.3 (see pom.xml)",
        e);
  }

  private static void closeQuietly(JMXConnector connector, Exception failure) {
    try {
      connector.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
