# syntax=docker/dockerfile:1
# One image recipe for every service: docker build --build-arg MODULE=auth -t shop/auth .
# (docker compose builds all five from it). Needs BuildKit (the default since Docker 23).
#
# Stage "build" compiles ALL service modules once: it does not depend on MODULE, so the eight image builds share it
# (BuildKit builds it once), and Maven's repository lives in a cache mount that survives between builds (no
# dependency is downloaded twice, and a failed download fails the build).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -pl auth,member,product,payment,order,bff,gateway,web-ui -am package -DskipTests \
 && mkdir /out \
 && for m in auth member product payment order bff gateway web-ui; do cp "$m"/target/"$m"-*-SNAPSHOT.jar /out/"$m".jar; done \
 && javac --release 17 -d /out/healthcheck docker/HealthCheck.java

# Stage "extract": Spring Boot's layered jar, split into layers (dependencies change rarely, the application often),
# so that an image rebuild after a code change only replaces the small top layer.
FROM eclipse-temurin:17-jre AS extract
ARG MODULE
WORKDIR /extract
COPY --from=build /out/${MODULE}.jar app.jar
RUN test -n "${MODULE}" \
 && java -Djarmode=tools -jar app.jar extract --layers --launcher --destination /extracted

FROM eclipse-temurin:17-jre
ARG MODULE
# The service user (uid 10001) and every directory a service writes, created here and owned by that user: a named
# volume mounted on such a directory starts as a copy of it (same owner), so the non-root service can write there.
#   /keys  auth's JWT_KEY_DIR (the generated signing key, when JWT_SIGNING_KEY is not set)
RUN useradd --system --uid 10001 --home /app shop \
 && install -d -o 10001 -g 10001 -m 0700 /keys
WORKDIR /app
COPY --from=extract /extracted/dependencies/ ./
COPY --from=extract /extracted/spring-boot-loader/ ./
COPY --from=extract /extracted/snapshot-dependencies/ ./
COPY --from=extract /extracted/application/ ./
COPY --from=build /out/healthcheck/ /opt/healthcheck/
USER 10001
# Container-sized JVM: heap as a share of the container's memory limit (not of the host's), fail fast on OOM (the
# orchestrator restarts the container), and no huge default stack per thread. Threads of the lowest Java priority
# (auth's bcrypt) run at nice 19 and no thread gets more than the default (issue 10, P4; as a non-root user the JVM
# warns that raising a priority would be ignored, which none of these options asks for).
ENV JAVA_TOOL_OPTIONS="-XX:+UseContainerSupport -XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=25 -XX:+ExitOnOutOfMemoryError -Xss512k -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19 -XX:JavaPriority6_To_OSPriority=0 -XX:JavaPriority7_To_OSPriority=0 -XX:JavaPriority8_To_OSPriority=0 -XX:JavaPriority9_To_OSPriority=0 -XX:JavaPriority10_To_OSPriority=0"
# Probe: /actuator/health (UP = the service and what it needs are ready) on loopback, on the actuator's management
# port: MANAGEMENT_SERVER_PORT if set, else the module's default (SHOP_MODULE: auth 4001, member 5001, bff 3002,
# gateway 8001, web-ui 3003); HEALTHCHECK_URL overrides the URL. Compose names the URL explicitly.
ENV SHOP_MODULE=${MODULE}
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
    CMD ["java", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:MaxRAMPercentage=5", "-cp", "/opt/healthcheck", "HealthCheck"]
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
