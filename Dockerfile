# One image recipe for every service: docker build --build-arg MODULE=auth -t shop/auth .
# Stage 1 builds the module's Spring Boot jar with the Maven wrapper; stage 2 runs it as non-root.
FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY connection-urls/pom.xml connection-urls/
COPY local-infra/pom.xml local-infra/
COPY common/pom.xml common/
COPY auth/pom.xml auth/
COPY member/pom.xml member/
COPY gateway/pom.xml gateway/
COPY bff/pom.xml bff/
COPY web-ui/pom.xml web-ui/
COPY launcher/pom.xml launcher/
COPY e2e-tests/pom.xml e2e-tests/
RUN ./mvnw -B -q -pl ${MODULE} -am dependency:go-offline -DexcludeReactor=true || true
COPY . .
RUN ./mvnw -B -q -pl ${MODULE} -am package -DskipTests \
 && cp ${MODULE}/target/${MODULE}-*-SNAPSHOT.jar /app.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home /app shop
WORKDIR /app
COPY --from=build /app.jar /app/app.jar
USER 10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
