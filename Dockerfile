# The operator image: built by Maven on JDK 17, run on a JRE 17 as a non-root user with a read-only
# root filesystem (the JVM writes only to /tmp, an emptyDir in the Helm chart).
#   docker build -t iis-farm-operator:0.1.0 .
#   podman build -t iis-farm-operator:0.1.0 .
# The base images are build arguments, pinned to full versions; the tests build the same file on base images
# made locally (src/test/image/build; README, "The image"). The image build skips the tests: CI runs them.

ARG BUILD_IMAGE=maven:3.9.9-eclipse-temurin-17
ARG RUN_IMAGE=eclipse-temurin:17.0.15_6-jre-noble
# the operator's jar as the build leaves it under /src: run and audit, without the demo's simulator and libraries
# (target/iis-farm-operator-demo.jar, which the image leaves out)
ARG OPERATOR_JAR=target/iis-farm-operator.jar

FROM ${BUILD_IMAGE} AS build
# e.g. "-o -Dmaven.repo.local=/maven-repository" with a Maven repository mounted there (podman build --volume)
ARG MAVEN_FLAGS=
WORKDIR /src
COPY pom.xml .
COPY src ./src
# the cache keeps what Maven downloads for the next build, outside the image
RUN --mount=type=cache,target=/root/.m2 mvn -B -q ${MAVEN_FLAGS} -Dmaven.test.skip=true package

FROM ${RUN_IMAGE}
ARG OPERATOR_JAR
RUN groupadd --gid 10001 iisfarm \
    && useradd --uid 10001 --gid 10001 --home-dir /tmp --no-create-home \
       --shell /usr/sbin/nologin iisfarm
COPY --from=build /src/${OPERATOR_JAR} /opt/iis-farm-operator/iis-farm-operator.jar
# hs_err and heap dumps land in the working directory: the one writable place
WORKDIR /tmp
USER 10001:10001
# metrics, /healthz and /readyz (IISFARM_METRICS_PORT)
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=30", "-jar", "/opt/iis-farm-operator/iis-farm-operator.jar", "run"]
