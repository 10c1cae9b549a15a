# syntax=docker/dockerfile:1
#
# Boxoffice container image: boxoffice.war on Open Liberty (kernel-slim, Java 17, OpenJ9, UBI minimal).
#
# Build, from the repository root (BuildKit, i.e. any current Docker or Podman):
#   docker build -t boxoffice:1.0.0 .
# The tag is the pom <version> without -SNAPSHOT; kubernetes/ and the manifest test expect it.
#
# Run it against a PostgreSQL database (see docs/OPERATIONS.md for every variable):
#   docker run --rm -p 9080:9080 \
#     -e BOXOFFICE_ENV=dev \
#     -e DB_URL=jdbc:postgresql://host.docker.internal:5432/boxoffice \
#     -e DB_USER=boxoffice -e DB_PASSWORD=boxoffice \
#     boxoffice:1.0.0
#   curl -fsS http://localhost:9080/health/ready
# Without DB_URL the server falls back to the embedded H2 database: a try-out only, its data
# dies with the container. No HEALTHCHECK here on purpose: Kubernetes probes /health/* itself.

# ---- Stage 1: build the WAR ---------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml ./
COPY src ./src
# The cache mount keeps ~/.m2 between builds without baking it into a layer.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -DskipTests -DskipITs -Drunnable.skip=true package
# -DskipITs also skips the liberty-maven-plugin create/deploy executions, which are what
# copies the JDBC drivers (copyDependencies) to target/liberty/wlp/usr/shared/resources/jdbc.
# Put the same drivers, version-stripped as copyDependencies names them, at the same path.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
      -DincludeScope=provided -DincludeGroupIds=org.postgresql,com.h2database \
      -DexcludeTransitive=true -Dmdep.stripVersion=true \
      -DoutputDirectory=target/liberty/wlp/usr/shared/resources/jdbc \
 && ls -l target/boxoffice.war target/liberty/wlp/usr/shared/resources/jdbc/

# ---- Stage 2: the runtime image -----------------------------------------------------------
FROM icr.io/appcafe/open-liberty:kernel-slim-java17-openj9-ubi-minimal

ARG VERSION=1.0.0
LABEL org.opencontainers.image.title="boxoffice" \
      org.opencontainers.image.description="Boxoffice event ticketing on Open Liberty" \
      org.opencontainers.image.version="${VERSION}"

# Server configuration first, so the feature layer below is rebuilt only when server.xml changes.
COPY --chown=1001:0 src/main/liberty/config/ /config/
# server.env is read by Liberty's start script and its values OVERRIDE the container's
# environment, so a development server.env would silently beat the Kubernetes ConfigMap/Secret.
# In the image all configuration comes from the environment.
RUN rm -f /config/server.env

# Installs exactly the features server.xml asks for (kernel-slim has none).
RUN features.sh

COPY --from=build --chown=1001:0 /build/target/liberty/wlp/usr/shared/resources/jdbc/ \
     /opt/ol/wlp/usr/shared/resources/jdbc/
COPY --from=build --chown=1001:0 /build/target/boxoffice.war /config/apps/

# configure.sh starts and stops the server a few times to fill the OpenJ9 shared class cache
# (faster pod start). Point the app at an in-memory H2 database and a throw-away data directory
# while it does, so no database file and no generated dev JWT key pair end up in the image.
RUN DB_URL="jdbc:h2:mem:image-build;MODE=PostgreSQL;DB_CLOSE_DELAY=-1" \
    BOXOFFICE_DATA_DIR=/tmp/boxoffice-image-build \
    configure.sh \
 && rm -rf /tmp/boxoffice-image-build /output/data

# The base image already runs as 1001 (group 0, so OpenShift's random UIDs can write too).
USER 1001
EXPOSE 9080 9443
