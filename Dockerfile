# HTTP mode in a container. Build: docker build -t toggl-track-mcp .
# Run:   docker run -p 8000:8000 -e TOGGL_API_TOKEN=... -e MCP_API_KEY=$(openssl rand -hex 32) toggl-track-mcp
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -q -B dependency:go-offline
COPY src src
RUN ./mvnw -q -B -Dmaven.test.skip=true -Dspotless.check.skip=true package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /home/mcp --create-home mcp
COPY --from=build /src/target/toggl-track-mcp.jar /opt/toggl-track-mcp/toggl-track-mcp.jar
USER mcp
ENV HOST=0.0.0.0 PORT=8000 TOGGL_CACHE_DIR=/home/mcp/cache
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8000 && printf 'GET /health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"ok\"' <&3"]
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx512m", "-jar", "/opt/toggl-track-mcp/toggl-track-mcp.jar"]
CMD ["http"]
