# The operator image: built by Maven on JDK 17, run on a JRE 17 as a non-root user with a read-only
# root filesystem (the JVM writes only to /tmp, an emptyDir in the Helm chart).
#   docker build -t iis-farm-operator:0.1.0 .
# CI runs the tests (mvn -B verify); the image build skips them.

FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q -Dmaven.test.skip=true package

FROM eclipse-temurin:17.0.15_6-jre-noble
RUN groupadd --system --gid 10001 iisfarm \
    && useradd --system --uid 10001 --gid 10001 --home-dir /tmp --no-create-home \
       --shell /usr/sbin/nologin iisfarm
COPY --from=build /src/target/iis-farm-operator.jar /opt/iis-farm-operator/iis-farm-operator.jar
# hs_err and heap dumps land in the working directory: the one writable place
WORKDIR /tmp
USER 10001:10001
# metrics, /healthz and /readyz (IISFARM_METRICS_PORT)
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=30", "-jar", "/opt/iis-farm-operator/iis-farm-operator.jar", "run"]
